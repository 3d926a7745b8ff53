package io.tideline.scenario.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario on the day.
 *
 * @param id the scenario's id in the pack, e.g. {@code A}
 * @param name its name
 * @param prior its prior probability: with fitted odds the base rate of the past outcomes they
 *        start from (kept within the same bounds), else the pack's priors normalised to sum to 1
 * @param probability its probability after the evidence; the report's probabilities sum to 1
 * @param conditions the conditions whose likelihood ratio for this scenario is not 1, with this scenario's factor
 * @param shocks the fractional move per role (e.g. {@code btc: -0.105}); for roles the cascade amplifies,
 *        the amplified move
 * @param cascade for each role whose move the liquidation-cascade model amplified, its result (empty otherwise)
 * @param pnl the portfolio's P&amp;L under this scenario, null without a portfolio
 * @param positions the P&amp;L per position, empty without a portfolio
 * @param packProbability when {@code probability} is fitted on history
 *        ({@link ScenarioReport#oddsBasis}), the probability the pack's own likelihood ratios give,
 *        for comparison; {@code null} when {@code probability} is the pack's
 * @param fitWeight when {@code probability} is fitted on history, the weight of the fit against the
 *        base rate, chosen by the fit's past forecasts (0 to 1): at 0 the conditions have not beaten
 *        the base rate and the probability is the base rate (rescaled with the other scenarios' odds);
 *        {@code null} when {@code probability} is the pack's
 * @since 1.3; {@code fitWeight} since 1.4
 */
public record ScenarioResult(String id, String name, double prior, double probability,
        List<ConditionResult> conditions, Map<String, Double> shocks, Map<String, CascadeResult> cascade, Double pnl,
        List<PositionPnl> positions, Double packProbability, Double fitWeight) {

    /** A result that does not say the weight of its fit (the form before {@code fitWeight} existed). */
    public ScenarioResult(String id, String name, double prior, double probability, List<ConditionResult> conditions,
            Map<String, Double> shocks, Map<String, CascadeResult> cascade, Double pnl, List<PositionPnl> positions,
            Double packProbability) {
        this(id, name, prior, probability, conditions, shocks, cascade, pnl, positions, packProbability, null);
    }

    /** A result whose probability is the pack's (the form before {@code packProbability} existed). */
    public ScenarioResult(String id, String name, double prior, double probability, List<ConditionResult> conditions,
            Map<String, Double> shocks, Map<String, CascadeResult> cascade, Double pnl, List<PositionPnl> positions) {
        this(id, name, prior, probability, conditions, shocks, cascade, pnl, positions, null, null);
    }

    /** Copies the collections. */
    public ScenarioResult {
        if (fitWeight != null && !(fitWeight >= 0 && fitWeight <= 1)) {
            throw new IllegalArgumentException("fitWeight: expected a weight from 0 to 1, got " + fitWeight);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        conditions = List.copyOf(conditions);
        shocks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shocks));
        cascade = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cascade));
        positions = List.copyOf(positions);
    }

    /**
     * Whether the odds are the base rate because the fitted conditions have not forecast better
     * than it on the past days (the weight of the fit is 0).
     *
     * @since 1.4
     */
    public boolean onBaseRate() {
        return fitWeight != null && fitWeight == 0;
    }
}
