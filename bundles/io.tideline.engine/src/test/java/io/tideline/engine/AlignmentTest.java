package io.tideline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlignmentTest {

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
}
