package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.testing.InMemoryEngine;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays 2019-06..2023-12 of the sample data (the period the default rules were chosen on) and
 * checks the verdicts on known episodes against the checklist's goals: at least half the days of
 * every risk-off episode flagged, crypto-only crashes named CRYPTO_SPECIFIC on at least half their
 * days, calm stretches mostly calm, and actions that never invert.
 */
class HistoryTest {

    private static List<Verdict> days;

    @BeforeAll
    static void replay() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        long t0 = System.nanoTime();
        days = checks.replay(LocalDate.parse("2019-06-01"), LocalDate.parse("2023-12-31"));
        System.out.printf(Locale.ROOT, "replay of %d days in %d ms%n", days.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    private static double share(String from, String to, Predicate<Verdict> p) {
        List<Verdict> in = days.stream().filter(v -> v.asOf().compareTo(from) >= 0 && v.asOf().compareTo(to) <= 0)
                .toList();
        double s = in.stream().filter(p).count() / (double) in.size();
        System.out.printf(Locale.ROOT, "%s..%s: %.0f%% of %d days%n", from, to, s * 100, in.size());
        return s;
    }

    @Test
    void covid_crash_is_a_cross_asset_risk_off_of_tier_4_or_more() {
        assertThat(share("2020-02-24", "2020-03-31", v -> v.riskOff() && v.tier() >= 4)).isGreaterThan(0.5);
    }

    @Test
    void the_2022_selloffs_are_risk_off() {
        // each leg down of the tightening year, risk-off on most of its days
        assertThat(share("2022-01-03", "2022-03-08", Verdict::riskOff)).isGreaterThan(0.5);
        assertThat(share("2022-03-29", "2022-06-16", Verdict::riskOff)).isGreaterThan(0.5);
        assertThat(share("2022-08-16", "2022-10-12", Verdict::riskOff)).isGreaterThan(0.5);
    }

    @Test
    void a_held_day_never_carries_a_stronger_action_than_a_fresh_risk_off_of_its_week() {
        for (int i = 0; i < days.size(); i++) {
            Verdict h = days.get(i);
            if (!h.drivers().contains(Checks.HELD_DRIVER)) {
                continue;
            }
            for (int j = Math.max(0, i - 6); j < Math.min(days.size(), i + 7); j++) {
                Verdict f = days.get(j);
                if (f.riskOff() && !f.drivers().contains(Checks.HELD_DRIVER)) {
                    assertThat(h.action().compareTo(f.action())).as(h.asOf() + " held " + h.action() + " vs "
                            + f.asOf() + " fresh " + f.action()).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void calm_bull_stretches_are_mostly_not_risk_off() {
        assertThat(share("2019-07-01", "2019-12-31", v -> !v.riskOff())).isGreaterThan(0.75);
        assertThat(share("2021-07-01", "2021-10-31", v -> !v.riskOff())).isGreaterThan(0.75);
        assertThat(share("2023-11-01", "2023-12-31", v -> !v.riskOff())).isGreaterThan(0.75);
    }

    @Test
    void crypto_only_crashes_come_out_crypto_specific() {
        assertThat(share("2021-05-12", "2021-06-30", v -> v.regime() == Regime.CRYPTO_SPECIFIC)).isGreaterThan(0.5);
        assertThat(share("2022-11-07", "2022-11-30", v -> v.regime() == Regime.CRYPTO_SPECIFIC)).isGreaterThan(0.5);
    }

    @Test
    void every_verdict_of_the_replay_is_consistent() {
        assertThat(days).hasSizeGreaterThan(1000);
        for (Verdict v : days) {
            String day = v.asOf();
            assertThat(v.steps()).as(day).extracting(s -> s.id())
                    .containsExactly("macro", "leadership", "crypto", "correlation", "execution");
            if (v.riskOff()) {
                assertThat(v.regime()).as(day).isIn(Regime.LIQUIDITY_SHOCK, Regime.VOLATILITY_EVENT, Regime.TREND_BREAK);
            }
            if (v.regime() == Regime.CRYPTO_SPECIFIC || v.regime() == Regime.RISK_ON) {
                assertThat(v.riskOff()).as(day).isFalse();
            }
            if (v.action() == io.tideline.regime.api.Action.HEDGE) {
                assertThat(v.riskOff()).as(day + ": HEDGE only in a risk-off").isTrue();
            }
            if (v.exposure() != null) {
                assertThat(v.exposure()).as(day).isBetween(0.0, 1.0);
            }
        }
    }

}
