package io.tideline.scenario;

import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.scenario.api.Analogue;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.ConditionResult;
import io.tideline.scenario.api.ConditionState;
import io.tideline.scenario.api.EvidenceGap;
import io.tideline.scenario.api.Portfolio;
import io.tideline.scenario.api.Position;
import io.tideline.scenario.api.PositionPnl;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.scenario.api.WatchItem;
import io.tideline.support.series.Availability;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Computes a {@link ScenarioReport} for one day under one pack, without look-ahead: the indicator
 * graph (the pack's conditions and analogue features, and the raw prices the portfolio and the
 * analogues read) is evaluated once over the history up to the end of the day, and every value is
 * read at its last bar at or before that end. Stateless; thread-safe if the engine is.
 */
final class Analysis {

    private static final String CONDITION = "c.";
    private static final String FEATURE = "f.";
    private static final String RAW = "raw.";
    private static final String LIBRARY = "lib.";

    private final IndicatorEngine engine;
    private final Pack pack;
    private final Predicate<String> bound;
    private final CascadeParams cascade;
    private final java.util.function.Function<String, Availability.Rule> availability;
    /** The fit kept between reports of the scenario service, or null to fit from the first day. */
    private KeptFit kept;

    /** Every value available from its observation (tests of the odds themselves). */
    private static final Availability.Rule ON_OBSERVATION = Availability.Rule.of("calendar-days", 0, "00:00", 60);

    Analysis(IndicatorEngine engine, Pack pack, Predicate<String> bound, CascadeParams cascade) {
        this(engine, pack, bound, cascade, role -> ON_OBSERVATION);
    }

    /**
     * @param availability each role's availability rule (the checklist's): a day's odds read only
     *        the values available by its end
     */
    Analysis(IndicatorEngine engine, Pack pack, Predicate<String> bound, CascadeParams cascade,
            java.util.function.Function<String, Availability.Rule> availability) {
        this.engine = engine;
        this.pack = pack;
        this.bound = bound;
        this.cascade = cascade;
        this.availability = availability;
    }

    /**
     * Carries the odds' fit on from the last report's where it still stands (see {@link KeptFit})
     * and keeps this report's for the next.
     *
     * @return this analysis
     */
    Analysis keeping(KeptFit fit) {
        this.kept = fit;
        return this;
    }

    /** The computed nodes read by availability. */
    private Measures measures(Map<String, IndicatorResult> results, List<IndicatorNode> nodes) {
        Map<String, List<String>> inputs = new HashMap<>();
        for (IndicatorNode n : nodes) {
            inputs.put(n.name(), n.inputs());
        }
        return new Measures(results, pack.maxStaleDays(), inputs, availability);
    }

    /** The pack analysed. */
    Pack pack() {
        return pack;
    }

    /** The market state the cascade of {@code asset} starts from as of {@code day} (see {@link CascadeState}). */
    CascadeState cascadeState(String asset, LocalDate day) {
        List<IndicatorNode> nodes = CascadeState.nodes(List.of(asset), bound);
        long cutoff = endOf(day);
        Measures m = measures(engine.evaluate(nodes, Long.MIN_VALUE, cutoff), nodes);
        return CascadeState.read(asset, day, m, cutoff, bound);
    }

    /** The roles some scenario of the pack runs through the cascade model, in pack order, once each. */
    private List<String> cascadeRoles() {
        Set<String> roles = new LinkedHashSet<>();
        pack.scenarios().forEach(s -> roles.addAll(s.cascade()));
        return List.copyOf(roles);
    }

    /** The role whose bars count trading days. */
    String calendarRole() {
        return pack.analogues().calendarRole();
    }

    ScenarioReport evaluate(LocalDate asOf, Portfolio portfolio, String packSource, List<String> packWarnings) {
        List<String> warnings = new ArrayList<>(packWarnings);
        // condition node -> the first input role that is not bound
        Map<String, String> unbound = new HashMap<>();
        List<IndicatorNode> nodes = new ArrayList<>();
        List<Pack.Condition> conditions = pack.conditions();
        for (Pack.Condition c : conditions) {
            add(nodes, unbound, CONDITION + c.id(), c);
        }
        for (Pack.Feature f : pack.analogues().features()) {
            add(nodes, unbound, FEATURE + f.id(), f);
        }
        Pack.Library library = pack.analogues().library();
        if (library != null) {
            for (int i = 0; i < library.drawdowns().size(); i++) {
                Pack.DrawdownRule r = library.drawdowns().get(i);
                if (bound.test(r.role())) {
                    nodes.add(new IndicatorNode(LIBRARY + i, "drawdown", Map.of("window", (double) r.window()),
                            List.of(r.role())));
                }
            }
        }
        Set<String> rawRoles = new LinkedHashSet<>();
        rawRoles.add(pack.analogues().calendarRole());
        rawRoles.addAll(pack.analogues().next());
        if (pack.outcome() != null) {
            rawRoles.addAll(pack.outcome().roles());
        }
        if (portfolio != null) {
            for (Position p : portfolio.positions()) {
                rawRoles.add(p.role());
            }
        }
        for (String role : rawRoles) {
            if (bound.test(role)) {
                nodes.add(new IndicatorNode(RAW + role, "sma", Map.of("window", 1.0), List.of(role)));
            }
        }
        List<String> cascadeRoles = cascadeRoles();
        nodes.addAll(CascadeState.nodes(cascadeRoles, bound));
        Map<String, IndicatorResult> results = engine.evaluate(nodes, Long.MIN_VALUE,
                asOf == null ? Long.MAX_VALUE : endOf(asOf));
        Measures m = measures(results, nodes);
        LocalDate day = asOf != null ? asOf : latestDay(m);
        long cutoff = endOf(day);

        // conditions and odds
        ConditionState[] states = new ConditionState[conditions.size()];
        double[] values = new double[conditions.size()];
        String[] reasons = new String[conditions.size()];
        Cause[] causes = new Cause[conditions.size()];
        for (int i = 0; i < conditions.size(); i++) {
            Pack.Condition c = conditions.get(i);
            String role = unbound.get(CONDITION + c.id());
            Measures.Reading r = role != null ? Measures.Reading.none("role " + role + " is not bound", "not bound")
                    : m.read(CONDITION + c.id(), c, cutoff);
            values[i] = r.value();
            reasons[i] = r.reason();
            causes[i] = r.known() ? null : new Cause(role != null ? List.of(role) : c.inputs(), r.brief());
            states[i] = !r.known() ? ConditionState.UNKNOWN : c.met(r.value()) ? ConditionState.MET
                    : ConditionState.NOT_MET;
        }
        List<String> ids = pack.scenarios().stream().map(Pack.Scenario::id).toList();
        double[] prior = new double[ids.size()];
        for (int s = 0; s < ids.size(); s++) {
            prior[s] = pack.scenarios().get(s).prior();
        }
        double[] priorP = Odds.normalised(prior);
        double[] packP = Odds.posterior(ids, prior, conditions, states);
        Fitted fitted = fit(m, unbound, ids, cutoff);
        String oddsBasis;
        double[] p;
        double[] fitWeight = null;
        java.util.function.Function<ConditionState[], double[]> oddsOf;
        if (fitted.model() != null && fitted.model().fitted()) {
            FittedOdds.Model model = fitted.model();
            oddsOf = st -> model.odds(ordinals(st));
            p = oddsOf.apply(states);
            // the prior of fitted odds is the base rate they start from: every condition unknown
            ConditionState[] none = new ConditionState[states.length];
            java.util.Arrays.fill(none, ConditionState.UNKNOWN);
            priorP = oddsOf.apply(none);
            StringBuilder weights = new StringBuilder();
            for (int s = 0; s < ids.size(); s++) {
                weights.append(s == 0 ? "" : ", ").append(ids.get(s)).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.0f%%", 100 * model.weight(s)));
            }
            oddsBasis = String.format(java.util.Locale.ROOT, "fitted on %,d past days with an outcome (%s to %s;"
                    + " %s); weight of the fit against the base rate, by its past forecasts: %s", model.days(),
                    fitted.first(), fitted.last(), pack.outcome().describe(), weights);
            fitWeight = new double[ids.size()];
            for (int s = 0; s < ids.size(); s++) {
                fitWeight[s] = model.weight(s);
            }
        } else {
            oddsOf = st -> Odds.posterior(ids, prior, conditions, st);
            p = packP;
            oddsBasis = pack.outcome() == null ? "the pack's likelihood ratios (the pack states no outcome to fit them on)"
                    : String.format(java.util.Locale.ROOT, "the pack's likelihood ratios: %,d past days have an"
                            + " outcome, %d are needed to fit them", fitted.model() == null ? 0 : fitted.model().days(),
                            FittedOdds.MIN_TRAINING);
            warnings.add("the scenario odds are the pack's own likelihood ratios, not fitted on history: "
                    + oddsBasis.substring(oddsBasis.indexOf(':') + 2));
        }
        List<EvidenceGap> gaps = gaps(ids, conditions, states, causes);
        for (EvidenceGap g : gaps) {
            warnings.add(g.message());
        }

        // prices and P&L
        Map<String, Double> prices = new HashMap<>();
        if (portfolio != null) {
            prices = prices(portfolio, m, cutoff, warnings);
            Set<String> shocked = new LinkedHashSet<>();
            pack.scenarios().forEach(s -> shocked.addAll(s.shocks().keySet()));
            for (Position pos : portfolio.positions()) {
                if (!shocked.contains(pos.role())) {
                    warnings.add(portfolio.source() + (pos.line() > 0 ? ":" + pos.line() : "") + ": no scenario has a"
                            + " shock for role " + pos.role() + "; its move is 0 (roles with shocks: "
                            + String.join(", ", shocked) + ")");
                }
            }
        }

        // each cascaded asset starts from its market's state on the day (funding, open interest)
        Map<String, CascadeParams> cascadeParams = new HashMap<>();
        for (String role : cascadeRoles) {
            CascadeState state = CascadeState.read(role, day, m, cutoff, bound);
            cascadeParams.put(role, state.apply(Cascade.forRole(role, cascade)));
            for (String w : state.warnings()) {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
        }
        List<ScenarioResult> scenarios = new ArrayList<>();
        double expected = 0;
        double worst = Double.POSITIVE_INFINITY;
        String worstId = null;
        int ci = 0;
        for (int s = 0; s < ids.size(); s++) {
            Pack.Scenario sc = pack.scenarios().get(s);
            List<ConditionResult> own = new ArrayList<>();
            for (Pack.Condition c : sc.conditions()) {
                own.add(result(c, states[ci], values[ci], reasons[ci], Odds.factor(c, sc.id(), states[ci])));
                ci++;
            }
            Map<String, Double> shocks = new LinkedHashMap<>(sc.shocks());
            Map<String, CascadeResult> cascades = new LinkedHashMap<>();
            for (String role : sc.cascade()) {
                CascadeResult r = Cascade.run(cascadeParams.get(role).withShock(-sc.shocks().get(role)));
                cascades.put(role, r);
                shocks.put(role, -r.amplifiedMove());
            }
            Double pnl = null;
            List<PositionPnl> positions = new ArrayList<>();
            if (portfolio != null) {
                for (Position pos : portfolio.positions()) {
                    double exposure = Valuation.exposure(pos, prices);
                    if (Double.isFinite(exposure)) {
                        positions.add(Valuation.value(pos, exposure, shocks.getOrDefault(pos.role(), 0.0)));
                    }
                }
                pnl = Valuation.total(positions);
                expected += p[s] * pnl;
                if (pnl < worst) {
                    worst = pnl;
                    worstId = sc.id();
                }
            }
            scenarios.add(new ScenarioResult(sc.id(), sc.name(), priorP[s], p[s], own, shocks, cascades, pnl,
                    positions, p == packP ? null : packP[s], fitWeight == null ? null : fitWeight[s]));
        }
        List<ConditionResult> all = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            all.add(result(conditions.get(i), states[i], values[i], reasons[i], 1));
        }
        return new ScenarioReport(day.toString(), scenarios, portfolio == null ? null : expected,
                portfolio == null ? null : worst, worstId, watch(ids, oddsOf, conditions, states, values, m, cutoff, p),
                analogues(m, day, cutoff), all, packSource, warnings, gaps, oddsBasis);
    }

    /**
     * The pack's odds on every day the calendar role has a bar in {@code [from, to]}, each from
     * the data up to that day's end only (indicators are causal and every value is read at its
     * last bar at or before the cutoff, stale values as unknown, as {@link #evaluate} does), from
     * one evaluation of the indicator graph over the whole history.
     *
     * @param raw roles whose plain values the caller needs beside the odds (read as {@code sma(1)})
     */
    Daily daily(LocalDate from, LocalDate to, List<String> raw) {
        Map<String, String> unbound = new HashMap<>();
        List<IndicatorNode> nodes = new ArrayList<>();
        List<Pack.Condition> conditions = pack.conditions();
        for (Pack.Condition c : conditions) {
            add(nodes, unbound, CONDITION + c.id(), c);
        }
        Set<String> rawRoles = new LinkedHashSet<>();
        rawRoles.add(pack.analogues().calendarRole());
        rawRoles.addAll(raw);
        for (String role : rawRoles) {
            if (bound.test(role)) {
                nodes.add(new IndicatorNode(RAW + role, "sma", Map.of("window", 1.0), List.of(role)));
            }
        }
        Measures m = measures(engine.evaluate(nodes, Long.MIN_VALUE, Long.MAX_VALUE), nodes);
        long[] calendar = m.times(RAW + pack.analogues().calendarRole());
        List<String> ids = pack.scenarios().stream().map(Pack.Scenario::id).toList();
        double[] prior = new double[ids.size()];
        for (int s = 0; s < ids.size(); s++) {
            prior[s] = pack.scenarios().get(s).prior();
        }
        int first = 0;
        while (first < calendar.length && Measures.day(calendar[first]).isBefore(from)) {
            first++;
        }
        int end = first;
        while (end < calendar.length && !Measures.day(calendar[end]).isAfter(to)) {
            end++;
        }
        double[][] odds = new double[end - first][];
        byte[][] read = new byte[end - first][conditions.size()];
        long unknown = 0;
        ConditionState[] states = new ConditionState[conditions.size()];
        for (int d = first; d < end; d++) {
            statesAt(m, unbound, endOf(Measures.day(calendar[d])), states);
            for (int i = 0; i < conditions.size(); i++) {
                if (states[i] == ConditionState.UNKNOWN) {
                    unknown++;
                }
                read[d - first][i] = (byte) states[i].ordinal();
            }
            odds[d - first] = Odds.posterior(ids, prior, conditions, states);
        }
        return new Daily(ids, calendar, first, odds, read, conditions, unknown,
                (long) (end - first) * conditions.size(), m, RAW + pack.analogues().calendarRole());
    }

    /**
     * The odds of {@link #daily}: {@code odds[k]} belongs to the calendar bar {@code first + k}.
     *
     * @param calendar the calendar role's bar times over the whole history
     * @param states per day and condition (pack order), the {@link ConditionState} ordinal
     * @param conditions the pack's conditions, in the order of {@code states}
     * @param unknown how many (day, condition) readings were unknown, of {@code readings}
     * @param measures the evaluated graph, for the raw roles asked for
     */
    record Daily(List<String> ids, long[] calendar, int first, double[][] odds, byte[][] states,
            List<Pack.Condition> conditions, long unknown, long readings, Measures measures, String calendarNode) {

        /** The last calendar bar available at the decision time of calendar bar {@code d}'s day. */
        int known(int d) {
            return measures.index(calendarNode, endOf(Measures.day(calendar[d])));
        }

        /** The raw value of a role asked for, at its last bar at or before the cutoff (NaN if none). */
        double raw(String role, long cutoff) {
            return measures.last(RAW + role, cutoff);
        }
    }

    /**
     * The scenarios whose odds {@link Odds#weights} pulls toward the prior, each with its unknown
     * conditions' causes grouped by cause in pack order, the roles of each in name order (so that two
     * scenarios short of the same data say it in the same words): "us10y, us2y stale since 2026-02-06".
     *
     * @param causes per condition, why it is unknown; null when known
     */
    static List<EvidenceGap> gaps(List<String> ids, List<Pack.Condition> conditions, ConditionState[] states,
            Cause[] causes) {
        double[] weight = Odds.weights(ids, conditions, states);
        List<EvidenceGap> out = new ArrayList<>();
        for (int s = 0; s < ids.size(); s++) {
            if (weight[s] == 1) {
                continue;
            }
            int bearing = 0;
            int unknown = 0;
            Map<String, Set<String>> rolesByCause = new LinkedHashMap<>();
            for (int c = 0; c < conditions.size(); c++) {
                if (!Odds.bears(conditions.get(c), ids.get(s))) {
                    continue;
                }
                bearing++;
                if (states[c] == ConditionState.UNKNOWN) {
                    unknown++;
                    rolesByCause.computeIfAbsent(causes[c].brief(), k -> new java.util.TreeSet<>()).addAll(causes[c].roles());
                }
            }
            List<String> words = new ArrayList<>();
            rolesByCause.forEach((cause, roles) -> words.add(String.join(", ", roles) + " " + cause));
            out.add(new EvidenceGap(ids.get(s), unknown, bearing, weight[s], words));
        }
        return out;
    }

    /** Why a condition is unknown: the roles it reads (or the one not bound) and the cause in a few words. */
    record Cause(List<String> roles, String brief) {
    }

    private void add(List<IndicatorNode> nodes, Map<String, String> unbound, String name, Pack.Measured measure) {
        for (String in : measure.inputs()) {
            // a series id is resolved by the engine; a role must be bound (RoleBindings' one rule)
            if (!RoleBindings.isSeriesId(in) && !bound.test(in)) {
                unbound.put(name, in);
                return;
            }
        }
        nodes.add(new IndicatorNode(name, measure.indicator(), measure.params(), measure.inputs()));
    }

    private static ConditionResult result(Pack.Condition c, ConditionState state, double value, String reason,
            double factor) {
        return new ConditionResult(c.id(), c.text(), state, Double.isNaN(value) ? null : value, c.threshold(),
                c.comparison(), factor, c.likelihood(), reason);
    }

    /** The last day on which the calendar role (else the first analogue role) has a bar; else today. */
    private LocalDate latestDay(Measures m) {
        List<String> roles = new ArrayList<>();
        roles.add(pack.analogues().calendarRole());
        roles.addAll(pack.analogues().next());
        for (String role : roles) {
            long[] t = m.times(RAW + role);
            if (t.length > 0) {
                return Measures.day(t[t.length - 1]);
            }
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    private Map<String, Double> prices(Portfolio portfolio, Measures m, long cutoff, List<String> warnings) {
        Map<String, Double> prices = new HashMap<>();
        for (Position pos : portfolio.positions()) {
            if (pos.quantity() == null || prices.containsKey(pos.role())) {
                continue;
            }
            String at = portfolio.source() + (pos.line() > 0 ? ":" + pos.line() : "");
            if (!bound.test(pos.role())) {
                warnings.add(at + ": role " + pos.role() + " is not bound, so a quantity cannot be priced; the"
                        + " position is left out (give a notional, or bind the role with 'roles set')");
                continue;
            }
            // the last price up to the cutoff, as the engine was cut there (a valuation, not a forecast)
            long[] t = m.times(RAW + pos.role());
            int i = Measures.lastAtOrBefore(t, cutoff);
            double price = m.observed(RAW + pos.role(), cutoff);
            if (i < 0 || Double.isNaN(price)) {
                warnings.add(at + ": no price for role " + pos.role() + " up to " + Measures.day(cutoff)
                        + "; the position is left out");
                continue;
            }
            if (t[i] < cutoff - pack.maxStaleDays() * 86_400_000L) {
                warnings.add(at + ": the price of " + pos.role() + " is stale (last bar of " + Measures.day(t[i])
                        + "); it is used as it is");
            }
            prices.put(pos.role(), price);
        }
        return prices;
    }

    /** Each condition's state as of the cutoff, into {@code states} (unbound conditions UNKNOWN). */
    private void statesAt(Measures m, Map<String, String> unbound, long cutoff, ConditionState[] states) {
        List<Pack.Condition> conditions = pack.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            Pack.Condition c = conditions.get(i);
            Measures.Reading r = unbound.containsKey(CONDITION + c.id())
                    ? Measures.Reading.none("not bound", "not bound") : m.read(CONDITION + c.id(), c, cutoff);
            states[i] = !r.known() ? ConditionState.UNKNOWN : c.met(r.value()) ? ConditionState.MET
                    : ConditionState.NOT_MET;
        }
    }

    private static byte[] ordinals(ConditionState[] states) {
        byte[] out = new byte[states.length];
        for (int i = 0; i < states.length; i++) {
            out[i] = (byte) states[i].ordinal();
        }
        return out;
    }

    /**
     * The fitted model as of a day, or none without an outcome in the pack.
     *
     * @param first the first day it learnt from, else null
     * @param last the last, else null
     */
    private record Fitted(FittedOdds.Model model, String first, String last) {
    }

    /**
     * Fits the pack's conditions on the days whose outcome was known by the cutoff: calendar bars d
     * with {@code d + horizon} at or before the cutoff's bar, so every value the labels and states
     * read is at or before the cutoff (the walk of {@code scenarios score} learns from the same days,
     * so the day's odds are that walk's odds on the day).
     */
    private Fitted fit(Measures m, Map<String, String> unbound, List<String> ids, long cutoff) {
        Pack.Outcome outcome = pack.outcome();
        if (outcome == null) {
            return new Fitted(null, null, null);
        }
        long[] calendar = m.times(RAW + pack.analogues().calendarRole());
        int today = m.index(RAW + pack.analogues().calendarRole(), cutoff);
        // The last report's fit, carried on over the new days when every bar it could have read
        // is the same now (its days then learn the same); else learnt from the first day.
        KeptFit.State prior = kept == null ? null : kept.get(pack, unbound, ids);
        boolean extend = prior != null && prior.today() <= today && m.samePrefix(prior.measures(), prior.settled());
        FittedOdds.Model model;
        if (extend) {
            model = prior.model().copy();
        } else {
            int[] groups = FittedOdds.groups(pack.conditions());
            model = new FittedOdds.Model(groups, java.util.Arrays.stream(groups).max().orElse(-1) + 1, ids.size(),
                    outcome.horizonBars());
        }
        ConditionState[] states = new ConditionState[pack.conditions().size()];
        byte[] read = new byte[states.length]; // reused: the model counts, it keeps no day's array
        String first = extend ? prior.first() : null;
        String last = extend ? prior.last() : null;
        long[] known = java.util.Arrays.copyOf(calendar, today + 1);
        Map<String, double[]> aligned = Outcomes.aligned(outcome, known, (role, t) -> m.last(RAW + role, t));
        int d = extend ? prior.next() : 0;
        for (; d + outcome.horizonBars() <= today; d++) {
            Outcomes.Labelled l = Outcomes.label(outcome, ids, known.length, d, aligned);
            if (!l.known()) {
                continue;
            }
            statesAt(m, unbound, endOf(Measures.day(calendar[d])), states);
            for (int i = 0; i < states.length; i++) {
                read[i] = (byte) states[i].ordinal();
            }
            model.queue(d, m.index(RAW + pack.analogues().calendarRole(), endOf(Measures.day(calendar[d]))), read,
                    l.label());
            last = Measures.day(calendar[d]).toString();
            first = first == null ? last : first;
        }
        if (kept != null) {
            kept.put(new KeptFit.State(pack, Map.copyOf(unbound), List.copyOf(ids), m, cutoff, today, d,
                    model.copy(), first, last), extend);
        }
        model.learnUpTo(today);
        return new Fitted(model, first, last);
    }

    private List<WatchItem> watch(List<String> ids, java.util.function.Function<ConditionState[], double[]> oddsOf,
            List<Pack.Condition> conditions, ConditionState[] states, double[] values, Measures m, long cutoff,
            double[] p) {
        List<WatchItem> out = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            if (states[i] == ConditionState.UNKNOWN) {
                continue;
            }
            Pack.Condition c = conditions.get(i);
            double sd = m.historyStdDev(CONDITION + c.id(), c, cutoff);
            if (!(sd > 0)) {
                continue;
            }
            ConditionState[] flipped = states.clone();
            flipped[i] = states[i] == ConditionState.MET ? ConditionState.NOT_MET : ConditionState.MET;
            double[] q = oddsOf.apply(flipped);
            Map<String, Double> ifFlipped = new LinkedHashMap<>();
            int most = 0;
            for (int s = 0; s < ids.size(); s++) {
                ifFlipped.put(ids.get(s), q[s]);
                if (Math.abs(q[s] - p[s]) > Math.abs(q[most] - p[most])) {
                    most = s;
                }
            }
            out.add(new WatchItem(c.id(), c.text(), states[i], values[i], c.threshold(),
                    Math.abs(values[i] - c.threshold()) / sd, ifFlipped, ids.get(most), q[most] - p[most]));
        }
        out.sort(Comparator.comparingDouble(WatchItem::distance));
        return out;
    }

    /**
     * The past episodes nearest to the day's state: the library's (found in the data up to the
     * cutoff; those still running or that ended within its {@code excludeDays} of the day left
     * out, as they are the present; the nearest {@code show})
     * or, without a library, the pack's named episodes before the day.
     */
    private List<Analogue> analogues(Measures m, LocalDate day, long cutoff) {
        Pack.Analogues a = pack.analogues();
        List<Pack.Feature> features = a.features();
        double[] today = new double[features.size()];
        double[] sd = new double[features.size()];
        for (int f = 0; f < features.size(); f++) {
            Pack.Feature feature = features.get(f);
            today[f] = m.read(FEATURE + feature.id(), feature, cutoff).value();
            sd[f] = m.historyStdDev(FEATURE + feature.id(), feature, cutoff);
        }
        long[] calendar = m.times(RAW + a.calendarRole());
        List<Analogue> out = new ArrayList<>();
        for (Past e : past(m, day, cutoff)) {
            long end = endOf(e.day());
            double sum = 0;
            int used = 0;
            for (int f = 0; f < features.size(); f++) {
                Pack.Feature feature = features.get(f);
                double then = m.read(FEATURE + feature.id(), feature, end).value();
                if (Double.isNaN(then) || Double.isNaN(today[f]) || !(sd[f] > 0)) {
                    continue;
                }
                double z = (today[f] - then) / sd[f];
                sum += z * z;
                used++;
            }
            if (used == 0) {
                continue;
            }
            // scaled to the full feature count so that distances with skipped features stay comparable
            double distance = Math.sqrt(sum * features.size() / used);
            Map<String, Double> next = new LinkedHashMap<>();
            // what followed a past episode is history by now: read as observed
            int i0 = Measures.lastAtOrBefore(calendar, end);
            int i1 = i0 + a.horizonBars();
            if (i0 >= 0 && i1 < calendar.length && calendar[i1] <= cutoff) {
                long target = endOf(Measures.day(calendar[i1]));
                for (String role : a.next()) {
                    double p0 = m.observed(RAW + role, end);
                    double p1 = m.observed(RAW + role, target);
                    if (p0 > 0 && Double.isFinite(p1)) {
                        next.put(role, p1 / p0 - 1);
                    }
                }
            }
            out.add(new Analogue(e.name(), e.day().toString(), distance, used, next));
        }
        out.sort(Comparator.comparingDouble(Analogue::distance));
        return a.library() == null ? out : List.copyOf(out.subList(0, Math.min(out.size(), a.library().show())));
    }

    /** A past episode to compare the day with: its day and its name. */
    private record Past(LocalDate day, String name) {
    }

    /** The episodes the day is compared with; none on or after the day (no look-ahead). */
    private List<Past> past(Measures m, LocalDate day, long cutoff) {
        Pack.Analogues a = pack.analogues();
        List<Past> out = new ArrayList<>();
        if (a.library() == null) {
            for (Pack.Episode e : a.episodes()) {
                if (e.day().isBefore(day)) {
                    out.add(new Past(e.day(), e.name()));
                }
            }
            return out;
        }
        LocalDate latest = day.minusDays(a.library().excludeDays());
        for (int i = 0; i < a.library().drawdowns().size(); i++) {
            Pack.DrawdownRule rule = a.library().drawdowns().get(i);
            for (EpisodeLibrary.Episode e : EpisodeLibrary.find(i, m.times(LIBRARY + i), m.values(LIBRARY + i),
                    rule.depth(), cutoff)) {
                if (e.open() || Measures.day(e.end()).isAfter(latest)) {
                    continue; // still running, or ended within excludeDays: the present, not history
                }
                out.add(new Past(Measures.day(e.start()), describe(rule, e, a.episodes())));
            }
        }
        return out;
    }

    /**
     * An episode in a line: {@code spx -7% from its 60-bar high; deepest -33.9% on 2020-03-23
     * (COVID crash)}, named after the pack's episodes whose day falls within it.
     */
    private static String describe(Pack.DrawdownRule rule, EpisodeLibrary.Episode e, List<Pack.Episode> named) {
        LocalDate start = Measures.day(e.start());
        LocalDate end = Measures.day(e.end());
        StringBuilder names = new StringBuilder();
        for (Pack.Episode n : named) {
            // a named day a week before the line was crossed still names the same fall
            if (!n.day().isBefore(start.minusDays(7)) && !n.day().isAfter(end)) {
                names.append(names.isEmpty() ? " (" : "; ").append(n.name());
            }
        }
        if (!names.isEmpty()) {
            names.append(')');
        }
        return String.format(java.util.Locale.ROOT, "%s -%s%% from its %d-bar high; deepest %.1f%% on %s%s",
                rule.role(), java.math.BigDecimal.valueOf(100 * rule.depth()).setScale(1, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString(),
                rule.window(), 100 * e.depth(), Measures.day(e.trough()), names);
    }

    static long endOf(LocalDate day) {
        // What Times.parseEnd(day.toString()) gives, without the text: the fit asks it of every
        // earlier day, and the round trip through text was a fifth of a report.
        return Math.multiplyExact(day.toEpochDay(), 86_400_000L) + 86_399_999L;
    }
}
