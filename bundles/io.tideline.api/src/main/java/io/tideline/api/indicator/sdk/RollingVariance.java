package io.tideline.api.indicator.sdk;

/**
 * Mean, sample variance and standard deviation of the last {@code window} values.
 *
 * <p>Running sums of deviations from a shift point, {@code s1 = sum(x - shift)} and
 * {@code s2 = sum((x - shift)^2)}: an add or a remove is two additions, no division, and the
 * variance is {@code (s2 - s1^2 / n) / (n - 1)}. The shift is the window's mean at the last exact
 * two-pass recomputation from the ring buffer (every {@code window} updates, amortised O(1)), so
 * the sums stay near zero and a large level (BTC at 100,000 moving a few dollars) cancels nothing
 * away; the recomputation also bounds the drift of many add/remove pairs. (Welford's update is as
 * accurate here but divides twice per bar, which made it three times slower than a plain loop.)
 * NaN points follow the package rule.
 */
public final class RollingVariance {

    /**
     * The ratio of squared mean offset to spread beyond which the running sums are recomputed
     * before use: rounding then costs at most about 1e3 * 2.2e-16, i.e. 1e-12 relative.
     */
    static final double CANCELLATION = 1e3;

    private final double[] ring;
    private int next;
    private long count;
    private int missing;
    private int sinceRecompute;
    private int n;
    private boolean shifted;
    private double shift;
    private double s1;
    private double s2;

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
                double d = old - shift;
                s1 -= d;
                s2 -= d * d;
                n--;
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
            double d = x - shift;
            s1 += d;
            s2 += d * d;
            n++;
        }
        if (++sinceRecompute == window) {
            sinceRecompute = 0;
            recompute();
        }
    }

    /**
     * Exact two-pass recomputation over the ring, which also moves the shift to the window's
     * mean: the running sums then hold deviations from a value close to the data, so the
     * subtraction in {@link #variance()} loses nothing to cancellation, however large the level.
     */
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
        double sum = 0;
        double squares = 0;
        for (double v : ring) {
            if (!Double.isNaN(v)) {
                double d = v - m;
                sum += d;
                squares += d * d;
            }
        }
        shifted = true;
        shift = m;
        s1 = sum;
        s2 = squares;
        n = valid;
    }

    /**
     * Adds {@code x[from..to-1]} and writes the sample standard deviation after each into
     * {@code out}: the same values as {@link #add} then {@link #standardDeviation} bar by bar,
     * with the state in locals for the loop (see {@link RollingSum#addAllMeans}).
     */
    public void addAllStandardDeviations(double[] x, int from, int to, double[] out) {
        final double[] r = ring;
        final int window = r.length;
        final double inverse = 1.0 / window;
        final double inverseDivisor = 1.0 / (window - 1);
        int nx = next;
        long cnt = count;
        int miss = missing;
        int since = sinceRecompute;
        int valid = n;
        boolean hasShift = shifted;
        double sh = shift;
        double a = s1;
        double b = s2;
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (cnt >= window) {
                double old = r[nx];
                if (old != old) {
                    miss--;
                } else {
                    double d = old - sh;
                    a -= d;
                    b -= d * d;
                    valid--;
                }
            }
            r[nx] = v;
            if (++nx == window) {
                nx = 0;
            }
            cnt++;
            if (v != v) {
                miss++;
            } else {
                if (!hasShift) {
                    hasShift = true;
                    sh = v;
                }
                double d = v - sh;
                a += d;
                b += d * d;
                valid++;
            }
            if (++since == window) {
                since = 0;
                next = nx;
                store(a, b, valid, hasShift, sh);
                recompute();
                a = s1;
                b = s2;
                valid = n;
                hasShift = shifted;
                sh = shift;
            }
            if (cnt >= window && miss == 0) {
                // a full window of valid points: valid == window
                double offset = a * a * inverse;
                if (offset > CANCELLATION * (b - offset)) {
                    next = nx;
                    store(a, b, valid, hasShift, sh);
                    recompute();
                    a = s1;
                    b = s2;
                    valid = n;
                    sh = shift;
                    offset = a * a * inverse;
                }
                out[i] = Math.sqrt(Math.max(b - offset, 0) * inverseDivisor);
            } else {
                out[i] = Double.NaN;
            }
        }
        next = nx;
        count = cnt;
        missing = miss;
        sinceRecompute = since;
        store(a, b, valid, hasShift, sh);
    }

    private void store(double a, double b, int valid, boolean hasShift, double sh) {
        s1 = a;
        s2 = b;
        n = valid;
        shifted = hasShift;
        shift = sh;
    }

    /** Whether the window holds {@code window} valid points. */
    public boolean isReady() {
        return count >= ring.length && missing == 0;
    }

    /** The mean of the window, or NaN when not {@linkplain #isReady() ready}. */
    public double mean() {
        return isReady() ? shift + s1 / n : Double.NaN;
    }

    /** The sample ({@code n - 1}) variance, or NaN when not {@linkplain #isReady() ready}. */
    public double variance() {
        if (!isReady()) {
            return Double.NaN;
        }
        double offset = s1 * s1 / n;
        if (offset > CANCELLATION * (s2 - offset)) {
            // The level moved far from the shift compared with the spread (a wide window followed
            // by a narrow one under a large level): recompute exactly rather than lose digits.
            recompute();
            offset = s1 * s1 / n;
        }
        // (ring.length - 1) is the sample divisor: when ready, n == ring.length
        // the difference can round to a hair below zero on a constant window
        return Math.max(s2 - offset, 0) / (ring.length - 1);
    }

    /** The sample standard deviation, or NaN when not {@linkplain #isReady() ready}. */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }
}
