package io.tideline.regime;

import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.support.series.AsOfColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Computes verdicts without look-ahead, one per calendar day: the graph is evaluated once over
 * the history up to the last decision time asked for, and each day reads every node at its last
 * bar <em>available</em> at that day's decision time (each role's {@link Availability.Rule}: a
 * FRED value the next business day, an exchange bar at its close). Indicators are causal, so a
 * value read there is the one the data cut at that time would give. Weekends and holidays get a
 * verdict like any day: crypto moves on, equities and rates carry their last value with its age,
 * until it is stale. Stateless; thread-safe if the engine is.
 */
final class Checks {

    private static final long DAY = Availability.DAY;

    /** The driver a held verdict carries (the hold rule's mark, read by the score). */
    static final String HELD_DRIVER = "selloff not over";

    private final IndicatorEngine engine;
    private final Rules rules;
    private final Plan plan;
    private final Judge judge;
    private final Function<String, Availability.Rule> availability;

    /**
     * @param bound whether a role is bound
     * @param availability the availability rule of each bound role (its series' rule)
     */
    Checks(IndicatorEngine engine, Rules rules, Predicate<String> bound,
            Function<String, Availability.Rule> availability) {
        this.engine = engine;
        this.rules = rules;
        this.plan = Plan.of(rules, bound);
        this.judge = new Judge(rules, plan);
        int cap = rules.regime().maxStaleDays();
        // the rules' maxStaleDays bounds every series' own staleness limit
        this.availability = role -> {
            Availability.Rule r = availability.apply(role);
            return r.maxAgeDays() <= cap ? r : new Availability.Rule(r.after(), r.count(), r.weekday(), r.at(), cap);
        };
    }

    Plan plan() {
        return plan;
    }

    Rules rules() {
        return rules;
    }

    /** The decision time of {@code day}: the day at the rules' {@code decisionTimeUtc}, epoch ms UTC. */
    long decision(LocalDate day) {
        return day.toEpochDay() * DAY + rules.regime().decisionMinutes() * 60_000L;
    }

    /** The verdict for {@code day}, at its decision time. */
    Verdict asOf(LocalDate day) {
        return replay(day, day).get(0);
    }

    /**
     * The live verdict at {@code nowMillis}: of the latest day whose decision time has passed,
     * brought back to the day on which the newest value of the equity index or crypto (else any
     * role) became available, so a workspace whose feeds stopped shows the day they stopped
     * rather than a run of empty days; nothing is carried past its staleness limit either way.
     */
    Verdict latest(long nowMillis) {
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(nowMillis, DAY));
        LocalDate day = nowMillis >= decision(today) ? today : today.minusDays(1);
        Readings r = compute(decision(day));
        long newest = Long.MIN_VALUE;
        Rules.Correlation k = rules.steps().correlation();
        List<String> core = plan.bound(k.equityRole()) || plan.bound(k.cryptoRole())
                ? List.of(k.equityRole(), k.cryptoRole()) : plan.roles();
        for (String role : core) {
            long[] available = r.available(Plan.raw(role));
            int i = AsOfColumns.lastAtOrBefore(available, decision(day));
            if (i >= 0) {
                newest = Math.max(newest, available[i]);
            }
        }
        if (newest != Long.MIN_VALUE) {
            // the first day whose decision time is at or after the newest value's availability
            long minutes = rules.regime().decisionMinutes() * 60_000L;
            LocalDate first = LocalDate.ofEpochDay(Math.floorDiv(newest - minutes + DAY - 1, DAY));
            if (first.isBefore(day)) {
                day = first;
            }
        }
        return verdicts(r, day, day).verdicts().get(0);
    }

    /** The verdict of now (see {@link #latest(long)}). */
    Verdict latest() {
        return latest(System.currentTimeMillis());
    }

    /** One verdict per calendar day in {@code from..to}, the graph computed once. */
    List<Verdict> replay(LocalDate from, LocalDate to) {
        return replayDetailed(from, to).verdicts();
    }

    /**
     * A replay with what the score needs besides the verdicts.
     *
     * @param verdicts one per calendar day
     * @param held for each verdict, whether the hold rule made it (not judged risk-off on its own)
     * @param readings the readings the verdicts came from
     */
    record Replay(List<Verdict> verdicts, boolean[] held, Readings readings) {
    }

    /** One verdict per calendar day in {@code from..to}, with which of them the hold rule made. */
    Replay replayDetailed(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        return verdicts(compute(decision(to)), from, to);
    }

    private Replay verdicts(Readings r, LocalDate from, LocalDate to) {
        long[] trading = tradingDays(r);
        int holdDays = rules.regime().holdDays();
        // the hold rule looks back holdDays trading days before the first day asked for
        LocalDate start = from;
        if (holdDays > 0) {
            if (trading.length == 0) {
                start = from.minusDays(holdDays);
            } else {
                int i = Arrays.binarySearch(trading, from.toEpochDay());
                int firstAtOrAfter = i >= 0 ? i : -i - 1;
                int back = Math.max(0, firstAtOrAfter - holdDays);
                if (back < trading.length && trading[back] < from.toEpochDay()) {
                    start = LocalDate.ofEpochDay(trading[back]);
                }
            }
        }
        int n = (int) (to.toEpochDay() - start.toEpochDay() + 1);
        List<Verdict> raw = new ArrayList<>(n);
        boolean[] isTrading = new boolean[n];
        for (int i = 0; i < n; i++) {
            LocalDate d = start.plusDays(i);
            raw.add(judge.judge(d.toString(), decision(d), r));
            isTrading[i] = trading.length == 0 || Arrays.binarySearch(trading, d.toEpochDay()) >= 0;
        }
        List<Verdict> out = new ArrayList<>(n);
        boolean[] held = new boolean[n];
        hold(raw, isTrading, out, held);
        int skip = (int) (from.toEpochDay() - start.toEpochDay());
        return new Replay(List.copyOf(out.subList(skip, n)), Arrays.copyOfRange(held, skip, n), r);
    }

    /**
     * The hold rule, on verdicts judged day by day (each a pure function of its own day): a day
     * that is not a risk-off stays one for up to {@code holdDays} trading days (equity index days;
     * the weekends between count along) after a risk-off confirmed at {@code hedgeMinTier} or
     * above, while leadership or the index is still broken. Relief rallies inside a selloff
     * otherwise relax the verdict for a few days at a time. Only the judged verdicts count, never
     * held ones, so a day's result depends on that day and the days of its window alone: a replay
     * and an as-of agree. A day without enough data is never held: it stays INSUFFICIENT_DATA.
     */
    private void hold(List<Verdict> raw, boolean[] isTrading, List<Verdict> out, boolean[] held) {
        Rules.RegimeRules g = rules.regime();
        for (int i = 0; i < raw.size(); i++) {
            Verdict v = raw.get(i);
            Verdict confirmed = null;
            if (!v.riskOff() && v.regime() != Regime.INSUFFICIENT_DATA && g.holdDays() > 0) {
                int tradingDays = isTrading[i] ? 1 : 0;
                for (int j = i - 1; j >= 0 && tradingDays <= g.holdDays(); j--) {
                    Verdict p = raw.get(j);
                    if (p.riskOff() && p.tier() >= g.hedgeMinTier()) {
                        confirmed = p;
                        break;
                    }
                    tradingDays += isTrading[j] ? 1 : 0;
                }
            }
            boolean broken = v.steps().stream().anyMatch(s -> s.id().equals("leadership")
                    && (s.status() == Status.AMBER || s.status() == Status.RED));
            held[i] = confirmed != null && broken;
            out.add(held[i] ? held(v, confirmed) : v);
        }
    }

    private Verdict held(Verdict v, Verdict confirmed) {
        Rules.RegimeRules g = rules.regime();
        int tier = Math.max(v.tier(), g.hedgeMinTier());
        double cap = rules.steps().execution().exposureCapByTier().get(tier - 1);
        Double exposure = v.exposure() == null ? null : Math.min(v.exposure(), cap);
        List<String> drivers = new ArrayList<>(v.drivers());
        drivers.add(HELD_DRIVER);
        String why = "HEDGE: risk-off confirmed on " + confirmed.asOf() + " (tier " + confirmed.tier()
                + ") and leadership or the index still broken; held for up to " + g.holdDays() + " trading days";
        List<Step> steps = new ArrayList<>();
        for (Step s : v.steps()) {
            steps.add(s.id().equals("execution") ? new Step("execution", Status.RED, why, s.evidence()) : s);
        }
        return new Verdict(v.asOf(), confirmed.regime(), true, tier, Action.HEDGE, exposure, drivers, v.missing(),
                steps, v.coverage(), v.stale(), v.decisionTime());
    }

    private Readings compute(long end) {
        Map<String, IndicatorResult> results = engine.evaluate(plan.nodes(), Long.MIN_VALUE, end);
        return new Readings(results, plan, availability);
    }

    /** The epoch days on which the equity index has a bar (else crypto), ascending. */
    long[] tradingDays(Readings r) {
        long[] t = r.times(Plan.raw(rules.steps().correlation().equityRole()));
        if (t.length == 0) {
            t = r.times(Plan.raw(rules.steps().correlation().cryptoRole()));
        }
        long[] days = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            days[i] = Math.floorDiv(t[i], DAY);
        }
        return days;
    }
}
