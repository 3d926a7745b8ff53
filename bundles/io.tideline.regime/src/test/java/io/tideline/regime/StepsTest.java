package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.testing.InMemoryEngine;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Verdict;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Each step on constructed daily series (every role on the same 300 days ending 2024-12-31):
 * calm, gently rising baselines, with the last days changed to trigger one rule.
 */
class StepsTest {

    private static final int N = 300;
    private static final LocalDate LAST = LocalDate.parse("2024-12-31");
    private static final long[] TIMES = new long[N];

    static {
        for (int i = 0; i < N; i++) {
            TIMES[i] = LAST.minusDays(N - 1 - i).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
    }

    /** A calm, slowly rising price with a little wiggle so volatility is not zero. */
    private static double calm(int i, double level) {
        return level * (1 + 0.0005 * i) * (1 + 0.002 * Math.sin(i));
    }

    private static double[] series(IntToDoubleFunction f) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return v;
    }

    /** The calm world: every role except liquidations and open interest. */
    private static InMemoryEngine calmWorld() {
        return new InMemoryEngine()
                .put("us10y", TIMES, series(i -> 4.0 + 0.01 * Math.sin(i)))
                .put("dollar", TIMES, series(i -> calm(i, 100) / (1 + 0.0005 * i)))
                .put("spx", TIMES, series(i -> calm(i, 500)))
                .put("ndx", TIMES, series(i -> calm(i, 400)))
                .put("software", TIMES, series(i -> calm(i, 80)))
                .put("btc", TIMES, series(i -> calm(i, 60_000)))
                .put("vix", TIMES, series(i -> 14 + Math.sin(i)));
    }

    /** The last {@code days} bars move by {@code total} (a fraction), compounding evenly. */
    private static double[] endMove(double level, int days, double total) {
        return series(i -> {
            double base = calm(i, level);
            int into = i - (N - 1 - days);
            return into <= 0 ? base : base * Math.pow(1 + total, into / (double) days);
        });
    }

    private static Verdict check(InMemoryEngine e) {
        return TestChecks.sameDay(e).asOf(LAST);
    }

    @Test
    void a_calm_world_is_green_and_risk_on() {
        Verdict v = check(calmWorld());
        assertThat(v.steps()).extracting(s -> s.status()).containsExactly(Status.GREEN, Status.GREEN, Status.GREEN,
                Status.GREEN, Status.GREEN);
        assertThat(v.regime()).isEqualTo(Regime.RISK_ON);
        assertThat(v.riskOff()).isFalse();
        assertThat(v.tier()).isEqualTo(1);
        assertThat(v.action()).isEqualTo(Action.NONE);
        assertThat(v.missing()).containsExactly("btc.funding", "btc.oi", "btc.liquidations.long");
    }

    @Test
    void yields_jumping_with_the_dollar_is_macro_red() {
        InMemoryEngine e = calmWorld()
                .put("us10y", TIMES, series(i -> i < N - 5 ? 4.0 : 4.0 + 0.05 * (i - (N - 6))))
                .put("dollar", TIMES, endMove(100, 5, 0.02));
        Verdict v = check(e);
        assertThat(v.step("macro").status()).isEqualTo(Status.RED);
        assertThat(v.step("macro").evidence().get(0).value()).isCloseTo(25.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v.drivers()).contains("rates shock", "dollar squeeze");
    }

    @Test
    void yields_jumping_alone_is_macro_amber() {
        InMemoryEngine e = calmWorld().put("us10y", TIMES, series(i -> i < N - 5 ? 4.0 : 4.2));
        Verdict v = check(e);
        assertThat(v.step("macro").status()).isEqualTo(Status.AMBER);
        assertThat(v.drivers()).containsExactly("rates shock");
    }

    @Test
    void leadership_breaking_while_the_index_holds_is_amber() {
        InMemoryEngine e = calmWorld().put("software", TIMES, endMove(80, 10, -0.10));
        Verdict v = check(e);
        assertThat(v.step("leadership").status()).isEqualTo(Status.AMBER);
        assertThat(v.step("leadership").summary()).contains("expect delayed index weakness");
        assertThat(v.drivers()).contains("AI/tech re-rating");
    }

    @Test
    void leadership_and_index_breaking_together_is_red() {
        InMemoryEngine e = calmWorld().put("software", TIMES, endMove(80, 10, -0.20))
                .put("ndx", TIMES, endMove(400, 10, -0.08));
        assertThat(check(e).step("leadership").status()).isEqualTo(Status.RED);
    }

    @Test
    void rising_liquidations_into_a_falling_price_is_crypto_red() {
        InMemoryEngine e = calmWorld().put("btc", TIMES, endMove(60_000, 5, -0.06))
                .put("btc.liquidations.long", TIMES, series(i -> i < N - 3 ? 1e6 : 8e6));
        Verdict v = check(e);
        assertThat(v.step("crypto").status()).isEqualTo(Status.RED);
        assertThat(v.step("crypto").summary()).contains("mechanical downside risk");
        assertThat(v.drivers()).contains("liquidation cascade");
    }

    @Test
    void without_derivatives_data_crypto_is_judged_on_price_and_says_what_is_missing() {
        InMemoryEngine e = calmWorld().put("btc", TIMES, endMove(60_000, 20, -0.40));
        Verdict v = check(e);
        // A steady slide: the drawdown is deep but 14-day vol is not 1.2x the 90-day vol, so amber.
        assertThat(v.step("crypto").status()).isEqualTo(Status.AMBER);
        assertThat(v.step("crypto").summary()).contains("without btc.liquidations.long, btc.funding, btc.oi");
        assertThat(v.step("crypto").evidence()).anySatisfy(ev -> {
            assertThat(ev.role()).isEqualTo("btc.liquidations.long");
            assertThat(ev.value()).isNull();
        });
        // Equities hold, so this is crypto's own crash, not a cross-asset risk-off.
        assertThat(v.regime()).isEqualTo(Regime.CRYPTO_SPECIFIC);
        assertThat(v.riskOff()).isFalse();
        assertThat(v.action()).isIn(Action.WAIT, Action.REDUCE);
    }

    @Test
    void equities_and_crypto_down_with_vol_rising_is_correlation_red_and_risk_off() {
        double[] spx = endMove(500, 10, -0.08);
        for (int i = N - 10; i < N; i++) {
            spx[i] *= 1 + (i % 2 == 0 ? 0.02 : -0.02);
        }
        InMemoryEngine e = calmWorld().put("spx", TIMES, spx).put("btc", TIMES, endMove(60_000, 14, -0.15));
        Verdict v = check(e);
        assertThat(v.step("correlation").status()).isEqualTo(Status.RED);
        assertThat(v.step("correlation").summary()).contains("don't fight it");
        assertThat(v.regime()).isEqualTo(Regime.VOLATILITY_EVENT);
        assertThat(v.riskOff()).isTrue();
        assertThat(v.action()).isIn(Action.REDUCE, Action.HEDGE);
        assertThat(v.exposure()).isNotNull().isLessThanOrEqualTo(0.75);
    }

    /** The suggested exposure's evidence of the execution step under the given target volatility. */
    private static double volTarget(Verdict v, double targetVol) {
        return v.step("execution").evidence().stream()
                .filter(ev -> ev.indicator().startsWith("vol-target-exposure") && ev.threshold() == targetVol)
                .findFirst().orElseThrow().value();
    }

    @Test
    void a_risk_off_suggests_the_risk_off_volatility_target_not_a_tier_cap() {
        double[] spx = endMove(500, 10, -0.08);
        for (int i = N - 10; i < N; i++) {
            spx[i] *= 1 + (i % 2 == 0 ? 0.02 : -0.02);
        }
        InMemoryEngine e = calmWorld().put("spx", TIMES, spx).put("btc", TIMES, endMove(60_000, 14, -0.15));
        Verdict v = check(e);
        Rules.Execution x = RulesLoader.defaults().steps().execution();
        assertThat(v.riskOff()).isTrue();
        double calmTarget = volTarget(v, x.targetVol());
        // the index swings 2% a day: above the target volatility, so neither exposure is clipped at 1
        assertThat(calmTarget).isLessThan(1.0);
        // the exposure scales with the index's own volatility (a tier cap would give 0.5, 0.25 or 0)
        assertThat(v.exposure()).isCloseTo(calmTarget * x.riskOffTargetVol() / x.targetVol(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(volTarget(v, x.riskOffTargetVol())).isEqualTo(v.exposure());
    }

    @Test
    void a_crypto_crash_at_tier_3_while_equities_hold_keeps_the_plain_volatility_target() {
        InMemoryEngine e = calmWorld().put("btc", TIMES, endMove(60_000, 5, -0.06))
                .put("btc.liquidations.long", TIMES, series(i -> i < N - 3 ? 1e6 : 8e6))
                .put("us10y", TIMES, series(i -> i < N - 5 ? 4.0 : 4.2));
        Verdict v = check(e);
        assertThat(v.tier()).isEqualTo(3);
        assertThat(v.riskOff()).isFalse();
        assertThat(v.step("crypto").status()).isEqualTo(Status.RED);
        assertThat(v.step("correlation").status()).isEqualTo(Status.GREEN);
        // the exposure is of the equity index: crypto's own stress does not cut it (tier 3 capped it at 0.5)
        assertThat(v.exposure()).isEqualTo(volTarget(v, RulesLoader.defaults().steps().execution().targetVol()))
                .isEqualTo(1.0);
    }

    /** The S&P 500 down 8% over its last 15 bars, swinging 2% a day, while crypto stays calm (Q4 2018). */
    private static double[] equitySelloff() {
        double[] spx = endMove(500, 15, -0.08);
        for (int i = N - 15; i < N; i++) {
            spx[i] *= 1 + (i % 2 == 0 ? 0.02 : -0.02);
        }
        return spx;
    }

    @Test
    void an_equity_selloff_under_volatility_stress_is_a_risk_off_while_crypto_stays_calm() {
        InMemoryEngine e = calmWorld().put("spx", TIMES, equitySelloff()).put("ndx", TIMES, endMove(400, 15, -0.08));
        Verdict v = check(e);
        // crypto has not fallen: the cross-asset test sees no joint downtrend, and says so
        assertThat(v.step("crypto").status()).isEqualTo(Status.GREEN);
        assertThat(v.step("correlation").status()).isEqualTo(Status.GREEN);
        assertThat(v.step("leadership").status()).isIn(Status.AMBER, Status.RED);
        assertThat(v.regime()).isEqualTo(Regime.VOLATILITY_EVENT);
        assertThat(v.riskOff()).isTrue();
        assertThat(v.action()).isIn(Action.REDUCE, Action.HEDGE);
        assertThat(v.drivers()).contains("equity selloff (crypto not falling with it)", "volatility deleveraging");
    }

    @Test
    void an_equity_dip_without_volatility_stress_is_not_a_risk_off() {
        // the same 8% fall, but smooth: realized volatility stays at its base and VIX calm
        InMemoryEngine e = calmWorld().put("spx", TIMES, endMove(500, 15, -0.08))
                .put("ndx", TIMES, endMove(400, 15, -0.08));
        Verdict v = check(e);
        assertThat(v.step("leadership").status()).isIn(Status.AMBER, Status.RED);
        assertThat(v.drivers()).doesNotContain("equity selloff (crypto not falling with it)");
        assertThat(v.regime()).isNotEqualTo(Regime.VOLATILITY_EVENT);
    }

    @Test
    void a_stressed_fall_of_the_broad_index_alone_is_not_one_while_the_leadership_index_holds() {
        // the S&P 500 falls under stress, but the Nasdaq (the leadership step's index) and software hold
        InMemoryEngine e = calmWorld().put("spx", TIMES, equitySelloff());
        Verdict v = check(e);
        assertThat(v.step("leadership").status()).isEqualTo(Status.GREEN);
        assertThat(v.drivers()).doesNotContain("equity selloff (crypto not falling with it)");
        assertThat(v.riskOff()).isFalse();
    }

    /**
     * The last ten bars: the S&P 500 dips a little (-0.3%, +0.18%, ...) while BTC moves six times
     * as much and falls 1% a day besides (February 2026: BTC -31% while the index held).
     */
    private static InMemoryEngine cryptoFallsWithEquitiesDipping(double equityDirection) {
        double[] spx = series(i -> calm(i, 500));
        double[] btc = series(i -> calm(i, 60_000));
        for (int i = N - 10; i < N; i++) {
            double r = equityDirection * 0.003 * (i % 2 == 0 ? -1 : 0.6);
            spx[i] = spx[i - 1] * Math.exp(r);
            btc[i] = btc[i - 1] * Math.exp(6 * r - 0.01);
        }
        return calmWorld().put("spx", TIMES, spx).put("btc", TIMES, btc);
    }

    @Test
    void crypto_falling_fast_in_step_with_dipping_equities_is_an_early_warning_of_correlation_compression() {
        Verdict v = check(cryptoFallsWithEquitiesDipping(1));
        Evidence rho = v.step("correlation").evidence().stream().filter(e -> e.indicator().startsWith("ewma-correlation"))
                .findFirst().orElseThrow();
        assertThat(rho.value()).isGreaterThanOrEqualTo(0.5);
        assertThat(v.step("correlation").evidence()).anySatisfy(e -> {
            assertThat(e.indicator()).startsWith("ewma-beta");
            assertThat(e.value()).isGreaterThan(1.0);
        });
        // the index has not fallen enough for a joint downtrend: a warning, not a risk-off
        assertThat(v.drivers()).contains("correlation compressing (early warning)");
        assertThat(v.riskOff()).isFalse();
    }

    @Test
    void crypto_falling_while_equities_rise_is_no_correlation_warning() {
        Verdict v = check(cryptoFallsWithEquitiesDipping(-1));
        assertThat(v.drivers()).doesNotContain("correlation compressing (early warning)", "correlation compression");
    }

    @Test
    void with_nothing_bound_every_step_is_unknown_and_every_role_missing() {
        Verdict v = check(new InMemoryEngine());
        assertThat(v.steps().subList(0, 4)).extracting(s -> s.status()).containsOnly(Status.UNKNOWN);
        assertThat(v.missing()).contains("us10y", "dollar", "spx", "btc", "vix");
        assertThat(v.exposure()).isNull();
        // fails closed: no data is no verdict, not a NORMAL one
        assertThat(v.regime()).isEqualTo(Regime.INSUFFICIENT_DATA);
        assertThat(v.action()).isEqualTo(Action.UNKNOWN);
        assertThat(v.coverage()).isZero();
        assertThat(v.step("macro").summary()).isEqualTo("cannot judge: us10y unbound; dollar unbound");
    }

    /**
     * Three of the compression warning's four conditions on the last bar: the index swinging 2%
     * a day (its volatility rising), yields flat (stable counts), perpetual open interest rising
     * 4% a day into a bitcoin falling 1% a day; the dollar flat (not up).
     */
    private static InMemoryEngine compressionBuilding() {
        double[] spx = series(i -> calm(i, 500));
        for (int i = N - 10; i < N; i++) {
            spx[i] *= 1 + (i % 2 == 0 ? 0.02 : -0.02);
        }
        return calmWorld().put("spx", TIMES, spx)
                .put("us10y", TIMES, series(i -> 4.0))
                .put("dollar", TIMES, series(i -> 100.0))
                .put("btc", TIMES, endMove(60_000, 10, -0.10))
                .put("btc.oi", TIMES, series(i -> i < N - 10 ? 5e9 : 5e9 * Math.pow(1.04, i - (N - 10))));
    }

    private static Rules withMinConditions(int min) throws Exception {
        String json;
        try (java.io.InputStream in = RulesLoader.class.getClassLoader().getResourceAsStream(RulesLoader.DEFAULTS)) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String changed = json.replace("\"minConditions\": 3", "\"minConditions\": " + min);
        assertThat(changed).isNotEqualTo(json);
        return RulesLoader.READER.read("checklist-rules.json",
                new java.io.ByteArrayInputStream(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void the_compression_warning_with_its_inputs_bound_is_a_driver_and_only_a_driver() throws Exception {
        InMemoryEngine e = compressionBuilding();
        Verdict v = check(e);
        Evidence warning = v.step("correlation").evidence().stream()
                .filter(x -> x.indicator().equals("compression-warning(20,5)")).findFirst().orElseThrow();
        assertThat(warning.value()).isEqualTo(3.0);
        assertThat(warning.threshold()).isEqualTo(3.0);
        assertThat(v.drivers()).contains("correlation compression warning: 3 of 4 conditions");

        // the same day under a threshold of 4: no driver, and nothing else changes
        Verdict strict = new Checks(e, withMinConditions(4), e::bound, role -> TestChecks.SAME_DAY).asOf(LAST);
        assertThat(strict.drivers()).doesNotContain("correlation compression warning: 3 of 4 conditions")
                .containsExactlyElementsOf(v.drivers().stream()
                        .filter(d -> !d.startsWith("correlation compression warning")).toList());
        assertThat(strict.regime()).isEqualTo(v.regime());
        assertThat(strict.tier()).isEqualTo(v.tier());
        assertThat(strict.action()).isEqualTo(v.action());
        assertThat(strict.riskOff()).isEqualTo(v.riskOff());
        assertThat(strict.steps()).extracting(st -> st.id() + " " + st.status() + " " + st.summary())
                .isEqualTo(v.steps().stream().map(st -> st.id() + " " + st.status() + " " + st.summary()).toList());
    }

    @Test
    void without_perpetual_open_interest_the_compression_warning_is_absent() {
        assertThat(check(compressionBuilding()).drivers()).contains("correlation compression warning: 3 of 4 conditions");
        Verdict v = check(compressionBuilding().without("btc.oi"));
        assertThat(v.drivers()).noneMatch(d -> d.startsWith("correlation compression warning"));
        assertThat(v.step("correlation").evidence()).noneMatch(x -> x.indicator().startsWith("compression-warning"));
    }
}
