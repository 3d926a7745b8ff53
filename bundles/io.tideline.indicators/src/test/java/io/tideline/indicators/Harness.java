package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import java.util.Map;

/** Runs indicators over whole columns and compares outputs with tolerances. */
public final class Harness {

    /** Relative tolerance of every comparison with an independent reference. */
    public static final double REFERENCE_TOLERANCE = 1e-9;
    /** Relative tolerance between chunked and single-pass runs. */
    public static final double CHUNK_TOLERANCE = 1e-12;

    private Harness() {
    }

    /** Feeds all bars in chunks of {@code chunk} bars to a fresh computation. */
    public static double[] run(Indicator indicator, Map<String, Double> params, long[] times, double[][] inputs,
            int chunk) {
        IndicatorComputation computation = indicator.start(params);
        double[] out = new double[times.length];
        java.util.Arrays.fill(out, -12345.678);
        for (int from = 0; from < times.length; from += chunk) {
            computation.append(times, inputs, from, Math.min(times.length, from + chunk), out);
        }
        return out;
    }

    /** Feeds all bars in one call. */
    public static double[] run(Indicator indicator, Map<String, Double> params, long[] times, double[]... inputs) {
        return run(indicator, params, times, inputs, Math.max(1, times.length));
    }

    /** A statistic of {@code length} values from {@code begin}, e.g. commons-math's {@code evaluate}. */
    public interface WindowStatistic {
        double of(double[] values, int begin, int length);
    }

    /**
     * The naive reference: {@code statistic} recomputed over each full window (NaN before the
     * first, and NaN for any window holding a NaN, whatever the statistic does with NaN).
     */
    public static double[] naive(double[] x, int window, WindowStatistic statistic) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int begin = i - window + 1;
            out[i] = begin < 0 || hasNaN(x, begin, window) ? Double.NaN : statistic.of(x, begin, window);
        }
        return out;
    }

    private static boolean hasNaN(double[] x, int begin, int length) {
        for (int i = begin; i < begin + length; i++) {
            if (Double.isNaN(x[i])) {
                return true;
            }
        }
        return false;
    }

    /** One-bar log returns, NaN at index 0; computed here, independently of the main code. */
    public static double[] logReturns(double[] prices) {
        double[] r = new double[prices.length];
        r[0] = Double.NaN;
        for (int i = 1; i < prices.length; i++) {
            r[i] = Math.log(prices[i] / prices[i - 1]);
        }
        return r;
    }

    /** Consecutive daily timestamps. */
    public static long[] days(int n) {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = 86_400_000L * i;
        }
        return times;
    }

    /**
     * Asserts {@code |actual - expected| <= relative * |expected| + absolute} at every index, and
     * that NaN appears at exactly the same indices.
     */
    public static void assertClose(double[] actual, double[] expected, double relative, double absolute) {
        assertThat(actual).hasSameSizeAs(expected);
        int compared = 0;
        for (int i = 0; i < expected.length; i++) {
            double a = actual[i];
            double e = expected[i];
            if (Double.isNaN(e) || Double.isNaN(a)) {
                if (Double.isNaN(e) != Double.isNaN(a)) {
                    fail("index %d: expected %s but got %s", i, e, a);
                }
                continue;
            }
            if (!(Math.abs(a - e) <= relative * Math.abs(e) + absolute)) {
                fail("index %d: expected %s but got %s (difference %s, relative tolerance %s, absolute %s)",
                        i, e, a, Math.abs(a - e), relative, absolute);
            }
            compared++;
        }
        assertThat(compared).as("finite values compared").isPositive();
    }

    /** Chunks of 1, 7 and all bars give the single-pass output to {@link #CHUNK_TOLERANCE}. */
    public static void assertChunkingDoesNotMatter(Indicator indicator, Map<String, Double> params, long[] times,
            double[]... inputs) {
        double[] whole = run(indicator, params, times, inputs);
        for (int chunk : new int[] {1, 7, 250, times.length}) {
            assertClose(run(indicator, params, times, inputs, chunk), whole, CHUNK_TOLERANCE, 0);
        }
    }
}
