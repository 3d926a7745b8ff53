package io.tideline.scenario.api;

/**
 * One round of the liquidation flywheel.
 *
 * @param round 1 for the initial shock's liquidations, then 2, 3, ...
 * @param drop the cumulative fall from the starting price that triggered this round's liquidations
 * @param liquidated the notional liquidated in this round (market-sold)
 * @param impact the further fall that selling caused, as a fraction of the starting price
 */
public record CascadeRound(int round, double drop, double liquidated, double impact) {
}
