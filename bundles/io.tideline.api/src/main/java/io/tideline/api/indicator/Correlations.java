package io.tideline.api.indicator;

import io.tideline.api.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The desk's one correlation, behind the heatmap's cells, its sparkline and {@code indicator
 * matrix}: the Pearson correlation of two series' daily changes over the last {@code window}
 * changes.
 *
 * <p>The definition: the two stored series are joined on the UTC days both have a valid value
 * (crypto trades at weekends, equities do not; feeds stamp a day at different hours; a day with a
 * missing value on either side is left out, and a day stored twice counts with its last value).
 * Each side becomes its change between consecutive common days by its kind ({@link
 * DailyChange#of}: log returns for prices and levels, differences for yields, spreads, rates and
 * flows, and differences for a log-return series whose window holds a value {@code <= 0}). The
 * value of a common day is the Pearson correlation of the {@code window} changes ending on it,
 * computed in two passes (means first), clamped to [-1, 1]; NaN when either side is constant.
 *
 * <p>Thread-safe.
 *
 * @since 1.1
 */
@ProviderType
public interface Correlations {

    /**
     * The latest {@code query.points()} values of the correlation of {@code query.a()} and
     * {@code query.b()}, as of {@code query.toMillis()}.
     *
     * @return the values; empty when the inputs have fewer than {@code window + 1} common days
     * @throws IllegalArgumentException naming the input that is neither a bound role nor a series id
     * @throws StoreException if the store cannot be read
     */
    CorrelationCurve correlate(CorrelationQuery query) throws StoreException;

    /**
     * The correlation of every pair of {@code inputs}, each with itself included, row by row over
     * the upper triangle: (0,0), (0,1), ..., (0,n-1), (1,1), (1,2), ...; each curve is exactly
     * {@link #correlate} of {@code new CorrelationQuery(a, b, window, points, toMillis)}. What a
     * correlation matrix asks: an implementation reads each input once where it can, instead of
     * once per pair.
     *
     * @throws IllegalArgumentException naming the input that is neither a bound role nor a series id
     * @throws StoreException if the store cannot be read
     * @since 1.2
     */
    default List<CorrelationCurve> correlateAll(List<String> inputs, int window, int points, long toMillis)
            throws StoreException {
        List<CorrelationCurve> out = new ArrayList<>();
        for (int r = 0; r < inputs.size(); r++) {
            for (int k = r; k < inputs.size(); k++) {
                out.add(correlate(new CorrelationQuery(inputs.get(r), inputs.get(k), window, points, toMillis)));
            }
        }
        return out;
    }
}
