package io.tideline.api.indicator;

import io.tideline.api.series.SeriesKind;

/**
 * How a series becomes a day-to-day change before two series are correlated ({@link
 * Correlations}): the move that means the same thing at any level of the series.
 *
 * @since 1.1
 */
public enum DailyChange {
    /**
     * {@code ln(x[t] / x[t-1])}: for prices and other positive levels, where a 1% move means the
     * same at 100 and at 10,000.
     */
    LOG_RETURN,
    /**
     * {@code x[t] - x[t-1]}: for yields, spreads, rates and flows, where a 10 bp move means the
     * same at 1% and at 5%, and for any level that can be zero or negative (a log return has no
     * meaning there). The unit (percentage points, basis points) does not change a correlation.
     */
    DIFFERENCE;

    /**
     * The change for a series of {@code kind}: {@link #DIFFERENCE} for {@link SeriesKind#YIELD},
     * {@link SeriesKind#SPREAD}, {@link SeriesKind#RATE} and {@link SeriesKind#FLOW};
     * {@link #LOG_RETURN} for prices, index levels, volatilities, counts and ratios. A correlation
     * falls back to differences for a log-return series whose window holds a value {@code <= 0}.
     *
     * @param kind what the series measures
     * @return the change its correlations use
     */
    public static DailyChange of(SeriesKind kind) {
        return switch (kind) {
            case YIELD, SPREAD, RATE, FLOW -> DIFFERENCE;
            case PRICE, INDEX_LEVEL, VOLATILITY, COUNT, RATIO -> LOG_RETURN;
        };
    }
}
