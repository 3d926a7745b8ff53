package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.regime.api.Evidence;
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
        return new Checks(e, RulesLoader.defaults(), e::bound, rules);
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
}
