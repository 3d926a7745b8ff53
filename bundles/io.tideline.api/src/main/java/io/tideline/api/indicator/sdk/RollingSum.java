package io.tideline.api.indicator.sdk;

/**
 * Sum and mean of the last {@code window} values: a running sum over a ring buffer, recomputed
 * exactly from the buffer every {@code window} updates to bound drift. NaN points follow the
 * package rule: the result is NaN until the window holds {@code window} valid points.
 */
public final class RollingSum {

    /**
     * Exact recomputation interval. A running sum drifts by about one rounding error per update,
     * so recomputing every 1,024 updates (or every window, if longer) keeps it within about
     * 1e-14 relative while costing a thousandth of a read per bar (every window cost one).
     */
    private final int recomputeEvery;
    private final double[] ring;
    private int next;
    private long count;
    private int missing;
    private int sinceRecompute;
    private double sum;

    /** @param window number of points in the window, at least 1 */
    public RollingSum(int window) {
        ring = new double[Windows.check(window, 1)];
        recomputeEvery = Math.max(window, 1024);
    }

    /** Adds {@code x} (NaN for a missing point), dropping the oldest point once the window is full. */
    public void add(double x) {
        int window = ring.length;
        if (count >= window) {
            double old = ring[next];
            if (Double.isNaN(old)) {
                missing--;
            } else {
                sum -= old;
            }
        }
        ring[next] = x;
        next = next + 1 == window ? 0 : next + 1;
        count++;
        if (Double.isNaN(x)) {
            missing++;
        } else {
            sum += x;
        }
        if (++sinceRecompute == recomputeEvery) {
            sinceRecompute = 0;
            recompute();
        }
    }

    private void recompute() {
        sum = exactSum(ring, 0, ring.length);
    }

    private static double exactSum(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            if (values[i] == values[i]) {
                s += values[i];
            }
        }
        return s;
    }

    /**
     * Adds {@code x[from..to-1]} and writes the window mean after each into {@code out}, the same
     * values as {@link #add} then {@link #mean} bar by bar. The state lives in locals for the
     * loop, so the JIT keeps it in registers instead of loading and storing fields every bar.
     */
    public void addAllMeans(double[] x, int from, int to, double[] out) {
        final int window = ring.length;
        final double inverse = 1.0 / window;
        // Phase 1: the oldest point of the window comes from the ring (earlier calls), as in add().
        int i = from;
        int ringUntil = Math.min(to, from + window);
        for (; i < ringUntil; i++) {
            add(x[i]);
            out[i] = mean();
        }
        int nx = next;
        long cnt = count;
        int miss = missing;
        int since = sinceRecompute;
        double s = sum;
        // Phase 2: the whole window lies in x, so the oldest point is x[i - window] and the ring
        // is refilled once at the end instead of written every bar; the loop runs in blocks up
        // to the next exact recomputation so that the bar loop itself carries no such check.
        while (i < to) {
            int blockStart = i;
            int blockEnd = (int) Math.min(to, (long) i + (recomputeEvery - since));
            for (; i < blockEnd; i++) {
                double v = x[i];
                double old = x[i - window];
                if (old != old) {
                    miss--;
                } else {
                    s -= old;
                }
                if (v != v) {
                    miss++;
                } else {
                    s += v;
                }
                out[i] = miss == 0 ? s * inverse : Double.NaN;
            }
            since += blockEnd - blockStart;
            if (since == recomputeEvery) {
                // as in phase 1: the bar that completes the interval reports the exact sum
                since = 0;
                s = exactSum(x, i - window, i);
                out[i - 1] = miss == 0 ? s * inverse : Double.NaN;
            }
        }
        if (to - from > window) {
            cnt += to - from - window;
            System.arraycopy(x, to - window, ring, 0, window);
            nx = 0;
        }
        next = nx;
        count = cnt;
        missing = miss;
        sinceRecompute = since;
        sum = s;
    }

    /** Whether the window holds {@code window} valid points. */
    public boolean isReady() {
        return count >= ring.length && missing == 0;
    }

    /** The sum of the window, or NaN when it is not {@linkplain #isReady() ready}. */
    public double sum() {
        return isReady() ? sum : Double.NaN;
    }

    /** The mean of the window, or NaN when it is not {@linkplain #isReady() ready}. */
    public double mean() {
        return isReady() ? sum / ring.length : Double.NaN;
    }
}
