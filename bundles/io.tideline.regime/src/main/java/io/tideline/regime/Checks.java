package io.tideline.regime;

import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.Times;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.support.series.AsOfColumns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Computes verdicts without look-ahead: the graph is evaluated once over the history up to the
 * end of the last day asked for, and each day reads every node at its last bar at or before the
 * end of that day. Indicators are causal, so a value read there is the one the data cut at that
 * day would give. Stateless; thread-safe if the engine is.
 */
final class Checks {

    private static final long DAY = 86_400_000L;

    private final IndicatorEngine engine;
    private final Rules rules;
    private final Plan plan;
    private final Judge judge;

    Checks(IndicatorEngine engine, Rules rules, Predicate<String> bound) {
        this.engine = engine;
        this.rules = rules;
        this.plan = Plan.of(rules, bound);
        this.judge = new Judge(rules, plan);
    }

    Plan plan() {
        return plan;
    }

    /** The verdict for {@code day}, from data up to its end (UTC). */
    Verdict asOf(LocalDate day) {
        AsOfColumns r = compute(endOf(day));
        List<LocalDate> window = new ArrayList<>();
        long[] trading = tradingDays(r);
        for (int i = trading.length - 1; i >= 0 && window.size() < rules.regime().holdDays(); i--) {
            LocalDate d = dateOf(trading[i]);
            if (d.isBefore(day)) {
                window.add(0, d);
            }
        }
        window.add(day);
        List<Verdict> raw = new ArrayList<>(window.size());
        for (LocalDate d : window) {
            raw.add(judge.judge(d.toString(), endOf(d), r));
        }
        List<Verdict> held = hold(raw);
        return held.get(held.size() - 1);
    }

    /**
     * The hold rule, on verdicts judged day by day (each a pure function of its own day): a day
     * that is not a risk-off stays one for up to {@code holdDays} trading days after a risk-off
     * confirmed at {@code hedgeMinTier} or above, while leadership or the index is still broken.
     * Relief rallies inside a selloff otherwise relax the verdict for a few days at a time. Only
     * the judged verdicts of the window count, never held ones, so the result for a day depends on
     * that day and the {@code holdDays} before it alone: a replay and an as-of agree.
     */
    private List<Verdict> hold(List<Verdict> raw) {
        Rules.RegimeRules g = rules.regime();
        List<Verdict> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Verdict v = raw.get(i);
            Verdict confirmed = null;
            for (int k = 1; k <= g.holdDays() && i - k >= 0 && !v.riskOff(); k++) {
                Verdict p = raw.get(i - k);
                if (p.riskOff() && p.tier() >= g.hedgeMinTier()) {
                    confirmed = p;
                    break;
                }
            }
            boolean broken = v.steps().stream().anyMatch(s -> s.id().equals("leadership")
                    && (s.status() == Status.AMBER || s.status() == Status.RED));
            out.add(confirmed == null || !broken ? v : held(v, confirmed));
        }
        return out;
    }

    private Verdict held(Verdict v, Verdict confirmed) {
        Rules.RegimeRules g = rules.regime();
        int tier = Math.max(v.tier(), g.hedgeMinTier());
        double cap = rules.steps().execution().exposureCapByTier().get(tier - 1);
        Double exposure = v.exposure() == null ? null : Math.min(v.exposure(), cap);
        List<String> drivers = new ArrayList<>(v.drivers());
        drivers.add("selloff not over");
        String why = "HEDGE: risk-off confirmed on " + confirmed.asOf() + " (tier " + confirmed.tier()
                + ") and leadership or the index still broken; held for up to " + g.holdDays() + " trading days";
        List<Step> steps = new ArrayList<>();
        for (Step s : v.steps()) {
            steps.add(s.id().equals("execution") ? new Step("execution", Status.RED, why, s.evidence()) : s);
        }
        return new Verdict(v.asOf(), confirmed.regime(), true, tier, Action.HEDGE, exposure, drivers, v.missing(),
                steps);
    }

    /** The verdict for the last day on which the equity index (else crypto) has a bar. */
    Verdict latest() {
        AsOfColumns r = compute(Long.MAX_VALUE);
        long[] days = tradingDays(r);
        if (days.length == 0) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return judge.judge(today.toString(), endOf(today), r);
        }
        return asOf(dateOf(days[days.length - 1]));
    }

    /**
     * One verdict per day in {@code from..to} on which the equity index has a bar (else crypto,
     * else every calendar day), the graph computed once.
     */
    List<Verdict> replay(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        AsOfColumns r = compute(endOf(to));
        TreeSet<LocalDate> days = new TreeSet<>();
        List<LocalDate> before = new ArrayList<>();
        for (long t : tradingDays(r)) {
            LocalDate d = dateOf(t);
            if (d.isBefore(from)) {
                before.add(d);
            } else if (!d.isAfter(to)) {
                days.add(d);
            }
        }
        // the hold rule looks back holdDays trading days before the first day asked for
        int lookback = Math.min(before.size(), rules.regime().holdDays());
        List<LocalDate> earlier = before.subList(before.size() - lookback, before.size());
        if (days.isEmpty()) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        List<Verdict> raw = new ArrayList<>(earlier.size() + days.size());
        for (LocalDate d : earlier) {
            raw.add(judge.judge(d.toString(), endOf(d), r));
        }
        for (LocalDate d : days) {
            raw.add(judge.judge(d.toString(), endOf(d), r));
        }
        List<Verdict> held = hold(raw);
        return List.copyOf(held.subList(earlier.size(), held.size()));
    }

    private AsOfColumns compute(long end) {
        Map<String, IndicatorResult> results = engine.evaluate(plan.nodes(), Long.MIN_VALUE, end);
        return new AsOfColumns(results, rules.regime().maxStaleDays());
    }

    private long[] tradingDays(AsOfColumns r) {
        long[] t = r.times(Plan.raw(rules.steps().correlation().equityRole()));
        return t.length > 0 ? t : r.times(Plan.raw(rules.steps().correlation().cryptoRole()));
    }

    static long endOf(LocalDate day) {
        return Times.parseEnd(day.toString());
    }

    private static LocalDate dateOf(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    static long dayMillis() {
        return DAY;
    }
}
