package io.tideline.scenario.api;

import java.util.List;
import java.util.Objects;

/**
 * The scenario odds of every past day scored against what followed (what {@code scenarios score}
 * prints, in brief), for a view to say whether the odds it shows have forecast anything.
 *
 * @param from the first scored day, {@code YYYY-MM-DD}
 * @param to the last scored day
 * @param days how many trading days were scored
 * @param outcome the outcome rule in one line
 * @param scenarios each scenario's skill, in pack order
 * @since 1.2
 */
public record SkillSummary(String from, String to, int days, String outcome, List<ScenarioSkill> scenarios) {

    /** Copies the list; rejects null parts. */
    public SkillSummary {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(outcome, "outcome");
        scenarios = List.copyOf(scenarios);
    }

    /** The ids of the scenarios whose odds do not beat their base rate, in pack order. */
    public List<String> notBeatingBaseRate() {
        return scenarios.stream().filter(s -> !s.beatsBaseRate()).map(ScenarioSkill::scenario).toList();
    }
}
