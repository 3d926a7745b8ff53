package io.tideline.scenario.api;

import java.util.Objects;

/**
 * One position of a portfolio: an instrument given by the workspace role whose series prices it,
 * sized either by a quantity (units of the role's price: the exposure is quantity times the
 * latest price as of the day) or by a notional in the price's currency. A negative size is a short.
 *
 * @param role the role, e.g. {@code btc} or {@code spx}
 * @param quantity units of the role's price, or null when a notional is given
 * @param notional the exposure in the price's currency, or null when a quantity is given
 * @param leverage exposure over margin, 1 for an unlevered position; above 1 the loss is floored at the margin
 * @param line the line of the portfolio file the position came from, 0 when built in code
 */
public record Position(String role, Double quantity, Double notional, double leverage, int line) {

    /** Checks that exactly one of quantity and notional is given and that the leverage is at least 1. */
    public Position {
        Objects.requireNonNull(role, "role");
        if ((quantity == null) == (notional == null)) {
            throw new IllegalArgumentException("a position has either a quantity or a notional: " + role);
        }
        if (quantity != null && !Double.isFinite(quantity) || notional != null && !Double.isFinite(notional)) {
            throw new IllegalArgumentException("a position's size must be a finite number: " + role);
        }
        if (!(leverage >= 1 && leverage <= 1000)) {
            throw new IllegalArgumentException("leverage must be in [1, 1000]: " + role + " has " + leverage);
        }
    }

    /** A position of {@code quantity} units of the role's price, unlevered. */
    public static Position ofQuantity(String role, double quantity) {
        return new Position(role, quantity, null, 1, 0);
    }

    /** A position of {@code notional} in the price's currency, unlevered. */
    public static Position ofNotional(String role, double notional) {
        return new Position(role, null, notional, 1, 0);
    }

    /** This position with another leverage. */
    public Position withLeverage(double newLeverage) {
        return new Position(role, quantity, notional, newLeverage, line);
    }
}
