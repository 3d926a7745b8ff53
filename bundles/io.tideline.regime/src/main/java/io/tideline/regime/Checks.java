package io.tideline.regime;

import io.tideline.support.series.Availability;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.Timeframe;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.support.series.AsOfColumns;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Computes verdicts without look-ahead, one per calendar day: the graph is evaluated once over
 * the history up to the last decision time asked for, on daily bars (a role bound to shorter
 * bars is aggregated to each UTC day's last close), and the correlation step's intraday
 * confirmation on the intraday bars of its two roles where both have them (each such bar
 * available at its close). Each day reads every node at its last
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
     * Checks where every bound role is taken to be bound to daily bars (no intraday confirmation).
     *
     * @param bound whether a role is bound
     * @param availability the availability rule of each bound role (its series' rule)
     */
    Checks(IndicatorEngine engine, Rules rules, Predicate<String> bound,
            Function<String, Availability.Rule> availability) {
        this(engine, rules, bound, availability, role -> Timeframe.D1);
    }

    /**
     * @param bound whether a role is bound
     * @param availability the availability rule of each bound role (its series' rule)
     * @param timeframes the native bar length of the series each bound role is bound to: the
     *     correlation step confirms on intraday bars where its two roles have them
     */
    Checks(IndicatorEngine engine, Rules rules, Predicate<String> bound,
            Function<String, Availability.Rule> availability, Function<String, Timeframe> timeframes) {
        this.engine = engine;
        this.rules = rules;
        this.plan = Plan.of(rules, bound, timeframes);
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
        return latest(nowMillis, null).verdict();
    }

    /** The verdict of now (see {@link #latest(long)}). */
    Verdict latest() {
        return latest(System.currentTimeMillis());
    }

    /** The latest day whose decision time has passed at {@code nowMillis}. */
    LocalDate decided(long nowMillis) {
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(nowMillis, DAY));
        return nowMillis >= decision(today) ? today : today.minusDays(1);
    }

    /**
     * How many of the last walked days' shown verdicts a {@link Walk} keeps: enough for the
     * checklist view's year-long timeline (365 days) with room for the walk's last day to fall a
     * few weeks behind the calendar; 400 references, copied once per extension.
     */
    static final int KEPT_DAYS = 400;

    /**
     * The hysteresis walked from its anchor through {@code last}, kept so that a later call walks
     * on from there instead of replaying every day (see {@link #latest(long, Walk)}), and so that
     * a replay ending on {@code last} can be read from its kept days ({@link #kept(Walk, LocalDate,
     * LocalDate)}).
     *
     * @param decided the day whose decision time had passed when the walk was made ({@link #decided})
     * @param readings the readings the days were judged on
     * @param anchor the first day walked
     * @param tradingFrom which role's bars made the trading days: 1 equity, 2 crypto, 0 none (every day)
     * @param last the last day walked, the one {@link #verdict()} is of
     * @param state the hysteresis after {@code last}; never handed on to be mutated
     * @param recent the verdicts shown for the last walked days, one per calendar day, oldest
     *     first, ending with {@code last}'s; at most {@value Checks#KEPT_DAYS}, never empty, unmodifiable
     * @param walked how many days this call judged (all of them on a full replay)
     * @param full whether this call walked from the anchor rather than on from an earlier walk
     */
    record Walk(LocalDate decided, Readings readings, LocalDate anchor, int tradingFrom, LocalDate last,
            Sequence state, List<Verdict> recent, int walked, boolean full) {

        /** The verdict shown for the last walked day. */
        Verdict verdict() {
            return recent.getLast();
        }

        /** The first day whose shown verdict is kept in {@link #recent()}. */
        LocalDate firstKept() {
            return last.minusDays(recent.size() - 1L);
        }

        /** Bars observed before this time may have shaped the walked days; later ones cannot. */
        long settledBefore() {
            return (last.toEpochDay() + 1) * DAY;
        }
    }

    /**
     * The live verdict at {@code nowMillis} (see {@link #latest(long)}), walking the hysteresis on
     * from {@code prior} when that walk still stands: same anchor and trading-day source, its last
     * day not after the new latest day, and every bar observed before the end of its last day
     * (the only bars its days could read, since nothing is available before it is observed) the
     * same in both readings, with the same nodes computed. Indicators are causal and each day is
     * judged on what is available at its own decision time, so each walked day's verdict is the
     * one a full replay would give, and only the new days are judged. Otherwise (a backfill, a
     * revised bar, other rules or roles) it walks every day from the anchor, as a replay does.
     * The result equals {@code verdicts(readings, day, day)} either way.
     *
     * @param prior an earlier walk of checks with the same rules, roles and availability, or null
     */
    Walk latest(long nowMillis, Walk prior) {
        LocalDate decided = decided(nowMillis);
        Readings r = compute(decision(decided));
        LocalDate day = latestDay(r, decided);
        long[] trading = tradingDays(r);
        int tradingFrom = tradingFrom(r);
        LocalDate anchor = trading.length > 0 && trading[0] < day.toEpochDay() ? LocalDate.ofEpochDay(trading[0])
                : day;
        boolean extend = prior != null && prior.anchor().equals(anchor) && prior.tradingFrom() == tradingFrom
                && !day.isBefore(prior.last()) && samePrefix(prior.readings(), r, prior.settledBefore());
        if (extend && day.equals(prior.last())) {
            return new Walk(decided, r, anchor, tradingFrom, day, prior.state(), prior.recent(), 0, false);
        }
        Sequence seq = extend ? prior.state().copy() : new Sequence();
        LocalDate d = extend ? prior.last().plusDays(1) : anchor;
        // the prior's kept verdicts go on (shared: verdicts are immutable), the oldest dropped beyond KEPT_DAYS
        ArrayDeque<Verdict> recent = new ArrayDeque<>(KEPT_DAYS + 1);
        if (extend) {
            recent.addAll(prior.recent());
        }
        int walked = 0;
        for (; !d.isAfter(day); d = d.plusDays(1)) {
            recent.addLast(next(seq, r, trading, d));
            if (recent.size() > KEPT_DAYS) {
                recent.removeFirst();
            }
            walked++;
        }
        return new Walk(decided, r, anchor, tradingFrom, day, seq, List.copyOf(recent), walked, !extend);
    }

    /**
     * What {@code replay(from, to)} gives, read from the days {@code walk} keeps, judging no day;
     * null when they cannot tell it and the caller has to replay. They can when {@code to} is the
     * walk's last day, {@code from} is after the walk's anchor and among its kept days, and no bar
     * of the trading-day role is observed on {@code to} after its decision time. Then a replay
     * walks the same days from the same anchor (the equity index's first day, observed before
     * {@code from}) and judges each day {@code d} at {@code decision(d)}, which reads only bars
     * available by then: the walk's readings (cut at the later {@code decision(decided)}) hold the
     * same ones, and every walked day was judged on readings whose bars up to the end of that
     * walk's last day were checked equal to the next ones' ({@link #latest(long, Walk)}), the
     * indicators being causal. The trading days up to {@code to} are the same too, except a bar
     * observed on {@code to} after its decision time, which the replay's readings (cut there) lack
     * and the walk's may hold: the one case refused. The caller must make sure the walk is
     * current: the same rules, roles, availability and stored data.
     */
    List<Verdict> kept(Walk walk, LocalDate from, LocalDate to) {
        if (!to.equals(walk.last()) || from.isAfter(to) || !walk.anchor().isBefore(from)
                || from.isBefore(walk.firstKept())) {
            return null;
        }
        if (walk.tradingFrom() != 0) {
            Rules.Correlation k = rules.steps().correlation();
            long[] t = walk.readings().times(Plan.raw(walk.tradingFrom() == 1 ? k.equityRole() : k.cryptoRole()));
            // a bar on to after its decision time makes to a trading day for the walk, not for a replay
            int byDecision = AsOfColumns.lastAtOrBefore(t, decision(to));
            if (byDecision != AsOfColumns.lastAtOrBefore(t, walk.settledBefore() - 1)) {
                return null;
            }
        }
        List<Verdict> recent = walk.recent();
        int n = recent.size();
        return recent.subList(n - 1 - (int) (to.toEpochDay() - from.toEpochDay()), n);
    }

    /** The day the live verdict is of, given the readings up to {@code decided} (see {@link #latest(long)}). */
    private LocalDate latestDay(Readings r, LocalDate decided) {
        LocalDate day = decided;
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
        return day;
    }

    /**
     * Whether every role's bars observed before {@code before} are the same in both readings
     * (times and values, none added or removed) and the same nodes were computed: then every
     * node's value available before then is too, the indicators being causal.
     */
    private boolean samePrefix(Readings old, Readings now, long before) {
        if (!old.nodes().equals(now.nodes())) {
            return false;
        }
        List<String> raws = new ArrayList<>(plan.roles().stream().map(Plan::raw).toList());
        if (plan.intraday() != null) {
            raws.addAll(List.of(Plan.INTRA_EQUITY, Plan.INTRA_CRYPTO));
        }
        for (String raw : raws) {
            long[] t0 = old.times(raw);
            long[] t1 = now.times(raw);
            int n0 = AsOfColumns.lastAtOrBefore(t0, before - 1) + 1;
            int n1 = AsOfColumns.lastAtOrBefore(t1, before - 1) + 1;
            if (n0 != n1 || !Arrays.equals(t0, 0, n0, t1, 0, n1)
                    || !Arrays.equals(old.values(raw), 0, n0, now.values(raw), 0, n1)) {
                return false;
            }
        }
        return true;
    }

    /** Judges {@code d} on {@code r} and passes it through the hysteresis {@code seq}. */
    private Verdict next(Sequence seq, Readings r, long[] trading, LocalDate d) {
        long cutoff = decision(d);
        Verdict v = judge.judge(d.toString(), cutoff, r);
        boolean isTrading = trading.length == 0 || Arrays.binarySearch(trading, d.toEpochDay()) >= 0;
        return seq.next(v, isTrading, () -> judge.normalised(v, cutoff, r), () -> judge.riskOffExposure(cutoff, r));
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
        // The hysteresis carries state from day to day, so every sequence starts at the same
        // anchor, the first day of the equity index (else crypto): a replay and an as-of of the
        // same day then walk the same days and agree.
        LocalDate start = trading.length > 0 && trading[0] < from.toEpochDay() ? LocalDate.ofEpochDay(trading[0])
                : from;
        int n = (int) (to.toEpochDay() - start.toEpochDay() + 1);
        List<Verdict> out = new ArrayList<>(n);
        boolean[] held = new boolean[n];
        Sequence seq = new Sequence();
        for (int i = 0; i < n; i++) {
            out.add(next(seq, r, trading, start.plusDays(i)));
            held[i] = seq.held;
        }
        int skip = (int) (from.toEpochDay() - start.toEpochDay());
        return new Replay(List.copyOf(out.subList(skip, n)), Arrays.copyOfRange(held, skip, n), r);
    }

    /**
     * The hysteresis over the verdicts judged day by day (each a pure function of its own day's
     * readings). A risk-off holds until the market normalises ({@link Judge#normalised}: the
     * correlation step green, equity volatility back under {@code exitVolRatio} times its base,
     * VIX under {@code vixHigh}), at most {@code holdDays} trading days after the last fresh
     * risk-off day; a held day's action is REDUCE, never stronger than a fresh risk-off (which is
     * REDUCE or HEDGE). Outside risk-off a new label shows once the steps gave it
     * {@code confirmDays} days in a row, and so does a milder name inside a risk-off; entering
     * risk-off, a graver risk-off name and INSUFFICIENT_DATA show at once (an alarm and a lack of
     * data are never delayed). A day
     * without enough data ends a spell: it stays INSUFFICIENT_DATA.
     */
    final class Sequence {
        private final Rules.RegimeRules g = rules.regime();
        private Regime shown;
        private Regime pending;
        private int pendingDays;
        /** The last fresh risk-off verdict of the current spell, or null outside a spell. */
        private Verdict lastFresh;
        private int tradingSinceFresh;
        /** Whether the last verdict returned was made by the hold. */
        boolean held;

        /** A copy to walk on from, leaving this state as it is (verdicts are immutable, so shared). */
        Sequence copy() {
            Sequence c = new Sequence();
            c.shown = shown;
            c.pending = pending;
            c.pendingDays = pendingDays;
            c.lastFresh = lastFresh;
            c.tradingSinceFresh = tradingSinceFresh;
            c.held = held;
            return c;
        }

        /**
         * The verdict shown for judged verdict {@code v}; {@code riskOffExposure} gives the
         * exposure of a risk-off that day (asked only when the hold makes one).
         */
        Verdict next(Verdict v, boolean isTrading, java.util.function.BooleanSupplier normalised,
                java.util.function.DoubleSupplier riskOffExposure) {
            held = false;
            if (v.regime() == Regime.INSUFFICIENT_DATA) {
                lastFresh = null;
                shown = v.regime();
                pending = null;
                return v;
            }
            if (v.riskOff()) {
                if (v.tier() >= g.hedgeMinTier()) {
                    // only a risk-off confirmed at the hedge tier starts a hold
                    lastFresh = v;
                }
                tradingSinceFresh = 0;
                Regime label = v.regime();
                if (isRiskOff(shown) && severity(label) < severity(shown)) {
                    // inside a risk-off a milder name shows once confirmed; a graver one at once
                    label = confirm(label) ? label : shown;
                } else {
                    pending = null;
                }
                shown = label;
                return relabel(v, label, v.action(), null);
            }
            if (lastFresh != null) {
                tradingSinceFresh += isTrading ? 1 : 0;
                if (g.holdDays() > 0 && tradingSinceFresh <= g.holdDays() && !normalised.getAsBoolean()) {
                    held = true;
                    pending = null;
                    return heldVerdict(v, lastFresh, shown, riskOffExposure.getAsDouble());
                }
                lastFresh = null;
                // leaving risk-off is itself the confirmed change
                shown = v.regime();
                pending = null;
                return v;
            }
            // a risk-off name ends at once on a day that no longer judges one (never carried onto a calm day)
            Regime label = shown == null || isRiskOff(shown) || confirm(v.regime()) ? v.regime() : shown;
            if (label == v.regime()) {
                pending = null;
            }
            shown = label;
            return label == v.regime() ? v : relabel(v, label, Judge.action(rules, label, false, v.tier()),
                    "regime kept " + label + " until " + v.regime() + " is seen " + g.confirmDays() + " days in a row");
        }

        /** Counts {@code label} as seen again; whether it has now been seen {@code confirmDays} days in a row. */
        private boolean confirm(Regime label) {
            if (label == shown) {
                pending = null;
                return true;
            }
            if (label == pending) {
                pendingDays++;
            } else {
                pending = label;
                pendingDays = 1;
            }
            return pendingDays >= g.confirmDays();
        }
    }

    private static boolean isRiskOff(Regime r) {
        return r == Regime.LIQUIDITY_SHOCK || r == Regime.VOLATILITY_EVENT || r == Regime.TREND_BREAK;
    }

    /** Risk-off names by gravity: a trend break, then a volatility event, then a liquidity shock. */
    private static int severity(Regime r) {
        return switch (r) {
            case LIQUIDITY_SHOCK -> 3;
            case VOLATILITY_EVENT -> 2;
            case TREND_BREAK -> 1;
            default -> 0;
        };
    }

    /** {@code v} shown under another label (and action); the execution step says why when {@code why} is given. */
    private Verdict relabel(Verdict v, Regime label, Action action, String why) {
        if (label == v.regime() && action == v.action()) {
            return v;
        }
        List<Step> steps = new ArrayList<>();
        for (Step s : v.steps()) {
            steps.add(s.id().equals("execution") && why != null ? new Step("execution", execStatus(action),
                    action + ": " + why, s.evidence()) : s);
        }
        return new Verdict(v.asOf(), label, v.riskOff(), v.tier(), action, v.exposure(), v.drivers(), v.missing(),
                steps, v.coverage(), v.stale(), v.decisionTime());
    }

    private static Status execStatus(Action a) {
        return switch (a) {
            case HEDGE, REDUCE -> Status.RED;
            case WAIT -> Status.AMBER;
            case NONE -> Status.GREEN;
            case UNKNOWN -> Status.UNKNOWN;
        };
    }

    private Verdict heldVerdict(Verdict v, Verdict fresh, Regime label, double riskOffExposure) {
        Rules.RegimeRules g = rules.regime();
        int tier = Math.max(v.tier(), g.riskOffMinTier());
        // a held day is a risk-off: it suggests the risk-off volatility target's exposure
        Double exposure = v.exposure() == null || Double.isNaN(riskOffExposure) ? v.exposure()
                : Double.valueOf(Math.min(v.exposure(), riskOffExposure));
        List<String> drivers = new ArrayList<>(v.drivers());
        drivers.add(HELD_DRIVER);
        String why = "REDUCE: risk-off last confirmed on " + fresh.asOf() + " (" + fresh.regime() + ", tier "
                + fresh.tier() + "); held until volatility and correlation normalise (correlation step green,"
                + " equity volatility back to its base, VIX under " + num(rules.steps().correlation().vixHigh())
                + "), at most " + g.holdDays() + " trading days";
        List<Step> steps = new ArrayList<>();
        for (Step s : v.steps()) {
            steps.add(s.id().equals("execution") ? new Step("execution", Status.RED, why, s.evidence()) : s);
        }
        return new Verdict(v.asOf(), label, true, tier, Action.REDUCE, exposure, drivers, v.missing(), steps,
                v.coverage(), v.stale(), v.decisionTime());
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private Readings compute(long end) {
        // Every window of the steps counts days: a role bound to hourly bars is read as daily bars
        // (each UTC day's last close, the charts' aggregation), never its hours as days.
        Map<String, IndicatorResult> results = new HashMap<>(engine.evaluate(plan.nodes(), Long.MIN_VALUE, end,
                Timeframe.D1));
        if (plan.intraday() != null) {
            results.putAll(engine.evaluate(plan.intradayNodes(), Long.MIN_VALUE, end, plan.intraday()));
        }
        return new Readings(results, plan, availability);
    }

    /** Which role's bars {@link #tradingDays} come from: 1 the equity index, 2 crypto, 0 neither (every day). */
    private int tradingFrom(Readings r) {
        if (r.times(Plan.raw(rules.steps().correlation().equityRole())).length > 0) {
            return 1;
        }
        return r.times(Plan.raw(rules.steps().correlation().cryptoRole())).length > 0 ? 2 : 0;
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
