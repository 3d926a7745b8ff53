package io.tideline.regime.api;

import java.util.List;
import java.util.Objects;

/**
 * The checklist's verdict for one day, computed from data up to the end of that day only.
 *
 * @param asOf the day, {@code YYYY-MM-DD} (UTC)
 * @param regime the regime
 * @param riskOff whether this is a cross-asset risk-off (equities and crypto under pressure together)
 * @param tier 1 (calm) to 5 (everything adverse)
 * @param action the one action
 * @param exposure the suggested exposure as a multiple of capital, or {@code null} without data
 * @param drivers what drives it, in trader words (e.g. {@code rates shock})
 * @param missing the roles the checklist reads that have no data as of the day
 * @param steps the five steps, in checklist order
 */
public record Verdict(String asOf, Regime regime, boolean riskOff, int tier, Action action, Double exposure,
        List<String> drivers, List<String> missing, List<Step> steps) {

    /** Copies the lists; rejects a tier outside 1..5. */
    public Verdict {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(action, "action");
        if (tier < 1 || tier > 5) {
            throw new IllegalArgumentException("tier " + tier + " is outside 1..5");
        }
        drivers = List.copyOf(drivers);
        missing = List.copyOf(missing);
        steps = List.copyOf(steps);
    }

    /** The step of the given id. */
    public Step step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + id));
    }
}
