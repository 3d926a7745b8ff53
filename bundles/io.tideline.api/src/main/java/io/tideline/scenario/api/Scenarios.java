package io.tideline.scenario.api;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Scenario analysis over the workspace's roles, under the scenario pack in force. Every method
 * reads the store and computes, so call it from a background thread, never from the UI thread.
 * Thread-safe.
 */
@ProviderType
public interface Scenarios {

    /**
     * The scenarios' odds, conditions, shocks and analogues as of a day, using only data up to the
     * end of that day (UTC), and the P&amp;L of a portfolio under each scenario when one is given.
     *
     * @param asOfOrNull the day; {@code null} for the last day on which the equity index has a bar
     * @param portfolioOrNull the positions to value, or {@code null} for none (the P&amp;L fields are then null)
     * @return the report; never null
     */
    ScenarioReport evaluate(LocalDate asOfOrNull, Portfolio portfolioOrNull);

    /**
     * The same report as {@link #evaluate}, computed with nothing kept from earlier reports (an
     * implementation may carry work on from one report to the next, such as the odds' fit): for
     * checking that it agrees, and for timing what keeping saves. The default is {@link #evaluate}.
     *
     * @since 1.5
     */
    default ScenarioReport evaluateAfresh(LocalDate asOfOrNull, Portfolio portfolioOrNull) {
        return evaluate(asOfOrNull, portfolioOrNull);
    }

    /**
     * Runs the liquidation-cascade model alone. A pure function of its parameters.
     *
     * @param params the open interest, leverage, depth and initial shock; see {@link CascadeParams#defaults()}
     * @return the amplified move, the rounds and the liquidated notional
     */
    CascadeResult cascade(CascadeParams params);

    /**
     * Reads a portfolio file: JSON {@code {"positions":[{"role":"btc","quantity":2,"leverage":3}]}} or
     * CSV with the header {@code role,quantity,notional,leverage}. Each role must be one that a
     * scenario of the pack in force moves, and appear once; a quantity or notional is at most
     * {@code 1e13} either way.
     *
     * @throws PortfolioException naming the file, the line and the field when the file is unusable
     *         (since 1.1 also for a role no scenario moves, a role given twice, a size beyond 1e13)
     */
    Portfolio readPortfolio(Path file) throws PortfolioException;

    /**
     * The pack's odds of every past day with a known outcome scored against what followed (see
     * {@code scenarios score}). Computed once per pack in force and day, which takes seconds the
     * first time: call it from a background thread.
     *
     * @return the summary, or empty when the stored history gives no day with an outcome (or the
     *     pack's scenarios are not A, B and C, which the outcome rule scores)
     * @since 1.2
     */
    Optional<SkillSummary> skill();
}
