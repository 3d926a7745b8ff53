package io.tideline.regime;

import io.tideline.support.series.Availability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tideline.regime.api.Action;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code check score} on a replay of ten constructed days, 2024-01-01 (Monday) .. 2024-01-10,
 * whose every figure is worked out by hand in the comments.
 */
class ScoreTest {

    private static final LocalDate FROM = LocalDate.parse("2024-01-01");
    private static final double A = 0.02;
    /** The index alternates 100 and 100·e^0.02: every up day +U, every down day D. */
    private static final double U = Math.exp(A) - 1; // 0.0202013
    private static final double D = Math.exp(-A) - 1; // -0.0198013

    private static Verdict v(String day, Regime regime, boolean riskOff, Action action, Double exposure) {
        return new Verdict(day, regime, riskOff, riskOff ? 4 : 1, action, exposure, List.of(), List.of(), List.of());
    }

    /** d0..d9; d3 is held by the hold rule. */
    private static final List<Verdict> DAYS = List.of(
            v("2024-01-01", Regime.NORMAL, false, Action.NONE, 1.0),
            v("2024-01-02", Regime.TREND_BREAK, true, Action.REDUCE, 0.5),
            v("2024-01-03", Regime.VOLATILITY_EVENT, true, Action.HEDGE, 0.25),
            v("2024-01-04", Regime.VOLATILITY_EVENT, true, Action.HEDGE, 0.25),
            v("2024-01-05", Regime.NORMAL, false, Action.WAIT, 0.75),
            v("2024-01-06", Regime.CRYPTO_SPECIFIC, false, Action.WAIT, null),
            v("2024-01-07", Regime.CRYPTO_SPECIFIC, false, Action.WAIT, null),
            v("2024-01-08", Regime.INSUFFICIENT_DATA, false, Action.UNKNOWN, null),
            v("2024-01-09", Regime.TREND_BREAK, true, Action.REDUCE, 0.5),
            v("2024-01-10", Regime.NORMAL, false, Action.NONE, 1.0));
    private static final boolean[] HELD = {false, false, false, true, false, false, false, false, false, false};

    /**
     * Weekdays from 2023-12-01 to 2024-01-10: 21 before the replay (k = 0..20), then k = 21 on
     * 2024-01-01 .. k = 28 on 2024-01-10. Close 100 on even k, 100·e^0.02 on odd k.
     */
    private static long[] times;
    private static double[] closes;

    static {
        List<Long> t = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2023-12-01"); !d.isAfter(LocalDate.parse("2024-01-10")); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                t.add(d.toEpochDay() * Availability.DAY);
            }
        }
        times = t.stream().mapToLong(Long::longValue).toArray();
        closes = new double[times.length];
        for (int k = 0; k < closes.length; k++) {
            closes[k] = k % 2 == 0 ? 100 : 100 * Math.exp(A);
        }
    }

    private static Labels labels() throws Exception {
        return Labels.read("labels.csv", new StringReader("""
                start,end,kind
                2024-01-01,2024-01-02,calm
                2024-01-03,2024-01-05,risk-off
                2024-01-06,2024-01-07,crypto-only
                2024-01-08,2024-01-10,calm
                """));
    }

    @Test
    void every_figure_matches_the_hand_computation() throws Exception {
        assertThat(times).hasSize(29);
        Score.Report r = Score.of(FROM, DAYS, HELD, times, closes, labels());

        // risk-off 01-03..01-05: 3 trading days, riskOff on 01-03 and 01-04 -> 2/3
        assertThat(r.recall()).isCloseTo(2 / 3.0, offset(1e-12));
        // calm: 01-01 (no), 01-02 (yes), 01-08 (no), 01-09 (yes), 01-10 (no) -> 2/5
        assertThat(r.falseAlarmRate()).isCloseTo(0.4, offset(1e-12));
        // crypto-only 01-06..01-07 (calendar days): both CRYPTO_SPECIFIC, neither risk-off
        assertThat(r.cryptoOnlyFlagged()).isZero();
        assertThat(r.cryptoOnlyNamed()).isEqualTo(1.0);
        // regimes N,T,V,V,N,C,C,I,T,N: 7 changes in 10 days -> 7 / (10 / 365.25)
        assertThat(r.regimeChangesPerYear()).isCloseTo(255.675, offset(1e-9));
        // riskOff F,T,T,T,F,F,F,F,T,F: onsets on 01-02 and 01-09 -> 2 / (10 / 365.25)
        assertThat(r.riskOffOnsetsPerYear()).isCloseTo(73.05, offset(1e-9));
        // fresh risk-off days weaker than the held HEDGE of 01-04 less than 7 days away:
        // 01-02 (REDUCE, 2 days) and 01-09 (REDUCE, 5 days); 01-03 is a HEDGE itself
        assertThat(r.actionInversions()).isEqualTo(2);

        assertThat(r.episodes()).extracting(Score.Episode::start, Score.Episode::end, Score.Episode::kind,
                Score.Episode::days, Score.Episode::hits, Score.Episode::leadDays).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2024-01-01", "2024-01-02", "calm", 2, 1, null),
                        // closes 01-03 high, 01-04 low, 01-05 high: trough 01-04, first risk-off 01-03 -> 1 day
                        org.assertj.core.groups.Tuple.tuple("2024-01-03", "2024-01-05", "risk-off", 3, 2, 1),
                        org.assertj.core.groups.Tuple.tuple("2024-01-06", "2024-01-07", "crypto-only", 2, 2, null),
                        org.assertj.core.groups.Tuple.tuple("2024-01-08", "2024-01-10", "calm", 3, 2, null));

        // back-test days: 01-01 .. 01-09 (01-10 has no next day in range): 7 days.
        // index returns D,U,D,U,D,U,D; exposures 1, .5, .25, .25, .75, .75 (01-08 has none: 01-05's
        // carries over the weekend), .5
        Score.Exposure e = r.exposure();
        // buy-and-hold: mean (4D+3U)/7 = -0.00266932..., sample sd 0.02148045..., x sqrt(252)
        assertThat(e.buyHoldSharpe()).isCloseTo(-1.9728328690599852, offset(1e-9));
        // the 20 returns before any day alternate +-0.02: constant 32.6% vol, exposure 0.15/0.326
        // on every day, and a constant exposure has the Sharpe of holding the index
        assertThat(e.volTargetSharpe()).isCloseTo(e.buyHoldSharpe(), offset(1e-9));
        // checklist: D, .5U, .25D, .25U, .75D, .75U, .5D
        assertThat(e.sharpe()).isCloseTo(-3.3080987021065926, offset(1e-9));
        // equity 0.980199, 0.990100, 0.985199, 0.990174, 0.975469, 0.990248, 0.980444 never passes the
        // starting 1.0, so the deepest point is 0.975469 - 1 = -2.453%
        assertThat(e.maxDrawdown()).isCloseTo(-0.02453146657275529, offset(1e-12));
        // |.5-1| + |.25-.5| + 0 + |.75-.25| + 0 + |.5-.75| = 1.5 in 7 days -> 1.5 / (7/252) = 54 a year
        assertThat(e.turnover()).isCloseTo(54.0, offset(1e-9));

        // median risk-off spell: spells of 3 (01-02..01-04) and 1 (01-09) days -> 2
        Score.Extra x = Score.extra(FROM, DAYS, times);
        assertThat(x.medianSpellDays()).isEqualTo(2.0);
        assertThat(x.tradingDays()).isEqualTo(8);
        assertThat(x.backtestDays()).isEqualTo(7);
    }

    @Test
    void realized_vol_of_alternating_returns_is_their_size_times_the_annualising_factor() {
        // 10 returns of +0.02 and 10 of -0.02: mean 0, sample variance 20 * 0.0004 / 19
        assertThat(Score.realizedVol(closes, 25)).isCloseTo(0.02 * Math.sqrt(20 / 19.0 * 252), offset(1e-12));
        // a series that doubles its swings in the last ten returns has a larger vol
        double[] c = closes.clone();
        for (int k = 16; k < c.length; k++) {
            c[k] = k % 2 == 0 ? 100 : 100 * Math.exp(2 * A);
        }
        // the last 20 returns (k = 6..25) are now half +-0.02 and half about +-0.04: a larger vol
        assertThat(Score.realizedVol(c, 25)).isGreaterThan(Score.realizedVol(closes, 25) * 1.4);
    }

    @Test
    void a_range_shorter_than_the_labels_counts_only_the_days_inside_it() throws Exception {
        List<Verdict> firstFive = DAYS.subList(0, 5);
        Score.Report r = Score.of(FROM, firstFive, java.util.Arrays.copyOf(HELD, 5), times, closes, labels());
        assertThat(r.episodes()).extracting(Score.Episode::kind).containsExactly("calm", "risk-off");
        assertThat(r.cryptoOnlyNamed()).isNull();
        assertThat(r.falseAlarmRate()).isEqualTo(0.5);
    }
}
