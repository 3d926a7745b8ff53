package io.tideline.indicators.rolling;

/**
 * Mean, sample variance and standard deviation of the last {@code window} values.
 *
 * <p>Welford-style updates: adding and removing a point moves the mean and the sum of squared
 * deviations {@code m2} by terms computed on deviations from the mean, so a large mean does not
 * cancel away the spread as it does in {@code sum(x^2) - n * mean^2}. A remove still loses about
 * {@code ulp(mean) * |deviation|}, which matters when a wide window is followed by a narrow one
 * under a large level (BTC at 100,000 moving a few dollars), so the updates run on values
 * shifted by a reference point, the window mean at the last exact recomputation. That two-pass
 * recomputation from the ring buffer, every {@code window} updates (amortised O(1)), also bounds
 * the drift of many add/remove pairs. NaN points follow the package rule.
 */
public final class RollingVariance {

    private final double[] ring;
    private int next;
    private long count;
    private int missing;
    private int sinceRecompute;
    private int n;
    private boolean shifted;
    private double shift;
    private double mean;
    private double m2;

    /** @param window number of points in the window, at least 2 */
    public RollingVariance(int window) {
        ring = new double[Windows.check(window, 2)];
    }

    /** Adds {@code x} (NaN for a missing point), dropping the oldest point once the window is full. */
    public void add(double x) {
        int window = ring.length;
        if (count >= window) {
            double old = ring[next];
            if (Double.isNaN(old)) {
                missing--;
            } else {
                remove(old - shift);
            }
        }
        ring[next] = x;
        next = next + 1 == window ? 0 : next + 1;
        count++;
        if (Double.isNaN(x)) {
            missing++;
        } else {
            if (!shifted) {
                shifted = true;
                shift = x;
            }
            x -= shift;
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }
        if (++sinceRecompute == window) {
            sinceRecompute = 0;
            recompute();
        }
    }

    private void remove(double x) {
        if (--n == 0) {
            mean = 0;
            m2 = 0;
            return;
        }
        double meanBefore = mean;
        mean -= (x - mean) / n;
        m2 -= (x - mean) * (x - meanBefore);
    }

    private void recompute() {
        int valid = 0;
        double s = 0;
        for (double v : ring) {
            if (!Double.isNaN(v)) {
                s += v;
                valid++;
            }
        }
        if (valid == 0) {
            return;
        }
        double m = s / valid;
        double squares = 0;
        double residual = 0;
        for (double v : ring) {
            if (!Double.isNaN(v)) {
                double d = v - m;
                squares += d * d;
                residual += d;
            }
        }
        // shift to the exact mean: the relative mean is then the rounding residual of m
        shifted = true;
        shift = m;
        mean = residual / valid;
        m2 = squares - residual * residual / valid;
    }

    /** Whether the window holds {@code window} valid points. */
    public boolean isReady() {
        return count >= ring.length && missing == 0;
    }

    /** The mean of the window, or NaN when it is not ready. */
    public double mean() {
        return isReady() ? shift + mean : Double.NaN;
    }

    /** The sample (bias-corrected, {@code n - 1}) variance of the window, or NaN when it is not ready. */
    public double variance() {
        // m2 can round to a hair below zero on a constant window
        return isReady() ? Math.max(m2, 0) / (ring.length - 1) : Double.NaN;
    }

    /** The sample standard deviation of the window, or NaN when it is not ready. */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }
}
