package io.tideline.views.chart.kit;

/**
 * Reduces a time series to at most four points per pixel column (the M4 scheme: the first, the
 * lowest, the highest and the last point of every column, in time order). A polyline through
 * them draws the same pixels as one through every point, so a million bars redraw as fast as a
 * few thousand. Each column keeps its exact minimum and maximum, which is what makes every
 * spike and every crash visible however far the user zooms out.
 *
 * <p>Stateless and thread-safe. No allocation: the caller owns the output arrays, sized with
 * {@link #capacity(int)}.
 */
public final class Decimator {

    private Decimator() {
    }

    /** The output length needed for {@code columns} pixel columns (plus one point each side). */
    public static int capacity(int columns) {
        return 4 * Math.max(1, columns) + 2;
    }

    /**
     * The index of the first time {@code >= t} (the length when there is none).
     */
    public static int lowerBound(long[] times, long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the bar nearest to {@code t}, or -1 when {@code times} is empty. */
    public static int nearest(long[] times, long t) {
        if (times.length == 0) {
            return -1;
        }
        int i = lowerBound(times, t);
        if (i == times.length) {
            return i - 1;
        }
        if (i > 0 && t - times[i - 1] < times[i] - t) {
            return i - 1;
        }
        return i;
    }

    /**
     * Decimates the bars with {@code x0 <= time <= x1} into {@code columns} equal pixel columns.
     * The nearest bar outside each end is kept too, so the line runs to the plot's edges. NaN
     * values (missing observations) are skipped.
     *
     * @param outX receives the times, as doubles (SWTChart's x values)
     * @param outY receives the values
     * @return the number of points written
     */
    public static int m4(long[] times, double[] values, long x0, long x1, int columns, double[] outX, double[] outY) {
        int n = 0;
        int from = lowerBound(times, x0);
        int to = lowerBound(times, x1 + 1);
        int before = from - 1;
        while (before >= 0 && Double.isNaN(values[before])) {
            before--;
        }
        if (before >= 0) {
            outX[n] = times[before];
            outY[n++] = values[before];
        }
        int cols = Math.max(1, columns);
        double span = Math.max(1, x1 - x0);
        int i = from;
        while (i < to) {
            int col = column(times[i], x0, span, cols);
            // One column: first, min, max, last, by index so they can be written in time order.
            int first = -1;
            int min = -1;
            int max = -1;
            int last = -1;
            long end = columnEnd(col, x0, span, cols);
            while (i < to && times[i] < end) {
                double v = values[i];
                if (!Double.isNaN(v)) {
                    if (first < 0) {
                        first = i;
                        min = i;
                        max = i;
                    } else {
                        if (v < values[min]) {
                            min = i;
                        }
                        if (v > values[max]) {
                            max = i;
                        }
                    }
                    last = i;
                }
                i++;
            }
            if (first < 0) {
                continue;
            }
            int lo = Math.min(min, max);
            int hi = Math.max(min, max);
            n = put(times, values, first, outX, outY, n);
            if (lo != first) {
                n = put(times, values, lo, outX, outY, n);
            }
            if (hi != lo && hi != first) {
                n = put(times, values, hi, outX, outY, n);
            }
            if (last != hi && last != lo && last != first) {
                n = put(times, values, last, outX, outY, n);
            }
        }
        int after = to;
        while (after < times.length && Double.isNaN(values[after])) {
            after++;
        }
        if (after < times.length) {
            outX[n] = times[after];
            outY[n++] = values[after];
        }
        return n;
    }

    /** The pixel column of time {@code t} on a plot of {@code cols} columns starting at {@code x0}. */
    public static int column(long t, long x0, double span, int cols) {
        int c = (int) ((t - x0) * cols / span);
        return c < 0 ? 0 : c >= cols ? cols - 1 : c;
    }

    /**
     * The first time that falls in a later column than {@code col}: one comparison per bar in
     * the hot loop instead of a division, nudged so it agrees exactly with {@link #column}.
     */
    private static long columnEnd(int col, long x0, double span, int cols) {
        if (col >= cols - 1) {
            return Long.MAX_VALUE;
        }
        long end = x0 + (long) Math.ceil((col + 1) * span / cols);
        while (column(end - 1, x0, span, cols) > col) {
            end--;
        }
        while (column(end, x0, span, cols) <= col) {
            end++;
        }
        return end;
    }

    private static int put(long[] times, double[] values, int i, double[] outX, double[] outY, int n) {
        outX[n] = times[i];
        outY[n] = values[i];
        return n + 1;
    }
}
