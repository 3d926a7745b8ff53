package io.tideline.alerts;

import io.tideline.api.alerts.Alert;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns successive snapshots of the desk into alerts: a rule fires when its condition becomes
 * true while this Tideline watches (a tier that differs from the one before, a value that
 * crosses its level, a role that turns stale, a checklist reading that moved to the other side
 * of its threshold). The first look after a start that can see the verdict, and the first that
 * can see the roles' values, only note what holds: a condition already true at start is a
 * standing state, which {@code status} reports, not news. A rule or a role that appears later is
 * looked at against "not true"; a checklist reading is compared only with the look before that
 * had it. Regime changes come from the checklist's own event, not from here. Not thread-safe:
 * called on the alerts' rules thread only.
 */
final class Evaluator {

    /**
     * What the rules look at.
     *
     * @param asOf the verdict's day, or empty without a checklist
     * @param tier the verdict's tier, or null without a checklist
     * @param stale the roles whose data is older than their staleness limit
     * @param readings the checklist's readings by {@code role indicator}
     * @param checked the checklist's readings that have both a value and a threshold, in verdict order
     * @param values each bound role's latest value
     * @param valuesKnown whether the roles and the store could be read (else {@code values} says nothing)
     * @param bound each bound role's series id, to name where a reading comes from
     */
    record Snapshot(String asOf, Integer tier, Set<String> stale, Map<String, Double> readings,
            List<Reading> checked, Map<String, Value> values, boolean valuesKnown, Map<String, String> bound) {

        Snapshot {
            stale = Set.copyOf(stale);
            readings = Map.copyOf(readings);
            checked = List.copyOf(checked);
            values = Map.copyOf(values);
            bound = Map.copyOf(bound);
        }
    }

    /**
     * A checklist reading compared with its threshold.
     *
     * @param step the step's id
     * @param role the role read, or two joined with {@code /}
     * @param indicator what was computed, e.g. {@code change-bp(5)}
     * @param value the reading
     * @param threshold the checklist's threshold for it; {@code value >= threshold} counts as above
     * @param rule the checklist's rule in words
     */
    record Reading(String step, String role, String indicator, double value, double threshold, String rule) {

        /** The readings of {@code v} that have both a (finite) value and a threshold, in verdict order. */
        static List<Reading> of(Verdict v) {
            List<Reading> out = new ArrayList<>();
            for (Step step : v.steps()) {
                for (Evidence e : step.evidence()) {
                    if (e.value() != null && e.threshold() != null && Double.isFinite(e.value())
                            && Double.isFinite(e.threshold())) {
                        out.add(new Reading(step.id(), e.role(), e.indicator(), e.value(), e.threshold(), e.rule()));
                    }
                }
            }
            return out;
        }
    }

    /**
     * A role's latest value.
     *
     * @param value the value
     * @param day its day, {@code YYYY-MM-DD}
     * @param series the series bound to the role
     */
    record Value(double value, String day, String series) {
    }

    /** An alert with the rule that fired it. */
    record Firing(Alert alert, AlertRule rule) {
    }

    private Integer lastTier;
    private boolean verdictLooked;
    private boolean valuesLooked;
    /** {@code rule \0 subject} to whether the condition held at the last snapshot. */
    private final Map<String, Boolean> held = new HashMap<>();
    /** {@code rule \0 step \0 role \0 indicator} to whether the reading was above its threshold at the last look. */
    private final Map<String, Boolean> sides = new HashMap<>();

    /** The alerts of {@code now}, given the snapshots before. */
    List<Firing> evaluate(Snapshot s, AlertRules rules, long nowMillis) {
        List<Firing> out = new ArrayList<>();
        boolean verdictBaseline = s.tier() != null && !verdictLooked;
        boolean valuesBaseline = s.valuesKnown() && !valuesLooked;
        for (AlertRule r : rules.rules()) {
            switch (r.kind()) {
                case TIER_CHANGE -> {
                    if (s.tier() != null && lastTier != null && !lastTier.equals(s.tier())) {
                        out.add(new Firing(alert(r, nowMillis, s.asOf(), "tier", lastTier.toString(),
                                s.tier().toString(), null, null, "checklist",
                                "Checklist tier changed from " + lastTier + " to " + s.tier() + " (as of " + s.asOf()
                                        + ")"), r));
                    }
                }
                case THRESHOLD -> threshold(r, s, r.indicator() == null ? valuesBaseline : verdictBaseline,
                        nowMillis, out);
                case STALE_FEED -> {
                    if (s.tier() == null) {
                        continue;
                    }
                    for (String role : s.stale()) {
                        if (verdictBaseline) {
                            held.put(r.id() + '\u0000' + role, true);
                        } else if (turned(r, role, true)) {
                            out.add(new Firing(alert(r, nowMillis, s.asOf(), role, "fresh", "stale", null, null,
                                    roles(role, s.bound()), "Role " + role
                                            + " has no data newer than its staleness limit (as of " + s.asOf() + ")"),
                                    r));
                        }
                    }
                    held.keySet().removeIf(k -> k.startsWith(r.id() + '\u0000')
                            && !s.stale().contains(k.substring(r.id().length() + 1)));
                }
                case CHECKLIST_CROSSING -> crossings(r, s, nowMillis, out);
                default -> {
                    // Regime changes arrive as the checklist's event; test alerts are sent by hand.
                }
            }
        }
        if (s.tier() != null) {
            lastTier = s.tier();
            verdictLooked = true;
        }
        valuesLooked |= s.valuesKnown();
        return out;
    }

    private void threshold(AlertRule r, Snapshot s, boolean baseline, long nowMillis, List<Firing> out) {
        if (r.indicator() == null ? !s.valuesKnown() : s.tier() == null) {
            return;
        }
        String subject = r.indicator() == null ? r.role() : r.role() + " " + r.indicator();
        Double value;
        String day;
        String source;
        if (r.indicator() == null) {
            Value v = s.values().get(r.role());
            value = v == null ? null : v.value();
            day = v == null ? s.asOf() : v.day();
            source = v == null ? "" : " (" + v.series() + ")";
        } else {
            value = s.readings().get(subject);
            day = s.asOf();
            source = "";
        }
        if (value == null || !Double.isFinite(value)) {
            // No value (an unbound role, no data yet) is a look too: "not beyond".
            held.put(r.id() + '\u0000' + subject, false);
            return;
        }
        boolean above = r.above() != null;
        double level = above ? r.above() : r.below();
        boolean beyond = above ? value >= level : value < level;
        if (baseline) {
            held.put(r.id() + '\u0000' + subject, beyond);
        } else if (turned(r, subject, beyond)) {
            String side = above ? "above" : "below";
            out.add(new Firing(alert(r, nowMillis, day, subject, above ? "below" : "above", side, value, level,
                    roles(r.role(), s.bound()),
                    subject + source + " is " + side + " " + plain(level) + ": " + plain(value) + " on " + day), r));
        }
    }

    /**
     * Every checked reading (same step, role and indicator) on the other side of its threshold than
     * at the look before; a reading without a value or a threshold then or now is only noted.
     */
    private void crossings(AlertRule r, Snapshot s, long nowMillis, List<Firing> out) {
        if (s.tier() == null) {
            // No verdict this time (no checklist): what was noted stays the look before.
            return;
        }
        String prefix = r.id() + '\u0000';
        Set<String> seen = new HashSet<>();
        for (Reading x : s.checked()) {
            String key = prefix + x.step() + '\u0000' + x.role() + '\u0000' + x.indicator();
            boolean above = x.value() >= x.threshold();
            Boolean before = sides.put(key, above);
            seen.add(key);
            if (before == null || before == above) {
                continue;
            }
            String subject = x.role() + " " + x.indicator();
            String side = above ? "above" : "below";
            String source = roles(x.role(), s.bound()) + " \u2014 " + x.rule();
            out.add(new Firing(alert(r, nowMillis, s.asOf(), subject, above ? "below" : "above", side, x.value(),
                    x.threshold(), source, subject + " moved " + side + " its checklist threshold " + plain(x.threshold())
                            + ": " + plain(x.value()) + " as of " + s.asOf() + " (" + source + ")"), r));
        }
        sides.keySet().removeIf(k -> k.startsWith(prefix) && !seen.contains(k));
    }

    /** {@code role = series} for each role of {@code role} (two are joined with {@code /}); {@code ?} for an unbound one. */
    static String roles(String role, Map<String, String> bound) {
        StringBuilder sb = new StringBuilder();
        for (String part : role.split("/")) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            String id = bound.get(part.strip());
            sb.append(part.strip()).append(" = ").append(id == null ? "?" : id);
        }
        return sb.toString();
    }

    /** Records the condition now; true when it was not true before. */
    private boolean turned(AlertRule r, String subject, boolean now) {
        Boolean before = held.put(r.id() + '\u0000' + subject, now);
        return now && !Boolean.TRUE.equals(before);
    }

    static Alert alert(AlertRule r, long nowMillis, String asOf, String subject, String previous, String current,
            Double value, Double threshold, String source, String message) {
        return new Alert(nowMillis + "-" + r.id() + "-" + subject.replaceAll("[^A-Za-z0-9.]+", "-"), r.id(), r.kind(),
                nowMillis, asOf == null ? "" : asOf, subject, previous, current, value, threshold, source, message);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
