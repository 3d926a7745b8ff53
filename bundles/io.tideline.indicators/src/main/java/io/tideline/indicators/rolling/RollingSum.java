package io.tideline.indicators.rolling;

/**
 * Sum and mean of the last {@code window} values: a running sum over a ring buffer, recomputed
 * exactly from the buffer every {@code window} updates to bound drift. NaN points follow the
 * package rule: the result is NaN until the window holds {@code window} valid points.
 */
public final class RollingSum {

    private final double[] ring;
    private int next;
    private long count;
    private int missing;
    private int sinceRecompute;
    private double sum;

    /** @param window number of points in the window, at least 1 */
    public RollingSum(int window) {
        ring = new double[Windows.check(window, 1)];
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
        if (++sinceRecompute == window) {
            sinceRecompute = 0;
            recompute();
        }
    }

    private void recompute() {
        double s = 0;
        for (double v : ring) {
            if (!Double.isNaN(v)) {
                s += v;
            }
        }
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
