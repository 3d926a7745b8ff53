package io.tideline.scenario.api;

import java.util.Map;
import java.util.Objects;

/**
 * One condition of the scenario pack as observed on the day, with its effect on the odds.
 *
 * @param id the condition's id in the pack
 * @param text what the condition says, in words
 * @param state whether it holds
 * @param value the observed value, null when UNKNOWN
 * @param threshold the value it is compared with
 * @param comparison one of {@code <}, {@code <=}, {@code >}, {@code >=}: MET when {@code value comparison threshold}
 * @param factor the factor this observation multiplied the scenario's odds by (1 when UNKNOWN);
 *        in a {@link ScenarioResult} it is that scenario's factor, in the report's condition list 1
 * @param likelihood the likelihood ratio per scenario when MET (a missing scenario has 1)
 * @param reason why the state is UNKNOWN, else null
 */
public record ConditionResult(String id, String text, ConditionState state, Double value, double threshold,
        String comparison, double factor, Map<String, Double> likelihood, String reason) {

    /** Copies the map; rejects null parts (except value and reason). */
    public ConditionResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(comparison, "comparison");
        likelihood = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(likelihood));
    }
}
