package io.tideline.scenario.api;

import java.util.Objects;

/**
 * How one scenario's odds fared against what followed: the skill score of {@code scenarios score}
 * (1 - Brier / base-rate Brier; above 0 the odds beat the base rate).
 *
 * @param scenario the scenario id, e.g. {@code B}
 * @param skill the skill score over the scored days
 * @param beatsBaseRate whether {@code skill > 0}
 * @since 1.2
 */
public record ScenarioSkill(String scenario, double skill, boolean beatsBaseRate) {

    /** Rejects a null id. */
    public ScenarioSkill {
        Objects.requireNonNull(scenario, "scenario");
    }
}
