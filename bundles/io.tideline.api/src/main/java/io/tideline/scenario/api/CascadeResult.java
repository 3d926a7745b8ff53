package io.tideline.scenario.api;

import java.util.List;
import java.util.Objects;

/**
 * What the liquidation-cascade model computed. Notional is conserved:
 * {@code liquidatedNotional + remainingNotional == openInterest} (up to rounding).
 *
 * @param initialMove the initial fall, as a positive fraction (0.03 = 3%)
 * @param amplifiedMove the total fall after the cascade, as a positive fraction: the deepest fall the
 *        central member (the parameters as given, no ensemble draw) reached
 * @param amplification {@code amplifiedMove / initialMove} (1 for no shock)
 * @param rounds how many rounds liquidated anything
 * @param path the rounds
 * @param liquidatedNotional the total notional liquidated
 * @param remainingNotional the open interest left
 * @param openInterest the starting open interest
 * @param converged false when the model stopped at {@link CascadeParams#maxRounds()} with liquidations still above the tolerance
 * @param params the parameters the model ran with
 * @param p10 the 10th percentile of the final fall over the ensemble (since 1.3)
 * @param p50 the median final fall over the ensemble (since 1.3)
 * @param p90 the 90th percentile of the final fall over the ensemble (since 1.3)
 */
public record CascadeResult(double initialMove, double amplifiedMove, double amplification, int rounds,
        List<CascadeRound> path, double liquidatedNotional, double remainingNotional, double openInterest,
        boolean converged, CascadeParams params, double p10, double p50, double p90) {

    /**
     * The 1.2 form, without an ensemble: every percentile is {@code amplifiedMove}.
     *
     * @param initialMove the initial fall
     * @param amplifiedMove the total fall
     * @param amplification their ratio
     * @param rounds how many rounds liquidated anything
     * @param path the rounds
     * @param liquidatedNotional the notional liquidated
     * @param remainingNotional the open interest left
     * @param openInterest the starting open interest
     * @param converged whether the model stopped below the tolerance
     * @param params the parameters
     */
    public CascadeResult(double initialMove, double amplifiedMove, double amplification, int rounds,
            List<CascadeRound> path, double liquidatedNotional, double remainingNotional, double openInterest,
            boolean converged, CascadeParams params) {
        this(initialMove, amplifiedMove, amplification, rounds, path, liquidatedNotional, remainingNotional,
                openInterest, converged, params, amplifiedMove, amplifiedMove, amplifiedMove);
    }

    /** Copies the path; the percentiles are ordered. */
    public CascadeResult {
        path = List.copyOf(path);
        Objects.requireNonNull(params, "params");
        if (!(p10 <= p50 && p50 <= p90)) {
            throw new IllegalArgumentException("the percentiles must be ordered, got p10 " + p10 + ", p50 " + p50
                    + ", p90 " + p90);
        }
    }
}
