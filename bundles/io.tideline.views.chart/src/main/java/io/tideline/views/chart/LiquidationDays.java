package io.tideline.views.chart;

import java.util.Arrays;

/**
 * The days liquidations drove the tape. A bar is a <em>long flush</em> when long liquidations
 * exceed {@code k} times their mean over the previous {@code window} bars (the bar itself left
 * out, so one spike does not raise its own bar) and the close is below the previous close; a
 * <em>short squeeze</em> likewise with short liquidations and a close above the previous close.
 * Bars are matched to prices on equal timestamps; bars without a price, without a full window,
 * or whose window averages zero are never marked. Stateless and thread-safe.
 */
final class LiquidationDays {

    /** The default multiple of the trailing average. */
    static final double DEFAULT_K = 3;
    /** The default trailing window, in bars (a month of daily bars). */
    static final int DEFAULT_WINDOW = 30;

    private LiquidationDays() {
    }

    /**
     * The times of the marked bars.
     *
     * @param longs {@code true} for long flushes (price fell), {@code false} for short squeezes
     * @throws IllegalArgumentException for {@code k <= 0} or {@code window < 1}
     */
    static long[] find(long[] priceTimes, double[] close, long[] liqTimes, double[] liq, double k, int window,
            boolean longs) {
        if (!(k > 0) || window < 1) {
            throw new IllegalArgumentException("liquidation marker needs k > 0 and window >= 1, got k=" + k
                    + ", window=" + window);
        }
        long[] out = new long[liqTimes.length];
        int n = 0;
        double sum = 0;
        int valid = 0;
        for (int j = 0; j < liqTimes.length; j++) {
            if (j >= window) {
                // The window holds bars j-window .. j-1: add the newest, drop the one before it.
                double in = liq[j - 1];
                double outgoing = j - 1 - window >= 0 ? liq[j - 1 - window] : Double.NaN;
                if (!Double.isNaN(in)) {
                    sum += in;
                    valid++;
                }
                if (!Double.isNaN(outgoing)) {
                    sum -= outgoing;
                    valid--;
                }
            } else if (j > 0 && !Double.isNaN(liq[j - 1])) {
                sum += liq[j - 1];
                valid++;
            }
            if (j < window || valid < window || Double.isNaN(liq[j])) {
                continue;
            }
            double mean = sum / window;
            if (!(mean > 0) || !(liq[j] > k * mean)) {
                continue;
            }
            int i = Arrays.binarySearch(priceTimes, liqTimes[j]);
            if (i < 1 || Double.isNaN(close[i]) || Double.isNaN(close[i - 1])) {
                continue;
            }
            if (longs ? close[i] < close[i - 1] : close[i] > close[i - 1]) {
                out[n++] = liqTimes[j];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
