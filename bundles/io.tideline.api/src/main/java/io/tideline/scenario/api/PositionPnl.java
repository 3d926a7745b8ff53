package io.tideline.scenario.api;

/**
 * The P&amp;L of one position under one scenario: {@code pnl = exposure * move}, and for a position
 * with leverage above 1 no worse than minus its margin ({@code |exposure| / leverage}).
 *
 * @param role the position's role
 * @param exposure the position's exposure on the day (quantity times price, or its notional)
 * @param move the scenario's fractional move of the role (0 when the scenario has no shock for it)
 * @param pnl the profit (positive) or loss (negative)
 * @param liquidated whether the loss reached the margin, i.e. the position was liquidated
 */
public record PositionPnl(String role, double exposure, double move, double pnl, boolean liquidated) {
}
