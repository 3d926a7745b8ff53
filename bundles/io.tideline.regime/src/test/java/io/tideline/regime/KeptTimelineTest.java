package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.series.SeriesData;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import io.tideline.support.series.Availability;
import io.tideline.support.testing.InMemoryEngine;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checklist view's year-long timeline ({@code replay(day - 364, day)} with {@code day} the
 * latest verdict's day), as the checklist component asks for it through {@link LatestVerdict},
 * is read from the kept walk without judging a day and equals a full {@code Checks.replay} of
 * the same days, verdict for verdict; a backfilled bar, a changed data version, other rules or a
 * {@code from} outside the kept days replay in full and agree too. Over the sample with its real
 * availability rules; the in-memory engine cuts its inputs at the decision time physically, so
 * each call sees the store as it was with that day's bars appended.
 */
class KeptTimelineTest {

    private static final LocalDate FROM = LocalDate.parse("2020-01-15");
    private static final LocalDate TO = LocalDate.parse("2020-06-30");
    /** The checklist view's timeline: a year of days ending on the latest verdict's day. */
    private static final int TIMELINE_DAYS = 365;

    private static LatestVerdict.Key key(Rules rules) {
        return new LatestVerdict.Key(rules, Availability.defaults(), Map.of());
    }

    @Test
    void appending_day_by_day_the_years_timeline_is_read_from_the_kept_walk_and_equals_a_full_replay()
            throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        LatestVerdict latest = new LatestVerdict();
        Set<Regime> regimes = new HashSet<>();
        int held = 0;
        int days = 0;
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            long now = checks.decision(d);
            // each day's bars change the data version, as the store's count and last time do
            String version = "through " + d;
            LocalDate end = latest.latest(key(checks.rules()), () -> checks, version, now).verdict().day();
            int computations = latest.computations();
            long judged = latest.daysJudged();

            LocalDate from = end.minusDays(TIMELINE_DAYS - 1L);
            List<Verdict> timeline = latest.replay(key(checks.rules()), () -> checks, version, now, from, end)
                    .verdicts();

            assertThat(latest.computations()).as("the kept timeline computes nothing").isEqualTo(computations);
            assertThat(latest.daysJudged()).as("the kept timeline judges no day").isEqualTo(judged);
            List<Verdict> full = TestChecks.sample(engine).replay(from, end);
            assertThat(timeline).as("timeline ending " + end).hasSize(TIMELINE_DAYS).isEqualTo(full);
            for (Verdict v : full) {
                regimes.add(v.regime());
                held += v.drivers().contains(Checks.HELD_DRIVER) ? 1 : 0;
            }
            days++;
        }
        assertThat(latest.keptReplays()).as("every day's timeline from the kept walk").isEqualTo(days);
        assertThat(latest.fullReplays()).isZero();
        // the timelines are worth comparing: several regimes, held days
        assertThat(regimes).hasSizeGreaterThanOrEqualTo(3);
        assertThat(held).isPositive();
        assertThat(latest.fullWalks()).as("only the first day walks from the anchor").isEqualTo(1);
    }

    @Test
    void the_kept_days_are_the_last_four_hundred_after_a_full_walk_and_after_extending_it() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        LocalDate day = LocalDate.parse("2020-03-20");
        Checks.Walk walk = checks.latest(checks.decision(day), null);
        Checks.Walk next = checks.latest(checks.decision(day.plusDays(3)), walk);

        assertThat(walk.full()).isTrue();
        assertThat(next.full()).isFalse();
        for (Checks.Walk w : List.of(walk, next)) {
            assertThat(w.recent()).hasSize(Checks.KEPT_DAYS);
            LocalDate first = w.firstKept();
            assertThat(first).isEqualTo(w.last().minusDays(Checks.KEPT_DAYS - 1L));
            assertThat(w.recent()).isEqualTo(checks.replay(first, w.last()));
            assertThat(w.verdict()).isSameAs(w.recent().getLast());
        }
        // the first kept day is the earliest a timeline can start from
        assertThat(checks.kept(next, next.firstKept(), next.last())).hasSize(Checks.KEPT_DAYS);
        assertThat(checks.kept(next, next.firstKept().minusDays(1), next.last())).isNull();
        assertThat(checks.kept(next, next.firstKept(), next.last().minusDays(1))).as("to is not the last day")
                .isNull();
    }

    @Test
    void a_from_before_the_kept_days_or_another_to_replays_in_full_and_agrees() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        LatestVerdict latest = new LatestVerdict();
        long now = checks.decision(LocalDate.parse("2020-04-20"));
        LocalDate end = latest.latest(key(checks.rules()), () -> checks, "v1", now).verdict().day();
        long judged = latest.daysJudged();

        LocalDate before = end.minusDays(Checks.KEPT_DAYS);
        List<Verdict> longer = latest.replay(key(checks.rules()), () -> checks, "v1", now, before, end).verdicts();
        LocalDate earlier = end.minusDays(1);
        List<Verdict> shifted = latest.replay(key(checks.rules()), () -> checks, "v1", now,
                earlier.minusDays(TIMELINE_DAYS - 1L), earlier).verdicts();

        assertThat(latest.fullReplays()).isEqualTo(2);
        assertThat(latest.keptReplays()).isZero();
        assertThat(longer).hasSize(Checks.KEPT_DAYS + 1).isEqualTo(checks.replay(before, end));
        assertThat(shifted).isEqualTo(checks.replay(earlier.minusDays(TIMELINE_DAYS - 1L), earlier));
        assertThat(latest.daysJudged()).as("a full replay leaves the kept walk as it is").isEqualTo(judged);
        latest.replay(key(checks.rules()), () -> checks, "v1", now, end.minusDays(TIMELINE_DAYS - 1L), end);
        assertThat(latest.keptReplays()).as("the kept walk still serves the timeline").isEqualTo(1);
    }

    @Test
    void a_backfilled_past_bar_replays_in_full_and_agrees_then_the_new_walk_serves_the_timeline()
            throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        LatestVerdict latest = new LatestVerdict();
        long now = checks.decision(LocalDate.parse("2020-03-31"));
        LocalDate end = latest.latest(key(checks.rules()), () -> checks, "v1", now).verdict().day();
        LocalDate from = end.minusDays(TIMELINE_DAYS - 1L);
        List<Verdict> before = latest.replay(key(checks.rules()), () -> checks, "v1", now, from, end).verdicts();

        // bitcoin's close of 2020-03-02 revised to half, inside the timeline: announced
        long revised = LocalDate.parse("2020-03-02").toEpochDay() * Availability.DAY;
        SeriesData btc = raw(engine, "btc");
        long[] times = btc.copyTimes();
        double[] values = btc.copyColumn(btc.primary());
        int i = java.util.Arrays.binarySearch(times, revised);
        values[i] = values[i] / 2;
        engine.put("btc", times, values);
        latest.appended(revised);

        List<Verdict> full = TestChecks.sample(engine).replay(from, end);
        assertThat(full).as("the revision changes the timeline").isNotEqualTo(before);
        assertThat(latest.replay(key(checks.rules()), () -> checks, "v2", now, from, end).verdicts())
                .isEqualTo(full);
        assertThat(latest.fullReplays()).isEqualTo(1);

        // the next latest verdict walks every day again, and its walk serves the timeline
        latest.latest(key(checks.rules()), () -> checks, "v2", now);
        assertThat(latest.fullWalks()).isEqualTo(2);
        assertThat(latest.replay(key(checks.rules()), () -> checks, "v2", now, from, end).verdicts())
                .isEqualTo(full);
        assertThat(latest.keptReplays()).isEqualTo(2);
    }

    @Test
    void a_changed_data_version_or_other_rules_replay_in_full_without_touching_the_kept_walk() throws Exception {
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
        LocalDate end = latest.latest(key(rules), () -> checks, "v1", now).verdict().day();
        LocalDate from = end.minusDays(TIMELINE_DAYS - 1L);

        List<Verdict> unknownVersion = latest.replay(key(rules), () -> checks, null, now, from, end).verdicts();
        List<Verdict> newVersion = latest.replay(key(rules), () -> checks, "v2", now, from, end).verdicts();
        List<Verdict> otherRules = latest.replay(key(other), () -> otherChecks, "v1", now, from,
                end).verdicts();

        assertThat(latest.fullReplays()).isEqualTo(3);
        assertThat(unknownVersion).isEqualTo(checks.replay(from, end));
        assertThat(newVersion).isEqualTo(checks.replay(from, end));
        List<Verdict> fullOther = TestChecks.sample(engine, other).replay(from, end);
        assertThat(otherRules).isEqualTo(fullOther).isNotEqualTo(unknownVersion);
        assertThat(latest.computations()).isEqualTo(1);
        latest.replay(key(rules), () -> checks, "v1", now, from, end);
        assertThat(latest.keptReplays()).as("the walk of the rules in force is still kept").isEqualTo(1);
    }

    /** A role's series as the engine holds it (an SMA of one bar is the series itself). */
    private static SeriesData raw(InMemoryEngine engine, String role) {
        return engine.evaluate(List.of(new IndicatorNode("raw", "sma", Map.of("window", 1.0), List.of(role))),
                Long.MIN_VALUE, Long.MAX_VALUE).get("raw").output();
    }
}
