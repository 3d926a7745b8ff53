package io.tideline.scenario;

import io.tideline.scenario.api.Position;
import io.tideline.scenario.api.PositionPnl;
import java.util.List;
import java.util.Map;

/**
 * Values positions under a scenario's moves: {@code pnl = exposure * move}; a position with
 * leverage above 1 has margin {@code |exposure| / leverage} and cannot lose more than it (the
 * exchange liquidates it there), so its loss is floored at minus the margin. Stateless.
 */
final class Valuation {

    private Valuation() {
    }

    /** The exposure of a position: its notional, or quantity times price (NaN without a price). */
    static double exposure(Position p, Map<String, Double> prices) {
        if (p.notional() != null) {
            return p.notional();
        }
        Double price = prices.get(p.role());
        return price == null ? Double.NaN : p.quantity() * price;
    }

    /** The P&amp;L of one position with a known exposure under a move. */
    static PositionPnl value(Position p, double exposure, double move) {
        double pnl = exposure * move;
        boolean liquidated = false;
        if (p.leverage() > 1) {
            double margin = Math.abs(exposure) / p.leverage();
            if (pnl <= -margin) {
                pnl = -margin;
                liquidated = true;
            }
        }
        return new PositionPnl(p.role(), exposure, move, pnl, liquidated);
    }

    /** The sum of the positions' P&amp;L. */
    static double total(List<PositionPnl> positions) {
        double sum = 0;
        for (PositionPnl p : positions) {
            sum += p.pnl();
        }
        return sum;
    }
}
