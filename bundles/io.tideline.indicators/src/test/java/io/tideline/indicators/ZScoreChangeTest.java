package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Reference: the changes computed in the test, scored with commons-math {@link Mean} and
 * {@link StandardDeviation} over each window; relative tolerance 1e-9.
 */
class ZScoreChangeTest {

    private final ZScoreChange zscore = new ZScoreChange();

    @ParameterizedTest
    @CsvSource({"1, 90", "5, 60", "20, 252"})
    void btcChangesMatchTheReference(int periods, int window) {
        SampleData.Bars btc = SampleData.btc();
        double[] close = SampleData.withGaps(btc.close(), 1500);
        double[] changes = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            changes[i] = i < periods ? Double.NaN : close[i] - close[i - periods];
        }
        double[] expected = Harness.naive(changes, window, (x, b, n) -> (x[b + n - 1] - new Mean().evaluate(x, b, n))
                / new StandardDeviation().evaluate(x, b, n));
        Map<String, Double> params = Map.of("periods", (double) periods, "window", (double) window);
        Harness.assertClose(Harness.run(zscore, params, btc.times(), close), expected, REFERENCE_TOLERANCE, 0);
        assertThat(zscore.start(params).unstableBars()).isEqualTo(periods + window - 1);
    }

    @Test
    void handCheckedScoreOfAJump() {
        // changes 1, 1, 1, 5: mean 2, sample sd sqrt(12 / 3) = 2, so the jump scores (5 - 2) / 2
        double[] x = {0, 1, 2, 3, 8};
        double[] out = Harness.run(zscore, Map.of("periods", 1.0, "window", 4.0), Harness.days(5), x);
        assertThat(out[3]).isNaN();
        assertThat(out[4]).isCloseTo(1.5, within(1e-15));
    }
}
