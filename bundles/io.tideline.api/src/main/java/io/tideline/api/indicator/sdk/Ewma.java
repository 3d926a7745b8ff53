package io.tideline.api.indicator.sdk;

/**
 * Exponentially weighted moving average {@code s = s + alpha * (x - s)}, seeded with the simple
 * mean of its first {@code seedCount} points (Wilder's and RiskMetrics' convention), so the
 * first value does not depend on one arbitrary point.
 *
 * <p>An EWMA has no window, so the package rule reads: until {@code seedCount} consecutive valid
 * points have been seen the value is NaN, and a NaN point resets the average, which then seeds
 * again from the next {@code seedCount} valid points. A gap is never smoothed over.
 */
public final class Ewma {

    private final double alpha;
    private final int seedCount;
    private int seen;
    private double value;

    /**
     * @param alpha the weight of the newest point, in (0, 1]
     * @param seedCount how many points the seeding mean takes, at least 1
     */
    public Ewma(double alpha, int seedCount) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha " + alpha + " is outside (0, 1]");
        }
        this.alpha = alpha;
        this.seedCount = Windows.check(seedCount, 1);
    }

    /** Adds {@code x}; NaN resets the average. */
    public void add(double x) {
        if (Double.isNaN(x)) {
            seen = 0;
            value = 0;
        } else if (seen < seedCount) {
            seen++;
            value += (x - value) / seen;
        } else {
            value += alpha * (x - value);
        }
    }

    /** Whether the seed is complete. */
    public boolean isReady() {
        return seen >= seedCount;
    }

    /** The average, or NaN while seeding. */
    public double value() {
        return isReady() ? value : Double.NaN;
    }
}
