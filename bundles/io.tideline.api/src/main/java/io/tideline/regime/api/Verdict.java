package io.tideline.regime.api;

import java.util.List;
import java.util.Objects;

/**
 * The checklist's verdict for one calendar day, computed at that day's decision time from the
 * values available by then only (each series' availability rule: FRED's daily series the next
 * business day, CFTC's Tuesday report on Friday, exchange bars at their close).
 *
 * <p>It fails closed: a step whose required inputs are missing or stale is {@link Status#UNKNOWN},
 * never GREEN, and when fewer than three of the four judging steps (macro, leadership, crypto,
 * correlation) are known the regime is {@link Regime#INSUFFICIENT_DATA}, the action
 * {@link Action#UNKNOWN}, {@code riskOff} false and {@code exposure} null.
 *
 * @param asOf the day, {@code YYYY-MM-DD} (UTC)
 * @param regime the regime
 * @param riskOff whether this is a cross-asset risk-off (equities and crypto under pressure together)
 * @param tier 1 (calm) to 5 (everything adverse), from the known steps
 * @param action the one action
 * @param exposure the suggested exposure as a multiple of capital, or {@code null} without data
 * @param drivers what drives it, in trader words (e.g. {@code rates shock})
 * @param missing the roles the checklist reads that have no usable data at the decision time
 *     (unbound, nothing available yet, or stale)
 * @param steps the five steps, in checklist order
 * @param coverage the share of the four judging steps that are known (not UNKNOWN), 0..1 (since 1.1)
 * @param stale the roles of {@code missing} that have data, but older than their staleness limit;
 *     their evidence names the day of the last value (since 1.1)
 * @param decisionTime when the verdict was taken, ISO-8601 UTC, e.g. {@code 2020-03-16T21:00Z};
 *     null for a verdict built without one (since 1.1)
 */
public record Verdict(String asOf, Regime regime, boolean riskOff, int tier, Action action, Double exposure,
        List<String> drivers, List<String> missing, List<Step> steps, double coverage, List<String> stale,
        String decisionTime) {

    /** The ids of the four steps whose coverage decides whether there is a verdict at all. */
    public static final List<String> JUDGING_STEPS = List.of("macro", "leadership", "crypto", "correlation");

    /** Copies the lists; rejects a tier outside 1..5 and a coverage outside 0..1. */
    public Verdict {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(action, "action");
        if (tier < 1 || tier > 5) {
            throw new IllegalArgumentException("tier " + tier + " is outside 1..5");
        }
        if (!(coverage >= 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage " + coverage + " is outside 0..1");
        }
        drivers = List.copyOf(drivers);
        missing = List.copyOf(missing);
        steps = List.copyOf(steps);
        stale = List.copyOf(stale);
    }

    /**
     * A verdict without staleness or decision time (as built before 1.1): the coverage is the
     * share of judging steps among {@code steps} that are not UNKNOWN.
     */
    public Verdict(String asOf, Regime regime, boolean riskOff, int tier, Action action, Double exposure,
            List<String> drivers, List<String> missing, List<Step> steps) {
        this(asOf, regime, riskOff, tier, action, exposure, drivers, missing, steps, coverageOf(steps), List.of(),
                null);
    }

    /**
     * The verdict's day, {@link #asOf} as a date: callers need not parse the text themselves.
     *
     * @throws java.time.format.DateTimeParseException if {@code asOf} is not a day (the checklist
     *     always gives one; a hand-built verdict may not)
     * @since 1.2
     */
    public java.time.LocalDate day() {
        return java.time.LocalDate.parse(asOf);
    }

    /** The share of the four judging steps among {@code steps} whose status is not UNKNOWN. */
    public static double coverageOf(List<Step> steps) {
        int known = 0;
        for (Step s : steps) {
            if (JUDGING_STEPS.contains(s.id()) && s.status() != Status.UNKNOWN) {
                known++;
            }
        }
        return known / (double) JUDGING_STEPS.size();
    }

    /** The step of the given id. */
    public Step step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + id));
    }
}
