package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference: commons-math {@link Mean} and {@link StandardDeviation} over each window; relative
 * tolerance 1e-9 plus absolute 1e-12 (a score near 0 has no relative scale). Plus hand-checked values.
 */
class LevelZScoreTest {

    private final LevelZScore zscore = new LevelZScore();

    @ParameterizedTest
    @ValueSource(ints = {30, 90})
    void btcFundingRateMatchesTheReference(int window) {
        SampleData.Series funding = SampleData.column("crypto/binance_btcusdt_funding_daily.csv", "date",
                "funding_mean", null, null);
        double[] rate = SampleData.withGaps(funding.values(), 1000);
        double[] expected = Harness.naive(rate, window, (x, b, n) -> (x[b + n - 1] - new Mean().evaluate(x, b, n))
                / new StandardDeviation().evaluate(x, b, n));
        Map<String, Double> params = Map.of("window", (double) window);
        double[] out = Harness.run(zscore, params, funding.times(), rate);
        Harness.assertClose(out, expected, Harness.REFERENCE_TOLERANCE, 1e-12);
        assertThat(zscore.start(params).unstableBars()).isEqualTo(window - 1);
    }

    @Test
    void handCheckedScoreAndNaNOnAFlatWindow() {
        // window 1, 2, 3, 6: mean 3, sample sd sqrt((4 + 1 + 0 + 9) / 3)
        double[] x = {1, 2, 3, 6, 6, 6, 6, 6};
        double[] out = Harness.run(zscore, Map.of("window", 4.0), Harness.days(8), x);
        assertThat(out[2]).isNaN();
        assertThat(out[3]).isCloseTo(3 / Math.sqrt(14.0 / 3), within(1e-15));
        assertThat(out[7]).as("a flat window has no spread").isNaN();
    }
}
