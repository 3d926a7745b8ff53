package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.regime.api.Action;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.support.testing.InMemoryEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The day-to-day hysteresis of the checklist ({@link Checks.Sequence}) on judged verdicts built
 * by hand: a risk-off shows at once and holds until the market normalises (never with a stronger
 * action than a fresh one), other labels show once confirmed, a lack of data shows at once.
 */
class HysteresisTest {

    /** The exposure the risk-off volatility target gives on every day of these runs. */
    private static final double RISK_OFF_EXPOSURE = 0.3;

    private final Rules rules = RulesLoader.defaults();
    private final Checks checks = TestChecks.sameDay(new InMemoryEngine());
    private LocalDate day = LocalDate.parse("2024-03-04");

    private Verdict judged(Regime regime, boolean riskOff, int tier) {
        Action action = Judge.action(rules, regime, riskOff, tier);
        List<Step> steps = new ArrayList<>();
        for (String id : List.of("macro", "leadership", "crypto", "correlation")) {
            steps.add(new Step(id, regime == Regime.INSUFFICIENT_DATA ? Status.UNKNOWN : Status.GREEN, id, List.of()));
        }
        steps.add(new Step("execution", Status.GREEN, "judged", List.of()));
        Verdict v = new Verdict(day.toString(), regime, riskOff, tier, action, 1.0, List.of(), List.of(), steps);
        day = day.plusDays(1);
        return v;
    }

    /** Runs the sequence over {@code days}, normalised or not, every day a trading day. */
    private List<Verdict> run(Checks.Sequence seq, boolean normalised, Verdict... days) {
        List<Verdict> out = new ArrayList<>();
        for (Verdict v : days) {
            out.add(seq.next(v, true, () -> normalised, () -> RISK_OFF_EXPOSURE));
        }
        return out;
    }

    @Test
    void a_new_label_outside_risk_off_shows_only_once_confirmed() {
        int confirm = rules.regime().confirmDays();
        Checks.Sequence seq = checks.new Sequence();
        run(seq, true, judged(Regime.NORMAL, false, 1));
        List<Verdict> blip = new ArrayList<>();
        for (int i = 0; i < confirm - 1; i++) {
            blip.add(run(seq, true, judged(Regime.RISK_ON, false, 1)).get(0));
        }
        blip.add(run(seq, true, judged(Regime.NORMAL, false, 1)).get(0));
        assertThat(blip).extracting(Verdict::regime).containsOnly(Regime.NORMAL);
        assertThat(blip.get(0).step("execution").summary()).contains("regime kept NORMAL until RISK_ON is seen");

        List<Verdict> lasting = new ArrayList<>();
        for (int i = 0; i < confirm; i++) {
            lasting.add(run(seq, true, judged(Regime.RISK_ON, false, 1)).get(0));
        }
        assertThat(lasting.get(confirm - 2).regime()).isEqualTo(Regime.NORMAL);
        assertThat(lasting.get(confirm - 1).regime()).isEqualTo(Regime.RISK_ON);
    }

    @Test
    void a_kept_crypto_label_keeps_its_action() {
        int confirm = rules.regime().confirmDays();
        Checks.Sequence seq = checks.new Sequence();
        for (int i = 0; i < confirm; i++) {
            run(seq, true, judged(Regime.CRYPTO_SPECIFIC, false, 2));
        }
        Verdict kept = run(seq, true, judged(Regime.NORMAL, false, 1)).get(0);
        assertThat(kept.regime()).isEqualTo(Regime.CRYPTO_SPECIFIC);
        assertThat(kept.action()).isEqualTo(Action.WAIT);
    }

    @Test
    void risk_off_shows_at_once_and_holds_until_the_market_normalises() {
        Checks.Sequence seq = checks.new Sequence();
        run(seq, true, judged(Regime.NORMAL, false, 1), judged(Regime.NORMAL, false, 1));
        Verdict fresh = run(seq, false, judged(Regime.VOLATILITY_EVENT, true, 4)).get(0);
        assertThat(fresh.regime()).isEqualTo(Regime.VOLATILITY_EVENT);
        assertThat(fresh.action()).isEqualTo(Action.HEDGE);
        assertThat(seq.held).isFalse();

        List<Verdict> relief = run(seq, false, judged(Regime.NORMAL, false, 2), judged(Regime.RISK_ON, false, 1));
        for (Verdict h : relief) {
            assertThat(h.riskOff()).isTrue();
            assertThat(h.regime()).isEqualTo(Regime.VOLATILITY_EVENT);
            // a held day never carries a stronger action than the fresh one
            assertThat(h.action()).isEqualTo(Action.REDUCE);
            assertThat(h.drivers()).contains(Checks.HELD_DRIVER);
            assertThat(h.step("execution").summary()).contains("held until volatility and correlation normalise");
            // a held day is a risk-off: it suggests the risk-off volatility target's exposure, not a tier cap (0.5)
            assertThat(h.exposure()).isEqualTo(RISK_OFF_EXPOSURE);
        }
        Verdict calm = run(seq, true, judged(Regime.NORMAL, false, 1)).get(0);
        assertThat(calm.exposure()).as("the judged day's plain volatility target").isEqualTo(1.0);
        assertThat(calm.riskOff()).isFalse();
        assertThat(calm.regime()).as("leaving risk-off shows at once").isEqualTo(Regime.NORMAL);
        assertThat(seq.held).isFalse();
    }

    @Test
    void the_hold_ends_after_hold_days_even_if_the_market_stays_stressed() {
        Checks.Sequence seq = checks.new Sequence();
        run(seq, false, judged(Regime.LIQUIDITY_SHOCK, true, 5));
        int holdDays = rules.regime().holdDays();
        List<Verdict> after = new ArrayList<>();
        for (int i = 0; i < holdDays + 1; i++) {
            after.add(run(seq, false, judged(Regime.NORMAL, false, 2)).get(0));
        }
        assertThat(after.subList(0, holdDays)).allMatch(Verdict::riskOff);
        assertThat(after.get(holdDays).riskOff()).isFalse();
    }

    @Test
    void a_risk_off_below_the_hedge_tier_is_not_held() {
        Checks.Sequence seq = checks.new Sequence();
        Verdict fresh = run(seq, false, judged(Regime.TREND_BREAK, true, 3)).get(0);
        assertThat(fresh.action()).isEqualTo(Action.REDUCE);
        Verdict next = run(seq, false, judged(Regime.NORMAL, false, 2)).get(0);
        assertThat(next.riskOff()).isFalse();
        assertThat(next.regime()).isEqualTo(Regime.NORMAL);
    }

    @Test
    void inside_a_risk_off_a_graver_name_shows_at_once_and_a_milder_one_once_confirmed() {
        int confirm = rules.regime().confirmDays();
        Checks.Sequence seq = checks.new Sequence();
        run(seq, false, judged(Regime.VOLATILITY_EVENT, true, 4));
        assertThat(run(seq, false, judged(Regime.LIQUIDITY_SHOCK, true, 5)).get(0).regime())
                .isEqualTo(Regime.LIQUIDITY_SHOCK);
        List<Verdict> milder = new ArrayList<>();
        for (int i = 0; i < confirm; i++) {
            milder.add(run(seq, false, judged(Regime.VOLATILITY_EVENT, true, 4)).get(0));
        }
        assertThat(milder.get(0).regime()).isEqualTo(Regime.LIQUIDITY_SHOCK);
        assertThat(milder.get(0).action()).as("the day's own action stands").isEqualTo(Action.HEDGE);
        assertThat(milder.get(confirm - 2).regime()).isEqualTo(Regime.LIQUIDITY_SHOCK);
        assertThat(milder.get(confirm - 1).regime()).isEqualTo(Regime.VOLATILITY_EVENT);
    }

    @Test
    void a_lack_of_data_shows_at_once_and_ends_the_hold() {
        Checks.Sequence seq = checks.new Sequence();
        run(seq, false, judged(Regime.VOLATILITY_EVENT, true, 4));
        Verdict blind = run(seq, false, judged(Regime.INSUFFICIENT_DATA, false, 1)).get(0);
        assertThat(blind.regime()).isEqualTo(Regime.INSUFFICIENT_DATA);
        assertThat(blind.action()).isEqualTo(Action.UNKNOWN);
        Verdict next = run(seq, false, judged(Regime.NORMAL, false, 1)).get(0);
        assertThat(next.riskOff()).as("no hold across a day without a verdict").isFalse();
    }
}
