package io.tideline.api.indicator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Naive whole-window references for the rolling statistics, and the comparison with tolerances. */
final class WindowReference {

    /** Relative tolerance of every comparison with an independent reference. */
    static final double REFERENCE_TOLERANCE = 1e-9;

    private WindowReference() {
    }

    /** A statistic of {@code length} values from {@code begin}, e.g. commons-math's {@code evaluate}. */
    interface WindowStatistic {
        double of(double[] values, int begin, int length);
    }

    /**
     * The naive reference: {@code statistic} recomputed over each full window (NaN before the
     * first, and NaN for any window holding a NaN, whatever the statistic does with NaN).
     */
    static double[] naive(double[] x, int window, WindowStatistic statistic) {
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

    /**
     * Asserts {@code |actual - expected| <= relative * |expected| + absolute} at every index, and
     * that NaN appears at exactly the same indices.
     */
    static void assertClose(double[] actual, double[] expected, double relative, double absolute) {
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
}
