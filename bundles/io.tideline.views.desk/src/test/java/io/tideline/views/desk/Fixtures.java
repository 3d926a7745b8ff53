package io.tideline.views.desk;

import io.tideline.api.desk.CorrelationMatrix;
import io.tideline.api.series.SeriesId;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.CascadeRound;
import io.tideline.scenario.api.ConditionResult;
import io.tideline.scenario.api.ConditionState;
import io.tideline.scenario.api.Crowding;
import io.tideline.scenario.api.PositionPnl;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.scenario.api.WatchItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Known verdicts, matrices and scenario reports for the tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Role bindings of the sample workspace (the part the fixtures use). */
    public static Map<String, SeriesId> roles() {
        Map<String, SeriesId> m = new LinkedHashMap<>();
        m.put("btc", SeriesId.parse("binance:BTCUSDT"));
        m.put("ndx", SeriesId.parse("yahoo:QQQ"));
        m.put("spx", SeriesId.parse("yahoo:SPY"));
        m.put("us10y", SeriesId.parse("fred:DGS10"));
        m.put("vix", SeriesId.parse("fred:VIXCLS"));
        m.put("dollar", SeriesId.parse("yahoo:DXY"));
        return m;
    }

    /** A verdict with five steps; {@code text} is put into every free-text field (for escaping tests). */
    /** Daily bar times at midnight UTC from {@code from} to {@code to}, weekdays only unless {@code weekends}. */
    public static long[] dailyBars(String from, String to, boolean weekends) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (weekends || d.getDayOfWeek().getValue() <= 5) {
                out.add(d.toEpochDay() * 86_400_000L);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    public static Verdict verdict(String asOf, Regime regime, String text) {
        List<Step> steps = List.of(
                new Step("macro", Status.RED, "10Y up 22 bp in 5 days " + text, List.of(
                        new Evidence("us10y", "change-bp(5)", 22.0, 15.0, "10Y up >= 15 bp in 5 days is adverse " + text),
                        new Evidence("dollar", "zscore-change(5)", 1.1, 2.0, "dollar z >= 2 is adverse"))),
                new Step("leadership", Status.AMBER, "Nasdaq below its 50-day average", List.of(
                        new Evidence("ndx", "trend-slope(50)", -0.2, 0.0, "slope < 0 is adverse"))),
                new Step("crypto", Status.GREEN, "funding calm", List.of(
                        new Evidence("btc", "drawdown", -0.08, -0.2, "drawdown <= -20% is adverse"))),
                new Step("correlation", Status.AMBER, "BTC trades with Nasdaq", List.of(
                        new Evidence("btc/ndx", "correlation(30)", 0.62, 0.5, "correlation >= 0.5 is adverse"))),
                new Step("execution", Status.UNKNOWN, "no liquidation data", List.of(
                        new Evidence("btc.liquidations.long", "sum(1)", null, 1e8, "long liquidations >= 100M"))));
        return new Verdict(asOf, regime, true, 4, Action.HEDGE, 0.5, List.of("rates shock " + text),
                List.of("btc.liquidations.long"), steps);
    }

    /** One verdict per day, cycling through the regimes in blocks of 40 days. */
    public static List<Verdict> replay(LocalDate from, LocalDate to) {
        List<Verdict> out = new ArrayList<>();
        Regime[] regimes = Regime.values();
        int k = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), k++) {
            out.add(verdict(d.toString(), regimes[(k / 40) % regimes.length], ""));
        }
        return out;
    }

    /** A known matrix: +1 on the diagonal, -1, 0 and 0.5 off it. */
    public static CorrelationMatrix matrix() {
        List<String> roles = List.of("btc", "ndx", "us10y");
        double[][] v = {
            {1.0, -1.0, 0.0},
            {-1.0, 1.0, 0.5},
            {0.0, 0.5, 1.0}};
        long day = LocalDate.parse("2026-07-23").toEpochDay() * 86_400_000L;
        long[][] asOf = {{day, day, day}, {day, day, day}, {day, day, day}};
        return new CorrelationMatrix(roles, List.of("binance:BTCUSDT", "yahoo:QQQ", "fred:DGS10"), 90, v, asOf);
    }

    /** A matrix of {@code n} roles with smoothly varying values (benchmark input). */
    public static CorrelationMatrix matrix(int n) {
        List<String> roles = new ArrayList<>();
        List<String> series = new ArrayList<>();
        double[][] v = new double[n][n];
        long[][] asOf = new long[n][n];
        for (int i = 0; i < n; i++) {
            roles.add("role" + i);
            series.add("test:S" + i);
            for (int j = 0; j < n; j++) {
                v[i][j] = i == j ? 1.0 : Math.cos(i * 0.7 + j * 1.3);
                asOf[i][j] = 1_784_764_800_000L;
            }
        }
        return new CorrelationMatrix(roles, series, 90, v, asOf);
    }

    /** A scenario report; {@code text} goes into the free-text fields. */
    public static ScenarioReport scenarios(String asOf, double shift, String text) {
        ConditionResult c1 = new ConditionResult("vix.high", "VIX above 25 " + text, ConditionState.MET, 27.5, 25,
                ">", 1.8, Map.of("A", 1.8, "B", 0.7), null);
        ConditionResult c2 = new ConditionResult("btc.funding", "funding below 0", ConditionState.NOT_MET, 0.0001, 0,
                "<", 1, Map.of("C", 2.0), null);
        ConditionResult c3 = new ConditionResult("oi", "open interest at a high", ConditionState.UNKNOWN, null, 0,
                ">=", 1, Map.of(), "btc.oi not bound");
        List<ScenarioResult> s = List.of(
                new ScenarioResult("A", "Liquidity squeeze " + text, 0.3, 0.45 + shift, List.of(c1),
                        Map.of("btc", -0.18, "spx", -0.07), Map.of(), -42_000.0,
                        List.of(new PositionPnl("btc", 150_000, -0.18, -27_000, false),
                                new PositionPnl("spx", 200_000, -0.075, -15_000, false))),
                new ScenarioResult("B", "Orderly pullback", 0.4, 0.35, List.of(c1),
                        Map.of("btc", -0.08, "spx", -0.03),
                        // the day's market: funding at 50% a year, so the cascade tab runs crowded
                        Map.of("btc", cascade(CascadeParams.defaults().withCrowding(new Crowding(0.5, 1))
                                .withShock(0.03))), -18_000.0,
                        List.of(new PositionPnl("btc", 150_000, -0.08, -12_000, false),
                                new PositionPnl("spx", 200_000, -0.03, -6_000, false))),
                new ScenarioResult("C", "Recovery", 0.3, 0.20 - shift, List.of(c2),
                        Map.of("btc", 0.1, "spx", 0.04), Map.of(), 23_000.0,
                        List.of(new PositionPnl("btc", 150_000, 0.1, 15_000, false),
                                new PositionPnl("spx", 200_000, 0.04, 8_000, false))));
        double expected = 0;
        for (ScenarioResult r : s) {
            expected += r.probability() * r.pnl();
        }
        List<WatchItem> watch = List.of(new WatchItem("btc.funding", "funding below 0 " + text,
                ConditionState.NOT_MET, 0.0001, 0, 0.4, Map.of("A", 0.3, "B", 0.3, "C", 0.4), "C", 0.2));
        return new ScenarioReport(asOf, s, expected, -42_000.0, "A", watch, List.of(), List.of(c1, c2, c3),
                "bundle default", List.of());
    }

    /** A cascade result proportional to the parameters (not the real model: the view only shows it). */
    public static CascadeResult cascade(CascadeParams p) {
        double amplified = Math.min(0.9, p.shock() * (1 + p.meanLeverage() / 5));
        // with a spread, as the ensemble gives one
        return new CascadeResult(p.shock(), amplified, p.shock() == 0 ? 1 : amplified / p.shock(), 3,
                List.of(new CascadeRound(1, p.shock(), 1e9, 0.01)), 3e9, p.openInterest() - 3e9, p.openInterest(),
                true, p, p.shock(), amplified, Math.min(0.95, amplified * 1.8));
    }
}
