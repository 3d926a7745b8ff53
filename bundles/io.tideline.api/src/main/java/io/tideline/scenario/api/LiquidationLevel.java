package io.tideline.scenario.api;

/**
 * Known liquidations (e.g. from a liquidation heatmap): a share of the open interest liquidated
 * once the price has fallen by {@code drop} from the start.
 *
 * @param drop the fall from the starting price that triggers them, as a fraction in (0, 1)
 * @param share their share of the open interest, in (0, 1]
 */
public record LiquidationLevel(double drop, double share) {

    /** Checks the ranges. */
    public LiquidationLevel {
        if (!(drop > 0 && drop < 1)) {
            throw new IllegalArgumentException("a liquidation level's drop must be in (0, 1), got " + drop);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a liquidation level's share must be in (0, 1], got " + share);
        }
    }
}
