package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Max;
import org.junit.jupiter.api.Test;

/**
 * Reference: the peak found by a naive scan of every earlier bar (running peak) or by commons-math
 * {@link Max} over each window; relative tolerance 1e-9. Plus a hand-checked series.
 */
class DrawdownTest {

    private final Drawdown drawdown = new Drawdown();

    @Test
    void handCheckedRunningDrawdown() {
        double[] prices = {100, 120, 90, Double.NaN, 130, 65};
        double[] out = Harness.run(drawdown, Map.of(), Harness.days(6), prices);
        assertThat(out).containsExactly(0.0, 0.0, -0.25, Double.NaN, 0.0, -0.5);
    }

    @Test
    void btcRunningDrawdownMatchesANaiveScanOfThePast() {
        SampleData.Bars btc = SampleData.btc();
        double[] close = SampleData.withGaps(btc.close(), 1234);
        double[] expected = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            double peak = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= i; j++) {
                if (!Double.isNaN(close[j])) {
                    peak = Math.max(peak, close[j]);
                }
            }
            expected[i] = close[i] / peak - 1;
        }
        double[] out = Harness.run(drawdown, Map.of(), btc.times(), close);
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
        // BTC's 2018 and 2022 bear markets both went below -70%
        assertThat(java.util.Arrays.stream(out).filter(v -> !Double.isNaN(v)).min().orElseThrow()).isLessThan(-0.7);
    }

    @Test
    void btcDrawdownFromTheOneYearHighMatchesTheWindowMaximum() {
        SampleData.Bars btc = SampleData.btc();
        double[] close = SampleData.withGaps(btc.close(), 2000);
        double[] expected = Harness.naive(close, 365, (x, b, n) -> x[b + n - 1] / new Max().evaluate(x, b, n) - 1);
        double[] out = Harness.run(drawdown, Map.of("window", 365.0), btc.times(), close);
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
        assertThat(drawdown.start(Map.of("window", 365.0)).unstableBars()).isEqualTo(364);
    }
}
