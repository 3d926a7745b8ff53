package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/**
 * Each of the four conditions alone on constructed series (exact counts), all four together, and
 * on real data (SPY, DXY, the 10-year yield, CME Bitcoin open interest, BTC) a naive recomputation
 * with commons-math {@link StandardDeviation} over each window of log returns (exact counts) plus
 * sanity bounds.
 */
class CompressionWarningTest {

    private static final int N = 5;
    private static final int M = 3;
    private static final int BARS = 40;
    private static final Map<String, Double> PARAMS = Map.of("window", (double) N, "periods", (double) M);

    private final CompressionWarning warning = new CompressionWarning();

    /**
     * Prices whose log returns alternate in sign with amplitude {@code 0.01 * growth^i}: each
     * window of returns is the previous one times {@code -growth}, so the volatility changes by
     * exactly the factor {@code growth} a bar: falling for a growth below 1, rising above.
     */
    private static double[] equity(double growth) {
        double[] p = new double[BARS];
        p[0] = 100;
        for (int i = 1; i < BARS; i++) {
            p[i] = p[i - 1] * Math.exp((i % 2 == 0 ? 1 : -1) * 0.01 * Math.pow(growth, i));
        }
        return p;
    }

    private static double[] line(double start, double perBar) {
        double[] x = new double[BARS];
        for (int i = 0; i < BARS; i++) {
            x[i] = start + perBar * i;
        }
        return x;
    }

    /** Equity vol falling, dollar falling, yields falling, open interest falling with crypto: no condition. */
    private static double[][] calm() {
        return new double[][] {equity(0.9), line(100, -0.1), line(4, -0.01), line(1e4, -10), line(5e4, -100)};
    }

    private double[] run(double[][] inputs) {
        return Harness.run(warning, PARAMS, Harness.days(BARS), inputs);
    }

    private static void assertCount(double[] out, double count) {
        for (int i = 0; i < N + M; i++) {
            assertThat(out[i]).as("unstable bar %d", i).isNaN();
        }
        for (int i = N + M; i < BARS; i++) {
            assertThat(out[i]).as("bar %d", i).isEqualTo(count);
        }
    }

    @Test
    void noConditionHolds() {
        assertCount(run(calm()), 0);
        assertThat(warning.start(PARAMS).unstableBars()).isEqualTo(N + M);
    }

    @Test
    void risingEquityVolatilityAlone() {
        double[][] inputs = calm();
        inputs[0] = equity(1.1);
        assertCount(run(inputs), 1);
    }

    @Test
    void aRisingDollarAlone() {
        double[][] inputs = calm();
        inputs[1] = line(100, 0.1);
        assertCount(run(inputs), 1);
    }

    @Test
    void stableYieldsAloneAndRisingYieldsAlone() {
        double[][] inputs = calm();
        inputs[2] = line(4, 0);
        assertCount(run(inputs), 1);
        inputs[2] = line(4, 0.01);
        assertCount(run(inputs), 1);
    }

    @Test
    void openInterestRisingIntoAFallingCryptoPriceAlone() {
        double[][] inputs = calm();
        inputs[3] = line(1e4, 10);
        assertCount(run(inputs), 1);
        // rising open interest with a rising price is not the condition
        inputs[4] = line(5e4, 100);
        assertCount(run(inputs), 0);
    }

    @Test
    void allFourTogether() {
        double[][] inputs = {equity(1.1), line(100, 0.1), line(4, 0), line(1e4, 10), line(5e4, -100)};
        assertCount(run(inputs), 4);
        inputs[1] = SampleData.withGaps(inputs[1], 20);
        double[] out = run(inputs);
        // the gap removes the dollar condition on its bar and M bars later: NaN, never a lower count
        assertThat(out[20]).isNaN();
        assertThat(out[20 + M]).isNaN();
        assertThat(out[21]).isEqualTo(4.0);
    }

    @Test
    void realDataMatchesANaiveCountAndStaysWithinZeroToFour() {
        SampleData.Table macro = SampleData.compressionInputs();
        double[][] c = macro.columns();
        int window = 20;
        int periods = 5;
        double[] vol = Harness.naive(Harness.logReturns(c[0]), window, new StandardDeviation()::evaluate);
        double[] expected = new double[c[0].length];
        Arrays.fill(expected, Double.NaN);
        for (int i = window + periods; i < expected.length; i++) {
            int j = i - periods;
            expected[i] = (vol[i] > vol[j] ? 1 : 0) + (c[1][i] > c[1][j] ? 1 : 0) + (c[2][i] >= c[2][j] ? 1 : 0)
                    + (c[3][i] > c[3][j] && c[4][i] < c[4][j] ? 1 : 0);
        }
        double[] out = Harness.run(warning, Map.of(), macro.times(), c);
        Harness.assertClose(out, expected, 0, 0);
        assertThat(out.length).as("common days 2018-2025").isGreaterThan(1500);
        long[] histogram = new long[5];
        for (int i = window + periods; i < out.length; i++) {
            assertThat(out[i]).as("bar %d", i).isFinite().isBetween(0.0, 4.0);
            assertThat(out[i]).isEqualTo(Math.rint(out[i]));
            histogram[(int) out[i]]++;
        }
        assertThat(histogram[3] + histogram[4]).as("days with three or four conditions").isPositive();
        assertThat(histogram[0]).as("days with none").isPositive();
    }
}
