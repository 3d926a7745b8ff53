package io.tideline.api.indicator.sdk;

/**
 * Covariance, Pearson correlation and beta of two aligned series over the last {@code window}
 * pairs, with the same shifted running sums (no division per bar) and periodic exact
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
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;

    /** @param window number of pairs in the window, at least 2 */
    public RollingCovariance(int window) {
        xs = new double[Windows.check(window, 2)];
        ys = new double[window];
    }

    /** Adds a pair (either NaN for a missing pair), dropping the oldest once the window is full. */
    public void add(double x, double y) {
        int window = xs.length;
        if (count >= window) {
            double oldX = xs[next];
            double oldY = ys[next];
            if (Double.isNaN(oldX) || Double.isNaN(oldY)) {
                missing--;
            } else {
                double dx = oldX - shiftX;
                double dy = oldY - shiftY;
                sx -= dx;
                sy -= dy;
                sxx -= dx * dx;
                syy -= dy * dy;
                sxy -= dx * dy;
                n--;
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
            double dx = x - shiftX;
            double dy = y - shiftY;
            sx += dx;
            sy += dy;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
            n++;
        }
        if (++sinceRecompute == window) {
            sinceRecompute = 0;
            recompute();
        }
    }

    /** {@link #recompute} over {@code x, y[start .. start + window)} instead of the ring. */
    private void recomputeFrom(double[] x, double[] y, int start) {
        System.arraycopy(x, start, xs, 0, xs.length);
        System.arraycopy(y, start, ys, 0, ys.length);
        recompute();
    }

    /** Exact two-pass recomputation, moving the shifts to the window's means (see RollingVariance). */
    private void recompute() {
        int valid = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isNaN(xs[i]) && !Double.isNaN(ys[i])) {
                mx += xs[i];
                my += ys[i];
                valid++;
            }
        }
        if (valid == 0) {
            return;
        }
        mx /= valid;
        my /= valid;
        double ax = 0;
        double ay = 0;
        double axx = 0;
        double ayy = 0;
        double axy = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isNaN(xs[i]) && !Double.isNaN(ys[i])) {
                double dx = xs[i] - mx;
                double dy = ys[i] - my;
                ax += dx;
                ay += dy;
                axx += dx * dx;
                ayy += dy * dy;
                axy += dx * dy;
            }
        }
        shifted = true;
        shiftX = mx;
        shiftY = my;
        sx = ax;
        sy = ay;
        sxx = axx;
        syy = ayy;
        sxy = axy;
        n = valid;
    }

    /**
     * Adds the pairs {@code x[i], y[i]} for {@code i} in {@code from..to-1} and writes the
     * correlation after each into {@code out}: the same values as {@link #add} then
     * {@link #correlation} pair by pair, with the state in locals for the loop (see
     * {@link RollingSum#addAllMeans}).
     */
    public void addAllCorrelations(double[] x, double[] y, int from, int to, double[] out) {
        final int window = xs.length;
        final double inverse = 1.0 / window;
        // Phase 1: the oldest pair comes from the ring (earlier calls), as in add(). Phase 2: the
        // whole window lies in x and y, so the oldest pair is read there and the ring is refilled
        // once at the end.
        int i = from;
        int ringUntil = Math.min(to, from + window);
        for (; i < ringUntil; i++) {
            add(x[i], y[i]);
            out[i] = correlation();
        }
        int nx = next;
        long cnt = count;
        int miss = missing;
        int since = sinceRecompute;
        int valid = n;
        boolean hasShift = shifted;
        double hx = shiftX;
        double hy = shiftY;
        double ax = sx;
        double ay = sy;
        double axx = sxx;
        double ayy = syy;
        double axy = sxy;
        // Blocks up to the next exact recomputation keep that check out of the bar loop; the
        // cancellation guard shares its products with the output.
        while (i < to) {
            int blockStart = i;
            int blockEnd = (int) Math.min(to, (long) i + (window - since));
            for (; i < blockEnd; i++) {
                double vx = x[i];
                double vy = y[i];
                double ox = x[i - window];
                double oy = y[i - window];
                if (ox != ox || oy != oy) {
                    miss--;
                } else {
                    double dx = ox - hx;
                    double dy = oy - hy;
                    ax -= dx;
                    ay -= dy;
                    axx -= dx * dx;
                    ayy -= dy * dy;
                    axy -= dx * dy;
                    valid--;
                }
                if (vx != vx || vy != vy) {
                    miss++;
                } else {
                    double dx = vx - hx;
                    double dy = vy - hy;
                    ax += dx;
                    ay += dy;
                    axx += dx * dx;
                    ayy += dy * dy;
                    axy += dx * dy;
                    valid++;
                }
                if (miss != 0) {
                    out[i] = Double.NaN;
                    continue;
                }
                double qx = ax * ax * inverse;
                double qy = ay * ay * inverse;
                double mx = axx - qx;
                double my = ayy - qy;
                if (qx > RollingVariance.CANCELLATION * mx || qy > RollingVariance.CANCELLATION * my) {
                    sx = ax;
                    sy = ay;
                    sxx = axx;
                    syy = ayy;
                    sxy = axy;
                    n = valid;
                    recomputeFrom(x, y, i + 1 - window);
                    ax = sx;
                    ay = sy;
                    axx = sxx;
                    ayy = syy;
                    axy = sxy;
                    valid = n;
                    hx = shiftX;
                    hy = shiftY;
                    mx = axx - ax * ax * inverse;
                    my = ayy - ay * ay * inverse;
                }
                out[i] = mx > 0 && my > 0 ? clamp((axy - ax * ay * inverse) / Math.sqrt(mx * my)) : Double.NaN;
            }
            cnt += blockEnd - blockStart;
            since += blockEnd - blockStart;
            if (since == window) {
                // as in phase 1: the bar that completes the interval reports the exact sums
                since = 0;
                recomputeFrom(x, y, i - window);
                ax = sx;
                ay = sy;
                axx = sxx;
                ayy = syy;
                axy = sxy;
                valid = n;
                hx = shiftX;
                hy = shiftY;
                if (miss == 0) {
                    double mx = axx - ax * ax * inverse;
                    double my = ayy - ay * ay * inverse;
                    out[i - 1] = mx > 0 && my > 0 ? clamp((axy - ax * ay * inverse) / Math.sqrt(mx * my)) : Double.NaN;
                }
            }
        }
        if (to - from > window) {
            System.arraycopy(x, to - window, xs, 0, window);
            System.arraycopy(y, to - window, ys, 0, window);
            nx = 0;
        }
        next = nx;
        count = cnt;
        missing = miss;
        sinceRecompute = since;
        sx = ax;
        sy = ay;
        sxx = axx;
        syy = ayy;
        sxy = axy;
        n = valid;
        shifted = hasShift;
        shiftX = hx;
        shiftY = hy;
    }

    /** Clamps a correlation to [-1, 1] against rounding (cheaper than Math.min/max, which order -0.0). */
    private static double clamp(double r) {
        return r > 1 ? 1 : r < -1 ? -1 : r;
    }

    /** Whether the window holds {@code window} valid pairs. */
    public boolean isReady() {
        return count >= xs.length && missing == 0;
    }

    /** Recomputes exactly when either mean moved far from its shift compared with its spread. */
    private void guardCancellation() {
        double ox = sx * sx / n;
        double oy = sy * sy / n;
        if (ox > RollingVariance.CANCELLATION * (sxx - ox) || oy > RollingVariance.CANCELLATION * (syy - oy)) {
            recompute();
        }
    }

    private double m2x() {
        return sxx - sx * sx / n;
    }

    private double m2y() {
        return syy - sy * sy / n;
    }

    private double cxy() {
        return sxy - sx * sy / n;
    }

    /** The sample ({@code n - 1}) covariance, or NaN when not ready. */
    public double covariance() {
        if (!isReady()) {
            return Double.NaN;
        }
        guardCancellation();
        return cxy() / (xs.length - 1);
    }

    /**
     * The Pearson correlation, clamped to [-1, 1] against rounding, or NaN when not ready or
     * when either series is constant over the window (the correlation is undefined).
     */
    public double correlation() {
        if (!isReady()) {
            return Double.NaN;
        }
        // One division for all three co-moments (n == window when ready), then the guard.
        double inv = 1.0 / n;
        double ox = sx * sx * inv;
        double oy = sy * sy * inv;
        double vx = sxx - ox;
        double vy = syy - oy;
        if (ox > RollingVariance.CANCELLATION * vx || oy > RollingVariance.CANCELLATION * vy) {
            recompute();
            inv = 1.0 / n;
            vx = sxx - sx * sx * inv;
            vy = syy - sy * sy * inv;
        }
        if (!(vx > 0) || !(vy > 0)) {
            return Double.NaN;
        }
        double r = (sxy - sx * sy * inv) / Math.sqrt(vx * vy);
        return Math.max(-1, Math.min(1, r));
    }

    /**
     * The least-squares slope of {@code y} on {@code x} ({@code cov(x, y) / var(x)}), or NaN when
     * not ready or when {@code x} is constant over the window.
     */
    public double slopeOfYOnX() {
        if (!isReady()) {
            return Double.NaN;
        }
        guardCancellation();
        double vx = m2x();
        return vx > 0 ? cxy() / vx : Double.NaN;
    }
}
