package io.tideline.api.indicator.sdk;

/** The value {@code lag} points back, on a ring buffer; NaN until that many points have passed. */
public final class Lag {

    private final double[] ring;
    private int next;
    private long count;

    /** @param lag how many points back, at least 1 */
    public Lag(int lag) {
        ring = new double[Windows.check(lag, 1)];
    }

    /**
     * Adds {@code x} and returns the value {@code lag} points before it (NaN if the series is
     * not yet that long, or if that value was NaN).
     */
    public double add(double x) {
        double old = count >= ring.length ? ring[next] : Double.NaN;
        ring[next] = x;
        next = next + 1 == ring.length ? 0 : next + 1;
        count++;
        return old;
    }
}
