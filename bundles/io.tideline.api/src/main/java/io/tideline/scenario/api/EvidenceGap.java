package io.tideline.scenario.api;

import java.util.List;
import java.util.Objects;

/**
 * A scenario whose evidence is too thin to trust in full: more than a third of the conditions that
 * bear on its odds (a likelihood ratio other than 1 for it, met or not met) are UNKNOWN. Its
 * log-odds update is then multiplied by {@code weight}, the known share, so its probability falls
 * back toward its prior.
 *
 * @param scenario the scenario's id, e.g. {@code B}
 * @param unknown how many of the conditions that bear on it are UNKNOWN
 * @param conditions how many conditions bear on it
 * @param weight the share of the evidence counted: {@code (conditions - unknown) / conditions}, in [0, 1)
 * @param causes why they are unknown, by roles, e.g. {@code us10y, us2y stale since 2026-02-06}
 * @since 1.1
 */
public record EvidenceGap(String scenario, int unknown, int conditions, double weight, List<String> causes) {

    /** Checks the counts and copies the causes. */
    public EvidenceGap {
        Objects.requireNonNull(scenario, "scenario");
        if (unknown < 0 || unknown > conditions) {
            throw new IllegalArgumentException("unknown must be in [0, " + conditions + "], got " + unknown);
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
        causes = List.copyOf(causes);
    }

    /**
     * The gap in English words, as the {@code scenarios} command warns of it: {@code B: 7 of 14
     * conditions unknown (us10y stale since 2026-02-06, btc.funding not bound); odds pulled toward
     * the prior (evidence counted at 50%)}.
     */
    public String message() {
        return scenario + ": " + unknown + " of " + conditions + " conditions unknown (" + String.join(", ", causes)
                + "); odds pulled toward the prior (evidence counted at " + Math.round(100 * weight) + "%)";
    }
}
