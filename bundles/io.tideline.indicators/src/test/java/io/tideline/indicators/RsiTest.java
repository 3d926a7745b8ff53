package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.junit.jupiter.api.Test;

/**
 * References: Wilder's worked example as published by StockCharts ("RSI", ChartSchool), to their
 * two decimals (absolute tolerance 0.005); and on BTC the closed form of Wilder's smoothing
 * ({@code avg[t] = (1 - 1/n)^(t-n) * seed + (1/n) * sum (1 - 1/n)^(t-j) x[j]}, seed the commons-math
 * {@link Mean} of the first n gains or losses), relative tolerance 1e-9.
 */
class RsiTest {

    private static final double[] STOCKCHARTS_CLOSES = {44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264,
        45.0955, 45.4245, 45.8433, 46.0826, 45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328,
        46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783,
        44.2181, 44.5672, 43.4205, 42.6628, 43.1314};
    private static final double[] STOCKCHARTS_RSI = {70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26,
        56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77};

    private final Rsi rsi = new Rsi();

    @Test
    void reproducesThePublishedWorkedExample() {
        double[] out = Harness.run(rsi, Map.of(), Harness.days(STOCKCHARTS_CLOSES.length), STOCKCHARTS_CLOSES);
        for (int i = 0; i < 14; i++) {
            assertThat(out[i]).isNaN();
        }
        for (int k = 0; k < STOCKCHARTS_RSI.length; k++) {
            assertThat(out[14 + k]).as("RSI at bar %d", 14 + k).isCloseTo(STOCKCHARTS_RSI[k], within(0.005));
        }
    }

    @Test
    void btcMatchesTheClosedFormOfWilderSmoothing() {
        SampleData.Bars btc = SampleData.btc();
        int n = 14;
        double[] close = btc.close();
        double[] gains = new double[close.length];
        double[] losses = new double[close.length];
        for (int i = 1; i < close.length; i++) {
            gains[i] = Math.max(close[i] - close[i - 1], 0);
            losses[i] = Math.max(close[i - 1] - close[i], 0);
        }
        double[] expected = new double[close.length];
        Arrays.fill(expected, 0, n, Double.NaN);
        for (int t = n; t < close.length; t++) {
            double gain = wilder(gains, n, t);
            double loss = wilder(losses, n, t);
            expected[t] = 100 * gain / (gain + loss);
        }
        Harness.assertClose(Harness.run(rsi, Map.of(), btc.times(), close), expected, REFERENCE_TOLERANCE, 0);
    }

    private static double wilder(double[] x, int n, int t) {
        double decay = 1 - 1.0 / n;
        double value = Math.pow(decay, t - n) * new Mean().evaluate(x, 1, n);
        for (int j = n + 1; j <= t; j++) {
            value += Math.pow(decay, t - j) * x[j] / n;
        }
        return value;
    }

    @Test
    void onlyGainsGive100NoMoveGives50AndAGapRestartsTheSeeding() {
        double[] up = {1, 2, 3, 4, 5};
        assertThat(Harness.run(rsi, Map.of("period", 2.0), Harness.days(5), up)[4]).isEqualTo(100.0);
        double[] flat = {3, 3, 3, 3};
        assertThat(Harness.run(rsi, Map.of("period", 2.0), Harness.days(4), flat)[3]).isEqualTo(50.0);
        double[] gap = {1, 2, 1, Double.NaN, 2, 3, 2, 3};
        double[] out = Harness.run(rsi, Map.of("period", 2.0), Harness.days(8), gap);
        // changes after the gap: bar 4 NaN, then +1 (bar 5), -1 (bar 6): seeded again at bar 6
        assertThat(out[2]).isFinite();
        assertThat(Arrays.copyOfRange(out, 3, 6)).containsOnly(Double.NaN);
        assertThat(out[6]).isCloseTo(50, within(1e-12));
    }
}
