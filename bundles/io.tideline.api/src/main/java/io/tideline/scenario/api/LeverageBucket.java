package io.tideline.scenario.api;

/**
 * A share of the open interest held long at one leverage.
 *
 * @param share the bucket's share of the open interest, in (0, 1]
 * @param leverage its leverage, in [1, 1000]
 */
public record LeverageBucket(double share, double leverage) {

    /** Checks the ranges. */
    public LeverageBucket {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a leverage bucket's share must be in (0, 1], got " + share);
        }
        if (!(leverage >= 1 && leverage <= 1000)) {
            throw new IllegalArgumentException("a leverage bucket's leverage must be in [1, 1000], got " + leverage);
        }
    }
}
