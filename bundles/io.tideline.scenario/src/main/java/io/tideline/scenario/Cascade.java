package io.tideline.scenario;

import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.CascadeRound;
import io.tideline.scenario.api.LeverageBucket;
import io.tideline.scenario.api.LiquidationLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The liquidation-cascade model, a pure function of its parameters: an initial fall liquidates
 * the longs whose liquidation price it crosses; their notional is market-sold, which moves the
 * price further by {@code sold / depth} percent (linear impact); that fall liquidates more, and
 * so on until a round liquidates less than the tolerance. The cumulative fall after round r is
 * {@code shock + sold(r) / depth / 100}, where {@code sold(r)} is everything liquidated so far, so
 * the fall only grows with the shock, the leverage and the open interest, and shrinks with depth.
 *
 * <p>The long share of a bucket of leverage L liquidated at a fall D is uniform between
 * {@code δ(1-s)} and {@code δ(1+s)}, with {@code δ = 1/L - maintenanceMargin} the fall that
 * liquidates a position opened at the starting price and s the dispersion of entry prices.
 * Linear impact is the simplest law that matches order-book depth quoted as "USD per 1%"; a
 * square-root law would damp large cascades and is left for a calibration against tick data.
 */
final class Cascade {

    /** A fall is capped here: the price of a crashing asset does not reach zero in the model. */
    static final double MAX_FALL = 0.99;

    private Cascade() {
    }

    static CascadeResult run(CascadeParams p) {
        double oi = p.openInterest();
        double perPercent = 0.01 / p.depth();
        double fall = p.shock();
        double liquidated = 0;
        double evaluatedAt = fall;
        boolean converged = false;
        List<CascadeRound> path = new ArrayList<>();
        if (p.shock() == 0) {
            return new CascadeResult(0, 0, 1, 0, path, 0, oi, oi, true, p);
        }
        for (int r = 1; r <= p.maxRounds(); r++) {
            evaluatedAt = fall;
            double total = oi * liquidatedShare(p, fall);
            double delta = total - liquidated;
            double next = Math.min(MAX_FALL, p.shock() + total * perPercent);
            if (delta > 0) {
                liquidated = total;
                path.add(new CascadeRound(r, fall, delta, next - fall));
            }
            fall = Math.max(fall, next);
            if (delta <= p.tolerance() * oi) {
                converged = true;
                break;
            }
        }
        // Computed from the distribution at the last fall evaluated, not as oi - liquidated, so
        // that the conservation test checks the bookkeeping of the rounds.
        double remaining = oi * (1 - liquidatedShare(p, evaluatedAt));
        return new CascadeResult(p.shock(), fall, fall / p.shock(), path.size(), path, liquidated, remaining, oi,
                converged, p);
    }

    /** The share of the open interest liquidated once the price has fallen by {@code fall}. */
    static double liquidatedShare(CascadeParams p, double fall) {
        double share = 0;
        double s = p.dispersion();
        for (LeverageBucket b : p.buckets()) {
            double nominal = Math.max(1e-9, 1 / b.leverage() - p.maintenanceMargin());
            double lo = nominal * (1 - s);
            double hi = nominal * (1 + s);
            double f;
            if (hi <= lo) {
                f = fall >= nominal ? 1 : 0;
            } else {
                f = Math.min(1, Math.max(0, (fall - lo) / (hi - lo)));
            }
            share += b.share() * f;
        }
        for (LiquidationLevel l : p.levels()) {
            if (fall >= l.drop()) {
                share += l.share();
            }
        }
        return share;
    }
}
