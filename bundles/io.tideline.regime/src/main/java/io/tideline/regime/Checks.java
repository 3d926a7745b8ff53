package io.tideline.regime;

import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.Times;
import io.tideline.regime.api.Verdict;
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
        long end = endOf(day);
        return judge.judge(day.toString(), end, compute(end));
    }

    /** The verdict for the last day on which the equity index (else crypto) has a bar. */
    Verdict latest() {
        Readings r = compute(Long.MAX_VALUE);
        long[] days = tradingDays(r);
        if (days.length == 0) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return judge.judge(today.toString(), endOf(today), r);
        }
        LocalDate day = dateOf(days[days.length - 1]);
        return judge.judge(day.toString(), endOf(day), r);
    }

    /**
     * One verdict per day in {@code from..to} on which the equity index has a bar (else crypto,
     * else every calendar day), the graph computed once.
     */
    List<Verdict> replay(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        Readings r = compute(endOf(to));
        TreeSet<LocalDate> days = new TreeSet<>();
        for (long t : tradingDays(r)) {
            LocalDate d = dateOf(t);
            if (!d.isBefore(from) && !d.isAfter(to)) {
                days.add(d);
            }
        }
        if (days.isEmpty()) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        List<Verdict> out = new ArrayList<>(days.size());
        for (LocalDate d : days) {
            out.add(judge.judge(d.toString(), endOf(d), r));
        }
        return out;
    }

    private Readings compute(long end) {
        Map<String, IndicatorResult> results = engine.evaluate(plan.nodes(), Long.MIN_VALUE, end);
        return new Readings(results, rules.regime().maxStaleDays());
    }

    private long[] tradingDays(Readings r) {
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
