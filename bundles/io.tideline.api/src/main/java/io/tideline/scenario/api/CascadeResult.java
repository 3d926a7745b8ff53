package io.tideline.scenario.api;

import java.util.List;
import java.util.Objects;

/**
 * What the liquidation-cascade model computed. Notional is conserved:
 * {@code liquidatedNotional + remainingNotional == openInterest} (up to rounding).
 *
 * @param initialMove the initial fall, as a positive fraction (0.03 = 3%)
 * @param amplifiedMove the total fall after the cascade, as a positive fraction
 * @param amplification {@code amplifiedMove / initialMove} (1 for no shock)
 * @param rounds how many rounds liquidated anything
 * @param path the rounds
 * @param liquidatedNotional the total notional liquidated
 * @param remainingNotional the open interest left
 * @param openInterest the starting open interest
 * @param converged false when the model stopped at {@link CascadeParams#maxRounds()} with liquidations still above the tolerance
 * @param params the parameters the model ran with
 */
public record CascadeResult(double initialMove, double amplifiedMove, double amplification, int rounds,
        List<CascadeRound> path, double liquidatedNotional, double remainingNotional, double openInterest,
        boolean converged, CascadeParams params) {

    /** Copies the path. */
    public CascadeResult {
        path = List.copyOf(path);
        Objects.requireNonNull(params, "params");
    }
}
