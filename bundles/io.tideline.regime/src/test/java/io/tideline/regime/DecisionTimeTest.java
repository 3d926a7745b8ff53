package io.tideline.regime;

import io.tideline.support.series.Availability;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesId;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Verdict;
import io.tideline.support.testing.InMemoryEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Verdicts at their decision time on a constructed calendar: equities, the dollar and FRED's
 * yields and VIX on weekdays, bitcoin every day, each under its source's availability rule.
 */
class DecisionTimeTest {

    private static final LocalDate START = LocalDate.parse("2023-06-01");
    private static final LocalDate END = LocalDate.parse("2024-06-30");
    private static final Map<String, SeriesId> IDS = Map.of("us10y", SeriesId.parse("fred:DGS10"),
            "vix", SeriesId.parse("fred:VIXCLS"), "dollar", SeriesId.parse("yahoo:DX-Y.NYB"),
            "spx", SeriesId.parse("yahoo:SPY"), "ndx", SeriesId.parse("yahoo:QQQ"),
            "software", SeriesId.parse("yahoo:IGV"), "btc", SeriesId.parse("binance:BTCUSDT"),
            "btc.oi", SeriesId.parse("cftc:133741:oi"));

    /** Epoch-ms day stamps from START to END: every day, or weekdays only. */
    private static long[] days(boolean weekdaysOnly) {
        List<Long> t = new ArrayList<>();
        for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
            if (!weekdaysOnly || d.getDayOfWeek().getValue() <= 5) {
                t.add(d.toEpochDay() * Availability.DAY);
            }
        }
        return t.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] values(long[] times, IntToDoubleFunction f) {
        double[] v = new double[times.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble((int) (times[i] / Availability.DAY - START.toEpochDay()));
        }
        return v;
    }

    /** A calm, slowly rising level with a little wiggle, by calendar day index. */
    private static double calm(int i, double level) {
        return level * (1 + 0.0003 * i) * (1 + 0.002 * Math.sin(i));
    }

    private static InMemoryEngine world() {
        long[] weekdays = days(true);
        long[] everyDay = days(false);
        return new InMemoryEngine()
                .put("us10y", weekdays, values(weekdays, i -> 4.0 + 0.01 * Math.sin(i)))
                .put("vix", weekdays, values(weekdays, i -> 14 + Math.sin(i)))
                .put("dollar", weekdays, values(weekdays, i -> 100 + 0.2 * Math.sin(i)))
                .put("spx", weekdays, values(weekdays, i -> calm(i, 500)))
                .put("ndx", weekdays, values(weekdays, i -> calm(i, 400)))
                .put("software", weekdays, values(weekdays, i -> calm(i, 80)))
                .put("btc", everyDay, values(everyDay, i -> calm(i, 60_000)));
    }

    private static Checks checks(InMemoryEngine e) {
        Availability a = Availability.defaults();
        return new Checks(e, RulesLoader.defaults(), e::bound, role -> a.of(IDS.get(role)));
    }

    private static Evidence evidence(Verdict v, String step, String role) {
        return v.step(step).evidence().stream().filter(x -> x.role().equals(role)).findFirst().orElseThrow();
    }

    @Test
    void a_fred_value_is_not_used_on_its_own_observation_day() {
        // the 10Y jumps 30 bp on Wednesday 2024-06-12; FRED publishes it on Thursday
        LocalDate jump = LocalDate.parse("2024-06-12");
        long[] weekdays = days(true);
        InMemoryEngine e = world().put("us10y", weekdays, values(weekdays,
                i -> START.plusDays(i).isBefore(jump) ? 4.0 : 4.3));
        Checks checks = checks(e);

        Verdict wednesday = checks.asOf(jump);
        assertThat(evidence(wednesday, "macro", "us10y").observed()).isEqualTo("2024-06-11");
        assertThat(evidence(wednesday, "macro", "us10y").value()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(wednesday.drivers()).doesNotContain("rates shock");

        Verdict thursday = checks.asOf(jump.plusDays(1));
        assertThat(evidence(thursday, "macro", "us10y").observed()).isEqualTo("2024-06-12");
        assertThat(evidence(thursday, "macro", "us10y").value()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(thursday.step("macro").status()).isEqualTo(Status.AMBER);
        assertThat(thursday.drivers()).contains("rates shock");
    }

    @Test
    void a_friday_fred_value_appears_on_monday_and_the_weekend_carries_thursdays() {
        Checks checks = checks(world());
        assertThat(evidence(checks.asOf(LocalDate.parse("2024-06-08")), "macro", "us10y").observed())
                .isEqualTo("2024-06-06");
        Evidence sunday = evidence(checks.asOf(LocalDate.parse("2024-06-09")), "macro", "us10y");
        assertThat(sunday.observed()).isEqualTo("2024-06-06");
        assertThat(sunday.ageDays()).isEqualTo(3);
        assertThat(evidence(checks.asOf(LocalDate.parse("2024-06-10")), "macro", "us10y").observed())
                .isEqualTo("2024-06-07");
    }

    @Test
    void cftc_data_shows_up_on_friday() {
        // CME open interest stamped on Tuesdays. The sample binds it to btc.cme.oi, which the
        // checklist does not read; bound to btc.oi (as a user may) its evidence shows when the
        // report becomes known: the rule is the cftc source's, whatever role the series plays.
        long[] tuesdays = java.util.Arrays.stream(days(true))
                .filter(t -> LocalDate.ofEpochDay(t / Availability.DAY).getDayOfWeek() == DayOfWeek.TUESDAY).toArray();
        Checks checks = checks(world().put("btc.oi", tuesdays, values(tuesdays, i -> 10_000 + i)));
        // Tuesday 2024-06-11's report: not on Thursday, on Friday
        assertThat(evidence(checks.asOf(LocalDate.parse("2024-06-13")), "crypto", "btc.oi").observed())
                .isEqualTo("2024-06-04");
        assertThat(evidence(checks.asOf(LocalDate.parse("2024-06-14")), "crypto", "btc.oi").observed())
                .isEqualTo("2024-06-11");
    }

    @Test
    void every_calendar_day_has_a_verdict_and_crypto_moves_on_at_the_weekend() {
        // BTC falls 12% over the weekend of 2024-06-08/09 while equities are closed
        long[] everyDay = days(false);
        LocalDate saturday = LocalDate.parse("2024-06-08");
        InMemoryEngine e = world().put("btc", everyDay, values(everyDay, i -> {
            LocalDate d = START.plusDays(i);
            return calm(i, 60_000) * (d.isBefore(saturday) ? 1 : d.isAfter(saturday) ? 0.88 : 0.94);
        }));
        List<Verdict> week = checks(e).replay(LocalDate.parse("2024-06-03"), LocalDate.parse("2024-06-10"));
        assertThat(week).extracting(Verdict::asOf).containsExactly("2024-06-03", "2024-06-04", "2024-06-05",
                "2024-06-06", "2024-06-07", "2024-06-08", "2024-06-09", "2024-06-10");
        Verdict sat = week.get(5);
        Verdict sun = week.get(6);
        Verdict mon = week.get(7);
        // the daily bar of a day is known at its close, midnight UTC: Saturday sees Friday's, Sunday Saturday's
        assertThat(evidence(sat, "crypto", "btc").observed()).isEqualTo("2024-06-07");
        assertThat(evidence(sun, "crypto", "btc").observed()).isEqualTo("2024-06-08");
        assertThat(evidence(sun, "crypto", "btc").value()).isLessThan(-4.0);
        assertThat(evidence(mon, "crypto", "btc").value()).isLessThan(evidence(sun, "crypto", "btc").value());
        // equities carry Friday's close, with its age
        Evidence spx = evidence(sun, "correlation", "spx");
        assertThat(spx.observed()).isEqualTo("2024-06-07");
        assertThat(spx.ageDays()).isEqualTo(2);
        assertThat(sun.regime()).isNotEqualTo(Regime.INSUFFICIENT_DATA);
        assertThat(sun.decisionTime()).isEqualTo("2024-06-09T21:00Z");
    }

    @Test
    void the_decision_time_comes_from_the_rules() throws Exception {
        String json = new String(RulesLoader.class.getClassLoader().getResourceAsStream(RulesLoader.DEFAULTS)
                .readAllBytes(), StandardCharsets.UTF_8).replace("\"21:00\"", "\"23:30\"");
        Rules late = RulesLoader.READER.read("rules.json", new java.io.ByteArrayInputStream(json.getBytes(
                StandardCharsets.UTF_8)));
        InMemoryEngine e = world();
        Availability a = Availability.defaults();
        Verdict v = new Checks(e, late, e::bound, role -> a.of(IDS.get(role))).asOf(LocalDate.parse("2024-06-12"));
        assertThat(v.decisionTime()).isEqualTo("2024-06-12T23:30Z");
        // the dollar index settles at 22:00 UTC: a decision at 23:30 sees the same day's value
        assertThat(evidence(v, "macro", "dollar").observed()).isEqualTo("2024-06-12");
        assertThat(evidence(checks(e).asOf(LocalDate.parse("2024-06-12")), "macro", "dollar").observed())
                .isEqualTo("2024-06-11");
    }

    @Test
    void a_step_without_its_inputs_is_unknown_never_green() {
        Checks checks = checks(world().without("us10y"));
        Verdict v = checks.asOf(LocalDate.parse("2024-06-12"));
        assertThat(v.step("macro").status()).isEqualTo(Status.UNKNOWN);
        assertThat(v.step("macro").summary()).isEqualTo("cannot judge: us10y unbound");
        assertThat(v.coverage()).isEqualTo(0.75);
        assertThat(v.regime()).isNotEqualTo(Regime.INSUFFICIENT_DATA);
    }

    @Test
    void an_adverse_reading_stands_even_when_the_other_input_is_missing() {
        long[] weekdays = days(true);
        LocalDate jump = LocalDate.parse("2024-06-10");
        InMemoryEngine e = world().without("dollar").put("us10y", weekdays, values(weekdays,
                i -> START.plusDays(i).isBefore(jump) ? 4.0 : 4.3));
        Verdict v = checks(e).asOf(LocalDate.parse("2024-06-12"));
        assertThat(v.step("macro").status()).isEqualTo(Status.AMBER);
        assertThat(v.step("macro").summary()).contains("dollar unbound");
    }

    @Test
    void stale_inputs_are_unknown_with_the_day_of_their_last_value() {
        // the FRED and dollar feeds stopped on 2024-06-03
        long[] weekdays = days(true);
        long[] cut = java.util.Arrays.stream(weekdays).filter(t -> t <= LocalDate.parse("2024-06-03").toEpochDay()
                * Availability.DAY).toArray();
        InMemoryEngine e = world().put("us10y", cut, values(cut, i -> 4.0)).put("dollar", cut, values(cut, i -> 100));
        Verdict v = checks(e).asOf(LocalDate.parse("2024-06-14"));
        assertThat(v.step("macro").status()).isEqualTo(Status.UNKNOWN);
        assertThat(v.step("macro").summary()).isEqualTo("cannot judge: us10y stale since 2024-06-03 (limit 7 days);"
                + " dollar stale since 2024-06-03 (limit 7 days)");
        assertThat(v.stale()).containsExactly("us10y", "dollar");
        assertThat(v.missing()).contains("us10y", "dollar");
        Evidence yield = evidence(v, "macro", "us10y");
        assertThat(yield.value()).isNull();
        assertThat(yield.observed()).isEqualTo("2024-06-03");
        assertThat(yield.ageDays()).isEqualTo(11);
        assertThat(yield.rule()).startsWith("stale: last value observed 2024-06-03, older than the 7-day limit");
        // a week earlier the same value was fresh enough
        assertThat(checks(e).asOf(LocalDate.parse("2024-06-08")).step("macro").status()).isEqualTo(Status.GREEN);
    }

    @Test
    void fewer_than_three_judging_steps_known_is_insufficient_data_in_json_text_and_csv() {
        // no rates, no dollar, no equity basket: macro and leadership cannot be judged
        InMemoryEngine e = world().without("us10y").without("dollar").without("software").without("ndx")
                .without("spx");
        Verdict v = checks(e).asOf(LocalDate.parse("2024-06-12"));
        assertThat(v.step("crypto").status()).isEqualTo(Status.GREEN);
        assertThat(v.regime()).isEqualTo(Regime.INSUFFICIENT_DATA);
        assertThat(v.action()).isEqualTo(Action.UNKNOWN);
        assertThat(v.riskOff()).isFalse();
        assertThat(v.exposure()).isNull();
        assertThat(v.coverage()).isEqualTo(0.25);
        assertThat(v.step("execution").status()).isEqualTo(Status.UNKNOWN);
        assertThat(v.step("execution").summary()).startsWith("UNKNOWN: only 1 of 4 judging steps known (coverage 25%)");
        assertThat(VerdictFormat.json(v)).contains("\"regime\":\"INSUFFICIENT_DATA\"", "\"action\":\"UNKNOWN\"",
                "\"coverage\":0.25");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        VerdictFormat.text(v, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(text.toString(StandardCharsets.UTF_8)).startsWith("2024-06-12  INSUFFICIENT_DATA  not risk-off")
                .contains("action UNKNOWN", "coverage 25%", "missing: us10y, dollar, ");
        assertThat(VerdictFormat.csv(v)).startsWith("2024-06-12,INSUFFICIENT_DATA,false,").contains(",UNKNOWN,")
                .endsWith(",0.25,");
    }
}
