package io.tideline.indicators.rolling;

/**
 * Covariance, Pearson correlation and beta of two aligned series over the last {@code window}
 * pairs, with the same Welford-style add/remove updates on shifted values and periodic exact
 * recomputation as {@link RollingVariance}. A pair is valid when both values are; the NaN rule of the package
 * applies to pairs.
 */
public final class RollingCovariance {

    private final double[] xs;
    private final double[] ys;
    private int next;
    private long count;
    private int missing;
    private int sinceRecompute;
    private int n;
    private boolean shifted;
    private double shiftX;
    private double shiftY;
    private double meanX;
    private double meanY;
    private double m2x;
    private double m2y;
    private double cxy;

    /** @param window number of pairs in the window, at least 2 */
    public RollingCovariance(int window) {
        xs = new double[Windows.check(window, 2)];
        ys = new double[window];
    }

    /** Adds the pair ({@code x}, {@code y}), dropping the oldest pair once the window is full. */
    public void add(double x, double y) {
        int window = xs.length;
        if (count >= window) {
            double oldX = xs[next];
            double oldY = ys[next];
            if (Double.isNaN(oldX) || Double.isNaN(oldY)) {
                missing--;
            } else {
                remove(oldX - shiftX, oldY - shiftY);
            }
        }
        xs[next] = x;
        ys[next] = y;
        next = next + 1 == window ? 0 : next + 1;
        count++;
        if (Double.isNaN(x) || Double.isNaN(y)) {
            missing++;
        } else {
            if (!shifted) {
                shifted = true;
                shiftX = x;
                shiftY = y;
            }
            x -= shiftX;
            y -= shiftY;
            n++;
            double dx = x - meanX;
            double dy = y - meanY;
            meanX += dx / n;
            meanY += dy / n;
            m2x += dx * (x - meanX);
            m2y += dy * (y - meanY);
            cxy += dx * (y - meanY);
        }
        if (++sinceRecompute == window) {
            sinceRecompute = 0;
            recompute();
        }
    }

    private void remove(double x, double y) {
        if (--n == 0) {
            meanX = 0;
            meanY = 0;
            m2x = 0;
            m2y = 0;
            cxy = 0;
            return;
        }
        double beforeX = meanX;
        double beforeY = meanY;
        meanX -= (x - meanX) / n;
        meanY -= (y - meanY) / n;
        m2x -= (x - meanX) * (x - beforeX);
        m2y -= (y - meanY) * (y - beforeY);
        cxy -= (x - meanX) * (y - beforeY);
    }

    private void recompute() {
        int valid = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isNaN(xs[i]) && !Double.isNaN(ys[i])) {
                sx += xs[i];
                sy += ys[i];
                valid++;
            }
        }
        if (valid == 0) {
            return;
        }
        double mx = sx / valid;
        double my = sy / valid;
        double vx = 0;
        double vy = 0;
        double c = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isNaN(xs[i]) && !Double.isNaN(ys[i])) {
                double dx = xs[i] - mx;
                double dy = ys[i] - my;
                vx += dx * dx;
                vy += dy * dy;
                c += dx * dy;
            }
        }
        shifted = true;
        shiftX = mx;
        shiftY = my;
        meanX = 0;
        meanY = 0;
        m2x = vx;
        m2y = vy;
        cxy = c;
    }

    /** Whether the window holds {@code window} valid pairs. */
    public boolean isReady() {
        return count >= xs.length && missing == 0;
    }

    /** The sample ({@code n - 1}) covariance, or NaN when not ready. */
    public double covariance() {
        return isReady() ? cxy / (xs.length - 1) : Double.NaN;
    }

    /**
     * The Pearson correlation, clamped to [-1, 1] against rounding, or NaN when not ready or
     * when either series is constant over the window (the correlation is undefined).
     */
    public double correlation() {
        if (!isReady() || !(m2x > 0) || !(m2y > 0)) {
            return Double.NaN;
        }
        double r = cxy / Math.sqrt(m2x * m2y);
        return Math.max(-1, Math.min(1, r));
    }

    /**
     * The least-squares slope of {@code y} on {@code x} ({@code cov(x, y) / var(x)}), or NaN when
     * not ready or when {@code x} is constant over the window.
     */
    public double slopeOfYOnX() {
        return isReady() && m2x > 0 ? cxy / m2x : Double.NaN;
    }
}
