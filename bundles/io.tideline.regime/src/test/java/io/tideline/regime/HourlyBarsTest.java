package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.support.series.Availability;
import io.tideline.support.testing.InMemoryEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Roles bound to hourly bars, on a constructed calendar of 300 days ending 2024-12-31: the S&amp;P
 * 500 trades seven hourly bars a weekday (14:00-20:00 UTC, the last closing at the 21:00 decision
 * time), bitcoin every hour; within the session bitcoin moves with the index at 1.5 times its
 * size. Each role under its source's availability rule. The daily steps read daily bars whatever
 * the bindings.
 */
class HourlyBarsTest {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = Availability.DAY;
    private static final int DAYS = 300;
    private static final LocalDate LAST = LocalDate.parse("2024-12-31");
    private static final LocalDate FIRST = LAST.minusDays(DAYS - 1);
    private static final int SESSION_OPEN = 14;
    private static final int SESSION_BARS = 7;

    /** The series ids the roles stand for, for their availability rules. */
    private static final Map<String, SeriesId> DAILY_IDS = Map.of("us10y", SeriesId.parse("fred:DGS10"),
            "vix", SeriesId.parse("fred:VIXCLS"), "dollar", SeriesId.parse("yahoo:DX-Y.NYB"),
            "spx", SeriesId.parse("yahoo:SPY"), "ndx", SeriesId.parse("yahoo:QQQ"),
            "software", SeriesId.parse("yahoo:IGV"), "btc", SeriesId.parse("binance:BTCUSDT"));

    /** Hourly prices of the index and bitcoin, with their daily closes (the last hourly close of each day). */
    private record Hourly(long[] spxTimes, double[] spx, long[] btcTimes, double[] btc) {

        /** The index's daily bars: one per weekday, its last session close. */
        long[] spxDays() {
            return days(spxTimes);
        }

        double[] spxDaily() {
            return lastOfDay(spxTimes, spx);
        }

        long[] btcDays() {
            return days(btcTimes);
        }

        double[] btcDaily() {
            return lastOfDay(btcTimes, btc);
        }

        private static long[] days(long[] t) {
            return java.util.Arrays.stream(t).map(x -> Math.floorDiv(x, DAY) * DAY).distinct().toArray();
        }

        private static double[] lastOfDay(long[] t, double[] v) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                if (i + 1 == t.length || Math.floorDiv(t[i + 1], DAY) != Math.floorDiv(t[i], DAY)) {
                    out.add(v[i]);
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * A calm, correlated world: within the session each hourly log return of the index is a small
     * wiggle and bitcoin's 1.5 times it plus its own; the index gaps overnight, bitcoin drifts on
     * its own outside the session. {@code shock} adds to the index's and bitcoin's log returns in
     * the bars stamped at the given hours of the last day (index first, bitcoin second).
     */
    private static Hourly world(double spxShock, double btcShock, int[] spxShockHours, int[] btcShockHours) {
        List<long[]> st = new ArrayList<>();
        List<Double> sv = new ArrayList<>();
        long[] bt = new long[DAYS * 24];
        double[] bv = new double[DAYS * 24];
        double spx = Math.log(500);
        double btc = Math.log(60_000);
        int k = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            boolean weekday = day.getDayOfWeek().getValue() <= 5;
            boolean last = day.equals(LAST);
            for (int h = 0; h < 24; h++) {
                int bar = d * 24 + h;
                long t = day.toEpochDay() * DAY + h * HOUR;
                boolean session = weekday && h >= SESSION_OPEN && h < SESSION_OPEN + SESSION_BARS;
                double r = 0.0007 * Math.sin(1.3 * k + 0.4) + 0.00003;
                if (session) {
                    double gap = h == SESSION_OPEN ? 0.004 * Math.sin(2.1 * d) : 0;
                    spx += r + gap + (last && contains(spxShockHours, h) ? spxShock : 0);
                    st.add(new long[] {t});
                    sv.add(Math.exp(spx));
                    k++;
                }
                double own = 0.0005 * Math.sin(0.7 * bar) + (session ? 1.5 * r : 0.0015 * Math.sin(0.9 * bar));
                btc += own + (last && contains(btcShockHours, h) ? btcShock : 0);
                bt[bar] = t;
                bv[bar] = Math.exp(btc);
            }
        }
        return new Hourly(st.stream().mapToLong(a -> a[0]).toArray(), sv.stream().mapToDouble(Double::doubleValue)
                .toArray(), bt, bv);
    }

    private static boolean contains(int[] hours, int h) {
        for (int x : hours) {
            if (x == h) {
                return true;
            }
        }
        return false;
    }

    private static final int[] SESSION = {14, 15, 16, 17, 18, 19, 20};

    /** The other roles, calm, on daily bars: weekdays for the markets that close, every day for none. */
    private static InMemoryEngine calmRest(Hourly w) {
        long[] weekdays = w.spxDays();
        return new InMemoryEngine()
                .put("us10y", weekdays, values(weekdays, i -> 4.0 + 0.01 * Math.sin(i)))
                .put("vix", weekdays, values(weekdays, i -> 14 + Math.sin(i)))
                .put("dollar", weekdays, values(weekdays, i -> 100 + 0.2 * Math.sin(i)))
                .put("ndx", weekdays, values(weekdays, i -> 400 * (1 + 0.0005 * i) * (1 + 0.002 * Math.sin(i))))
                .put("software", weekdays, values(weekdays, i -> 80 * (1 + 0.0005 * i) * (1 + 0.002 * Math.sin(i))));
    }

    private static double[] values(long[] times, java.util.function.IntToDoubleFunction f) {
        double[] v = new double[times.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return v;
    }

    /**
     * Checks with each role's real availability and the native bar length of what it is bound to:
     * {@code hourly} lists the roles bound at 1h ({@code binance:BTCUSDT:perp.1h}, the index's
     * hourly bars under its daily source's rule, as yahoo's are).
     */
    private static Checks checks(InMemoryEngine e, Map<String, Timeframe> timeframes) {
        Availability a = Availability.defaults();
        Function<String, Availability.Rule> rules = role -> role.equals("btc") && timeframes.get("btc") != null
                ? a.of(SeriesId.parse("binance:BTCUSDT:perp.1h")) : a.of(DAILY_IDS.get(role));
        return new Checks(e, RulesLoader.defaults(), e::bound, rules,
                role -> timeframes.getOrDefault(role, Timeframe.D1));
    }

    /** Every step's status and every evidence value, as one comparable list. */
    private static List<Object> readings(Verdict v) {
        List<Object> out = new ArrayList<>(List.of(v.regime(), v.tier(), v.action(), v.riskOff(), v.drivers()));
        for (Step s : v.steps()) {
            out.add(s.id() + " " + s.status() + " " + s.summary());
            for (Evidence ev : s.evidence()) {
                out.add(ev.role() + " " + ev.indicator() + " " + ev.value() + " " + ev.observed());
            }
        }
        return out;
    }

    @Test
    void a_role_bound_to_hourly_bars_is_read_as_daily_bars_by_the_daily_steps() {
        Hourly w = world(0, 0, new int[0], new int[0]);
        InMemoryEngine hourly = calmRest(w).put("spx", w.spxDays(), w.spxDaily()).put("btc", w.btcTimes(), w.btc());
        InMemoryEngine daily = calmRest(w).put("spx", w.spxDays(), w.spxDaily()).put("btc", w.btcDays(), w.btcDaily());
        List<Verdict> onHours = checks(hourly, Map.of("btc", Timeframe.H1)).replay(LAST.minusDays(13), LAST);
        List<Verdict> onDays = checks(daily, Map.of()).replay(LAST.minusDays(13), LAST);
        assertThat(onHours).hasSize(14);
        for (int i = 0; i < onHours.size(); i++) {
            assertThat(readings(onHours.get(i))).as(onHours.get(i).asOf()).isEqualTo(readings(onDays.get(i)));
        }
        // the crypto step's 7-day return is a week, not 7 hours: BTC's daily close over the one 7 days before
        Evidence week = onHours.get(13).step("crypto").evidence().get(0);
        double[] closes = w.btcDaily();
        int yesterday = closes.length - 2; // the last day's bar is available only at midnight (binance)
        assertThat(week.observed()).isEqualTo(LAST.minusDays(1).toString());
        assertThat(week.value()).isCloseTo((closes[yesterday] / closes[yesterday - 7] - 1) * 100,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The index and bitcoin, both at 1h, the rest daily. */
    private static InMemoryEngine onHours(Hourly w) {
        return calmRest(w).put("spx", w.spxTimes(), w.spx()).put("btc", w.btcTimes(), w.btc());
    }

    /** The same prices as daily bars. */
    private static InMemoryEngine onDays(Hourly w) {
        return calmRest(w).put("spx", w.spxDays(), w.spxDaily()).put("btc", w.btcDays(), w.btcDaily());
    }

    private static final Map<String, Timeframe> BOTH_1H = Map.of("spx", Timeframe.H1, "btc", Timeframe.H1);

    private static Evidence confirmation(Verdict v) {
        return v.step("correlation").evidence().stream().filter(e -> e.indicator().equals("intraday-confirmation"))
                .findFirst().orElseThrow();
    }

    /** The last session: the index down 1.05% and bitcoin 1.7% over seven hourly bars, in step. */
    private static Hourly jointFall() {
        return world(-0.0015, -0.0025, SESSION, SESSION);
    }

    @Test
    void both_bound_at_1h_the_correlation_step_confirms_a_joint_downtrend_the_daily_bars_do_not_show_yet() {
        Hourly w = jointFall();
        Verdict hourly = checks(onHours(w), BOTH_1H).asOf(LAST);
        Step step = hourly.step("correlation");
        assertThat(step.status()).isIn(Status.AMBER, Status.RED);
        assertThat(step.summary()).endsWith("(joint downtrend confirmed on 1h bars)");
        assertThat(confirmation(hourly).rule()).isEqualTo("confirmed on 1h bars: joint downtrend, both trending down"
                + " and moving as one");
        assertThat(step.evidence()).anySatisfy(e -> {
            assertThat(e.indicator()).isEqualTo("correlation(30,1h)");
            assertThat(e.value()).isGreaterThanOrEqualTo(0.5);
            assertThat(e.observed()).isEqualTo(LAST.toString());
        });
        assertThat(step.evidence()).filteredOn(e -> e.indicator().equals("return-sigma(7,60,1h)"))
                .extracting(Evidence::role).containsExactly("spx", "btc");
        assertThat(hourly.riskOff()).isTrue();

        // the same prices on daily bars: bitcoin's day is not over at the decision time, the index's
        // month holds, so the daily test sees no joint downtrend, and says which bars it used
        Verdict daily = checks(onDays(w), Map.of()).asOf(LAST);
        assertThat(daily.step("correlation").status()).isEqualTo(Status.GREEN);
        assertThat(confirmation(daily).rule()).isEqualTo("fell back to daily bars: btc and spx not both bound at 1h"
                + " or 4h (spx at 1d, btc at 1d)");
        assertThat(daily.riskOff()).isFalse();
    }

    @Test
    void a_calm_session_on_1h_bars_confirms_no_joint_downtrend() {
        Verdict v = checks(onHours(world(0, 0, new int[0], new int[0])), BOTH_1H).asOf(LAST);
        assertThat(v.step("correlation").status()).isEqualTo(Status.GREEN);
        assertThat(confirmation(v).rule()).isEqualTo("confirmed on 1h bars: no joint downtrend on them");
        assertThat(v.riskOff()).isFalse();
    }

    @Test
    void with_only_one_role_on_hourly_bars_the_step_falls_back_to_daily_bars_and_says_so() {
        Hourly w = jointFall();
        InMemoryEngine e = calmRest(w).put("spx", w.spxDays(), w.spxDaily()).put("btc", w.btcTimes(), w.btc());
        Verdict v = checks(e, Map.of("btc", Timeframe.H1)).asOf(LAST);
        assertThat(confirmation(v).rule()).isEqualTo("fell back to daily bars: btc and spx not both bound at 1h"
                + " or 4h (spx at 1d)");
        assertThat(v.step("correlation").evidence()).noneSatisfy(x -> assertThat(x.indicator()).contains("1h"));
        assertThat(v.step("correlation").status()).isEqualTo(Status.GREEN);
    }

    @Test
    void an_hourly_bar_closing_after_the_decision_time_is_not_used() {
        Hourly w = jointFall();
        int at21 = (DAYS - 1) * 24 + 21;
        // bitcoin jumps 8% in the bar stamped 21:00: it closes at 22:00, after the decision time
        double[] jump = w.btc().clone();
        for (int i = at21; i < jump.length; i++) {
            jump[i] *= 1.08;
        }
        InMemoryEngine late = calmRest(w).put("spx", w.spxTimes(), w.spx()).put("btc", w.btcTimes(), jump);
        long[] upTo20 = java.util.Arrays.copyOf(w.btcTimes(), at21);
        InMemoryEngine cut = calmRest(w).put("spx", w.spxTimes(), w.spx())
                .put("btc", upTo20, java.util.Arrays.copyOf(w.btc(), at21));
        Verdict withLate = checks(late, BOTH_1H).asOf(LAST);
        Verdict without = checks(cut, BOTH_1H).asOf(LAST);
        assertThat(readings(withLate)).isEqualTo(readings(without));
        assertThat(confirmation(withLate).rule()).startsWith("confirmed on 1h bars: joint downtrend");
        // the next day's decision sees the jump: bitcoin is no longer down over its last seven hours
        Verdict nextDay = checks(late, BOTH_1H).asOf(LAST.plusDays(1));
        assertThat(confirmation(nextDay).rule()).isEqualTo("confirmed on 1h bars: no joint downtrend on them");
    }

    @Test
    void with_either_role_at_4h_it_confirms_on_4h_bars() {
        Verdict v = checks(onHours(jointFall()), Map.of("spx", Timeframe.H4, "btc", Timeframe.H1)).asOf(LAST);
        assertThat(confirmation(v).rule()).startsWith("confirmed on 4h bars: ");
        assertThat(v.step("correlation").evidence()).anySatisfy(e -> {
            assertThat(e.indicator()).isEqualTo("correlation(30,4h)");
            assertThat(e.value()).isNotNull();
        });
    }

    @Test
    void stale_hourly_bars_make_it_fall_back_and_say_since_when() {
        Hourly w = jointFall();
        long cutoff = LAST.minusDays(20).toEpochDay() * DAY;
        int n = (int) java.util.Arrays.stream(w.spxTimes()).filter(t -> t < cutoff).count();
        InMemoryEngine e = calmRest(w).put("spx", java.util.Arrays.copyOf(w.spxTimes(), n),
                java.util.Arrays.copyOf(w.spx(), n)).put("btc", w.btcTimes(), w.btc());
        Verdict v = checks(e, BOTH_1H).asOf(LAST);
        assertThat(confirmation(v).rule()).isEqualTo("fell back to daily bars: spx's 1h bars stale since "
                + LAST.minusDays(21) + " (limit 7 days)");
    }
}
