package io.tideline.scenario.api;

import java.util.List;
import java.util.Objects;

/**
 * The scenario analysis of one day: what the {@code scenarios --json} command prints.
 *
 * @param asOf the day, {@code YYYY-MM-DD}
 * @param scenarios the scenarios in pack order; their probabilities sum to 1
 * @param expectedPnl the probability-weighted P&amp;L of the portfolio, null without one
 * @param worstCase the worst scenario P&amp;L of the portfolio, null without one
 * @param worstScenario the id of the scenario giving {@code worstCase}, null without a portfolio
 * @param watch the conditions closest to flipping, nearest first
 * @param analogues the past episodes nearest to the day's indicator state, nearest first
 * @param conditions every condition of the pack as observed on the day
 * @param pack where the pack in force came from (the bundle's default or a file)
 * @param warnings problems the user should know about (a refused pack file, a position without a
 *        price or a shock, a scenario whose evidence is mostly unknown); empty when there are none
 * @param gaps the scenarios whose odds were pulled toward their prior because more than a third of
 *        their conditions are UNKNOWN, in pack order (each also in {@code warnings}); empty when none
 * @param oddsBasis where the probabilities come from, in a sentence: fitted on the past days whose
 *        outcome (as the pack states it) was known by the day, or the pack's own likelihood ratios
 *        and why; empty when not said (reports made before 1.3)
 * @since 1.3 for {@code oddsBasis}
 */
public record ScenarioReport(String asOf, List<ScenarioResult> scenarios, Double expectedPnl, Double worstCase,
        String worstScenario, List<WatchItem> watch, List<Analogue> analogues, List<ConditionResult> conditions,
        String pack, List<String> warnings, List<EvidenceGap> gaps, String oddsBasis) {

    /** A report that does not say where its odds come from (the form before {@code oddsBasis} existed). */
    public ScenarioReport(String asOf, List<ScenarioResult> scenarios, Double expectedPnl, Double worstCase,
            String worstScenario, List<WatchItem> watch, List<Analogue> analogues, List<ConditionResult> conditions,
            String pack, List<String> warnings, List<EvidenceGap> gaps) {
        this(asOf, scenarios, expectedPnl, worstCase, worstScenario, watch, analogues, conditions, pack, warnings, gaps,
                "");
    }

    /** Copies the lists. */
    public ScenarioReport {
        Objects.requireNonNull(asOf, "asOf");
        scenarios = List.copyOf(scenarios);
        watch = List.copyOf(watch);
        analogues = List.copyOf(analogues);
        conditions = List.copyOf(conditions);
        warnings = List.copyOf(warnings);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        oddsBasis = oddsBasis == null ? "" : oddsBasis;
    }

    /** A report without evidence gaps (the form before {@code gaps} existed). */
    public ScenarioReport(String asOf, List<ScenarioResult> scenarios, Double expectedPnl, Double worstCase,
            String worstScenario, List<WatchItem> watch, List<Analogue> analogues, List<ConditionResult> conditions,
            String pack, List<String> warnings) {
        this(asOf, scenarios, expectedPnl, worstCase, worstScenario, watch, analogues, conditions, pack, warnings,
                List.of());
    }

    /** The scenario with this id, if the pack has one. */
    public java.util.Optional<ScenarioResult> scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
