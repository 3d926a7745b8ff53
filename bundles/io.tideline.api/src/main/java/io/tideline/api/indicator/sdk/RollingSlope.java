package io.tideline.api.indicator.sdk;

/**
 * Least-squares slope of the last {@code window} values against their bar index, per bar.
 *
 * <p>With x = 0..n-1 the sums of x and x^2 are constants, so only {@code Sy} and
 * {@code Sxy = sum(i * y_i)} move; sliding by one bar shifts every index down by one, which
 * gives {@code Sxy' = Sxy - (Sy - y_old) + (n - 1) * y_new}: O(1) per bar. The slope is the
 * small difference {@code n * Sxy - Sx * Sy} of large terms, so the sums run on values shifted by
 * the window mean at the last exact recomputation (the slope does not change under a shift),
 * which keeps the terms the size of the spread rather than the level. Both sums are recomputed
 * exactly every {@code window} updates to bound drift. NaN points follow the package rule.
 */
public final class RollingSlope {

    private final double[] ring;
    private final double denominator;
    private int next;
    private long count;
    private int missing;
    private int sinceRecompute;
    private double shift;
    private double sy;
    private double sxy;

    /** @param window number of points in the window, at least 2 */
    public RollingSlope(int window) {
        ring = new double[Windows.check(window, 2)];
        double n = window;
        denominator = n * n * (n * n - 1) / 12;
    }

    /** Adds {@code y} (NaN for a missing point), dropping the oldest point once the window is full. */
    public void add(double y) {
        int window = ring.length;
        double old = 0;
        if (count >= window) {
            old = ring[next];
            if (Double.isNaN(old)) {
                missing--;
            }
        }
        ring[next] = y;
        next = next + 1 == window ? 0 : next + 1;
        count++;
        if (Double.isNaN(y)) {
            missing++;
        }
        if (++sinceRecompute == window) {
            sinceRecompute = 0;
            recompute();
        } else if (missing == 0 && count > window && !Double.isNaN(old)) {
            double oldShifted = old - shift;
            double newShifted = y - shift;
            sxy = sxy - (sy - oldShifted) + (window - 1) * newShifted;
            sy = sy - oldShifted + newShifted;
        } else {
            // still filling, or a NaN in the window: the sums are rebuilt at the next
            // recompute, which happens before the window can become ready again
            recomputeIfFull();
        }
    }

    private void recomputeIfFull() {
        if (count >= ring.length && missing == 0) {
            recompute();
        }
    }

    private void recompute() {
        int window = ring.length;
        double total = 0;
        for (double v : ring) {
            total += v;
        }
        shift = total / window;
        double s = 0;
        double si = 0;
        for (int i = 0; i < window; i++) {
            double v = ring[(next + i) % window] - shift;
            s += v;
            si += i * v;
        }
        sy = s;
        sxy = si;
    }

    /** Whether the window holds {@code window} valid points. */
    public boolean isReady() {
        return count >= ring.length && missing == 0;
    }

    /** The slope per bar, or NaN when the window is not ready. */
    public double slope() {
        if (!isReady()) {
            return Double.NaN;
        }
        double n = ring.length;
        return (n * sxy - n * (n - 1) / 2 * sy) / denominator;
    }
}
