package io.tideline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.Timeframe;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlignmentAndResampleTest {

    private static long day(String iso) {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void saturdaysBitcoinIsNeverPairedWithFridaysNasdaq() {
        // 2020-03-13 is a Friday: BTC trades all weekend, the Nasdaq resumes on Monday 03-16.
        long[] btcTimes = {day("2020-03-12"), day("2020-03-13"), day("2020-03-14"), day("2020-03-15"), day("2020-03-16")};
        double[] btc = {4800, 5600, 5300, 5400, 5000};
        long[] ndxTimes = {day("2020-03-12"), day("2020-03-13"), day("2020-03-16")};
        double[] ndx = {7700, 8100, 7100};
        Aligned a = Aligned.join(new long[][] {btcTimes, ndxTimes}, new double[][] {btc, ndx});
        assertThat(a.times()).containsExactly(day("2020-03-12"), day("2020-03-13"), day("2020-03-16"));
        assertThat(a.columns()[0]).containsExactly(4800, 5600, 5000);
        assertThat(a.columns()[1]).containsExactly(7700, 8100, 7100);
    }

    @Test
    void joiningThreeSeriesKeepsOnlyTimesAllHave() {
        Aligned a = Aligned.join(new long[][] {{1, 2, 3, 5}, {2, 3, 4, 5}, {0, 2, 5}},
                new double[][] {{10, 20, 30, 50}, {2, 3, 4, 5}, {0, 200, 500}});
        assertThat(a.times()).containsExactly(2, 5);
        assertThat(a.columns()[2]).containsExactly(200, 500);
        assertThat(Aligned.join(new long[][] {{1}, {}}, new double[][] {{1}, {}}).size()).isZero();
    }

    @Test
    void hourlyBarsResampleToUtcAlignedFourHourAndDailyBuckets() {
        long h = 3_600_000L;
        long t0 = day("2020-03-16");
        long[] times = {t0, t0 + h, t0 + 3 * h, t0 + 4 * h, t0 + 23 * h, t0 + 24 * h};
        double[] close = {1, 2, 3, 4, 5, 6};
        Aligned h4 = Resample.last(times, close, Timeframe.H4);
        assertThat(h4.times()).containsExactly(t0, t0 + 4 * h, t0 + 20 * h, t0 + 24 * h);
        assertThat(h4.columns()[0]).containsExactly(3, 4, 5, 6);
        Aligned d1 = Resample.sum(times, close, Timeframe.D1);
        assertThat(d1.times()).containsExactly(t0, t0 + 24 * h);
        assertThat(d1.columns()[0]).containsExactly(15, 6);
    }

    @Test
    void weeksStartOnMondayAndOnlyTradedBucketsExist() {
        // Fri 2020-03-13, Mon 03-16, Tue 03-17; nothing on the weekend.
        long[] times = {day("2020-03-13"), day("2020-03-16"), day("2020-03-17")};
        Aligned w = Resample.last(times, new double[] {1, 2, 3}, Timeframe.W1);
        assertThat(w.times()).containsExactly(day("2020-03-09"), day("2020-03-16"));
        assertThat(w.columns()[0]).containsExactly(1, 3);
        Aligned d = Resample.last(times, new double[] {1, 2, 3}, Timeframe.D1);
        assertThat(d.size()).as("no weekend bars are invented").isEqualTo(3);
    }
}
