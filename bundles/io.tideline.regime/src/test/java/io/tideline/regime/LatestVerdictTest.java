package io.tideline.regime;

import io.tideline.support.series.Availability;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.series.SeriesData;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import io.tideline.support.testing.InMemoryEngine;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The latest verdict kept and extended as days arrive equals a full replay of every day from
 * the anchor, day after day over the sample's COVID crash (risk-off, holds, confirmations); a
 * change of rules or of a past bar walks everything again; a burst of announcements costs one
 * computation. The in-memory engine cuts its inputs at the decision time physically, so each
 * call sees the store as it was with that day's bars appended.
 */
class LatestVerdictTest {

    private static final LocalDate FROM = LocalDate.parse("2020-01-15");
    private static final LocalDate TO = LocalDate.parse("2020-06-30");

    private static LatestVerdict.Key key(Rules rules) {
        return new LatestVerdict.Key(rules, Availability.defaults(), Map.of());
    }

    @Test
    void appending_day_by_day_gives_every_day_the_verdict_of_a_full_replay() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        LatestVerdict latest = new LatestVerdict();
        Set<Regime> regimes = new HashSet<>();
        int held = 0;
        int days = 0;
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            long now = checks.decision(d);
            Verdict incremental = latest.latest(key(checks.rules()), () -> checks, null, now).verdict();
            Verdict full = TestChecks.sample(engine).latest(now);
            assertThat(incremental).as(d.toString()).isEqualTo(full);
            regimes.add(full.regime());
            held += full.drivers().contains(Checks.HELD_DRIVER) ? 1 : 0;
            days++;
        }
        // the stretch is worth comparing: several regimes, the hold, risk-off confirmed and left
        assertThat(regimes).hasSizeGreaterThanOrEqualTo(3);
        assertThat(held).isPositive();
        assertThat(latest.computations()).isEqualTo(days);
        assertThat(latest.fullWalks()).as("only the first day walks from the anchor").isEqualTo(1);
        long firstWalk = FROM.toEpochDay() - firstEquityDay(engine) + 1;
        assertThat(latest.daysJudged()).as("one new day judged per appended day").isEqualTo(firstWalk + days - 1);
    }

    @Test
    void other_rules_walk_every_day_again_and_agree_with_a_full_replay() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Rules rules = RulesLoader.defaults();
        Rules.RegimeRules g = rules.regime();
        Rules other = new Rules(rules.version(), rules.steps(), new Rules.RegimeRules(g.amberPoints(), g.redPoints(),
                g.tierMinScores(), g.vixShock(), g.equityHoldPct(), g.riskOffMinTier(), g.hedgeMinTier(),
                g.reduceMinTier(), g.waitMinTier(), g.maxStaleDays(), g.holdDays() + 5, g.exitVolRatio(),
                g.confirmDays() + 1, g.decisionTimeUtc()));
        Checks checks = TestChecks.sample(engine, rules);
        Checks otherChecks = TestChecks.sample(engine, other);
        LatestVerdict latest = new LatestVerdict();
        long now = checks.decision(LocalDate.parse("2020-04-20"));
        latest.latest(key(rules), () -> checks, "v1", now);

        Verdict changed = latest.latest(key(other), () -> otherChecks, "v1", now).verdict();

        assertThat(changed).isEqualTo(TestChecks.sample(engine, other).latest(now));
        assertThat(latest.computations()).isEqualTo(2);
        assertThat(latest.fullWalks()).isEqualTo(2);
    }

    @Test
    void a_past_bar_changed_walks_every_day_again_announced_or_not() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        LatestVerdict latest = new LatestVerdict();
        LatestVerdict unannounced = new LatestVerdict();
        LocalDate day = LocalDate.parse("2020-03-31");
        latest.latest(key(checks.rules()), () -> checks, "v1", checks.decision(day));
        unannounced.latest(key(checks.rules()), () -> checks, null, checks.decision(day));

        // bitcoin's close of 2020-03-02 revised to half: a crash a month back
        long revised = LocalDate.parse("2020-03-02").toEpochDay() * Availability.DAY;
        SeriesData btc = raw(engine, "btc");
        long[] times = btc.copyTimes();
        double[] values = btc.copyColumn(btc.primary());
        int i = java.util.Arrays.binarySearch(times, revised);
        values[i] = values[i] / 2;
        engine.put("btc", times, values);
        latest.appended(revised);

        long now = checks.decision(day.plusDays(1));
        Verdict full = TestChecks.sample(engine).latest(now);
        assertThat(latest.latest(key(checks.rules()), () -> checks, "v2", now).verdict()).isEqualTo(full);
        assertThat(unannounced.latest(key(checks.rules()), () -> checks, null, now).verdict()).isEqualTo(full);
        assertThat(latest.fullWalks()).as("the announced backfill drops the kept walk").isEqualTo(2);
        assertThat(unannounced.fullWalks()).as("the walk finds the revised bar itself").isEqualTo(2);
    }

    @Test
    void a_burst_of_appended_bars_costs_one_computation_however_many_ask() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        LatestVerdict latest = new LatestVerdict();
        LocalDate day = LocalDate.parse("2020-03-16");
        Verdict before = latest.latest(key(checks.rules()), () -> checks, "v1", checks.decision(day)).verdict();
        assertThat(latest.latest(key(checks.rules()), () -> checks, "v1", checks.decision(day)).verdict())
                .isSameAs(before);
        assertThat(latest.computations()).isEqualTo(1);

        // a feed run announces its series one after another, each with bars of the next day
        long next = day.plusDays(1).toEpochDay() * Availability.DAY;
        for (int k = 0; k < 12; k++) {
            latest.appended(next);
        }
        long now = checks.decision(day.plusDays(1));
        // the checklist's own recheck, the desk's verdict and its alert check all ask
        List<Verdict> asked = List.of(latest.latest(key(checks.rules()), () -> checks, "v2", now).verdict(),
                latest.latest(key(checks.rules()), () -> checks, "v2", now).verdict(),
                latest.latest(key(checks.rules()), () -> checks, "v2", now).verdict());

        assertThat(latest.computations()).isEqualTo(2);
        assertThat(latest.fullWalks()).as("bars after the walked day extend the walk").isEqualTo(1);
        assertThat(asked).allSatisfy(v -> assertThat(v).isEqualTo(TestChecks.sample(engine).latest(now)));
    }

    /** A role's series as the engine holds it (an SMA of one bar is the series itself). */
    private static SeriesData raw(InMemoryEngine engine, String role) {
        return engine.evaluate(List.of(new IndicatorNode("raw", "sma", Map.of("window", 1.0), List.of(role))),
                Long.MIN_VALUE, Long.MAX_VALUE).get("raw").output();
    }

    /** The first day of the equity index: the anchor every walk starts from. */
    private static long firstEquityDay(InMemoryEngine engine) {
        String equity = RulesLoader.defaults().steps().correlation().equityRole();
        return Math.floorDiv(raw(engine, equity).time(0), Availability.DAY);
    }
}
