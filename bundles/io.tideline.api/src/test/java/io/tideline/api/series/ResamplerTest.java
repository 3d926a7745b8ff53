package io.tideline.api.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final long H = 3_600_000L;
    /** The sample data the distribution ships. */
    private static final Path SAMPLE = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();

    private static long day(String iso) {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static LocalDate date(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void aggregatesHoursIntoUtcAlignedFourHourBars() {
        long day = 1_700_006_400_000L - 1_700_006_400_000L % (24 * H);
        long[] t = {day, day + H, day + 2 * H, day + 3 * H, day + 4 * H, day + 5 * H};
        SeriesData hourly = SeriesData.of(t, Map.of(
                Field.OPEN, new double[] {10, 11, 12, 13, 20, 21},
                Field.HIGH, new double[] {12, 15, 13, 14, 22, 23},
                Field.LOW, new double[] {9, 10, 8, 12, 19, 20},
                Field.CLOSE, new double[] {11, 12, 13, 14, 21, 22},
                Field.VOLUME, new double[] {1, 2, 3, 4, 5, 6}));
        SeriesData four = Resampler.resample(hourly, Timeframe.H4);
        assertThat(four.copyTimes()).containsExactly(day, day + 4 * H);
        assertThat(four.copyColumn(Field.OPEN)).containsExactly(10, 20);
        assertThat(four.copyColumn(Field.HIGH)).containsExactly(15, 23);
        assertThat(four.copyColumn(Field.LOW)).containsExactly(8, 19);
        assertThat(four.copyColumn(Field.CLOSE)).containsExactly(14, 22);
        assertThat(four.copyColumn(Field.VOLUME)).containsExactly(10, 11);
        assertThat(Resampler.inferTimeframe(hourly)).isEqualTo(Timeframe.H1);
        assertThat(Resampler.inferTimeframe(four)).isEqualTo(Timeframe.H4);
    }

    @Test
    void aWeekRunsFromMondayToSundayAcrossThursday() {
        // 2024-01-01 is a Monday. Epoch multiples of seven days would cut at Thursday 01-04 and
        // 01-11, putting Tue+Wed, Thu..Wed and Thu into three "weeks".
        long[] t = {day("2024-01-02"), day("2024-01-03"), day("2024-01-04"), day("2024-01-05"),
            day("2024-01-08"), day("2024-01-10"), day("2024-01-11")};
        SeriesData daily = SeriesData.of(t, Map.of(
                Field.OPEN, new double[] {100, 101, 102, 103, 104, 105, 106},
                Field.HIGH, new double[] {110, 111, 130, 113, 114, 125, 116},
                Field.LOW, new double[] {90, 80, 92, 93, 94, 95, 70},
                Field.CLOSE, new double[] {101, 102, 103, 104, 105, 106, 107},
                Field.VOLUME, new double[] {1, 2, 3, 4, 5, 6, 7}));
        SeriesData weekly = Resampler.resample(daily, Timeframe.W1);
        assertThat(weekly.copyTimes()).containsExactly(day("2024-01-01"), day("2024-01-08"));
        assertThat(weekly.copyColumn(Field.OPEN)).containsExactly(100, 104);
        assertThat(weekly.copyColumn(Field.HIGH)).containsExactly(130, 125);
        assertThat(weekly.copyColumn(Field.LOW)).containsExactly(80, 70);
        assertThat(weekly.copyColumn(Field.CLOSE)).containsExactly(104, 107);
        assertThat(weekly.copyColumn(Field.VOLUME)).containsExactly(10, 18);

        // The edges: the last millisecond of Sunday is last week's, Monday midnight the new one's.
        assertThat(Resampler.bucketStart(day("2024-01-08") - 1, Timeframe.W1)).isEqualTo(day("2024-01-01"));
        assertThat(Resampler.bucketStart(day("2024-01-08"), Timeframe.W1)).isEqualTo(day("2024-01-08"));
        // Before the epoch too (1969-12-29 was a Monday; 1970-01-01 a Thursday).
        assertThat(Resampler.bucketStart(day("1970-01-01"), Timeframe.W1)).isEqualTo(day("1969-12-29"));
        assertThat(Resampler.bucketStart(day("1969-12-28") + 5 * H, Timeframe.W1)).isEqualTo(day("1969-12-22"));
    }

    @Test
    void singleValueSeriesKeepTheLastValueAndNoEmptyWeekIsInvented() {
        // Fri 2020-03-13, then nothing for a week, then Mon 03-23 and Tue 03-24.
        long[] t = {day("2020-03-13"), day("2020-03-23"), day("2020-03-24")};
        SeriesData weekly = Resampler.resample(SeriesData.ofValues(t, new double[] {1.5, 2.5, 3.5}), Timeframe.W1);
        assertThat(weekly.copyTimes()).containsExactly(day("2020-03-09"), day("2020-03-23"));
        assertThat(weekly.copyColumn(Field.VALUE)).containsExactly(1.5, 3.5);
        assertThat(Resampler.resample(SeriesData.empty(), Timeframe.W1).isEmpty()).isTrue();
    }

    /**
     * Weekly candles of the Nasdaq-100 ETF in the shipped sample (12 years of trading days,
     * holiday-short weeks included) against the weeks grouped plainly with java.time.
     */
    @Test
    void weeklyCandlesOfTheSampleMatchIsoWeeksGroupedWithJavaTime() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE.resolve("yahoo/QQQ.csv"));
        assertThat(lines.get(0)).isEqualTo("Date,Close,High,Low,Open,Volume");
        int n = lines.size() - 1;
        long[] t = new long[n];
        double[] close = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] open = new double[n];
        double[] volume = new double[n];
        // The independent reference: per Monday (TemporalAdjusters), {open, high, low, close, volume}.
        Map<LocalDate, double[]> weeks = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            LocalDate d = LocalDate.parse(f[0]);
            t[i] = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            close[i] = Double.parseDouble(f[1]);
            high[i] = Double.parseDouble(f[2]);
            low[i] = Double.parseDouble(f[3]);
            open[i] = Double.parseDouble(f[4]);
            volume[i] = Double.parseDouble(f[5]);
            LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            double[] w = weeks.get(monday);
            if (w == null) {
                weeks.put(monday, new double[] {open[i], high[i], low[i], close[i], volume[i]});
            } else {
                w[1] = Math.max(w[1], high[i]);
                w[2] = Math.min(w[2], low[i]);
                w[3] = close[i];
                w[4] += volume[i];
            }
        }
        SeriesData daily = SeriesData.of(t, Map.of(Field.OPEN, open, Field.HIGH, high, Field.LOW, low,
                Field.CLOSE, close, Field.VOLUME, volume));

        SeriesData weekly = Resampler.resample(daily, Timeframe.W1);

        List<LocalDate> mondays = new ArrayList<>(weeks.keySet());
        assertThat(weekly.size()).isEqualTo(mondays.size()).isGreaterThan(600);
        for (int k = 0; k < weekly.size(); k++) {
            LocalDate start = date(weekly.time(k));
            assertThat(start.getDayOfWeek()).as("week %d starts %s", k, start).isEqualTo(DayOfWeek.MONDAY);
            assertThat(start).isEqualTo(mondays.get(k));
            double[] w = weeks.get(start);
            assertThat(weekly.get(Field.OPEN, k)).as("open of week %s", start).isEqualTo(w[0]);
            assertThat(weekly.get(Field.HIGH, k)).as("high of week %s", start).isEqualTo(w[1]);
            assertThat(weekly.get(Field.LOW, k)).as("low of week %s", start).isEqualTo(w[2]);
            assertThat(weekly.get(Field.CLOSE, k)).as("close of week %s", start).isEqualTo(w[3]);
            assertThat(weekly.get(Field.VOLUME, k)).as("volume of week %s", start).isEqualTo(w[4]);
        }
        // One week by hand: Mon 2026-01-05 .. Fri 01-09 (open of Monday, close of Friday).
        int jan5 = mondays.indexOf(LocalDate.parse("2026-01-05"));
        assertThat(jan5).isNotNegative();
        int mon = indexOf(t, day("2026-01-05"));
        int fri = indexOf(t, day("2026-01-09"));
        assertThat(fri - mon).isEqualTo(4);
        assertThat(weekly.get(Field.OPEN, jan5)).isEqualTo(open[mon]);
        assertThat(weekly.get(Field.CLOSE, jan5)).isEqualTo(close[fri]);
    }

    private static int indexOf(long[] times, long t) {
        for (int i = 0; i < times.length; i++) {
            if (times[i] == t) {
                return i;
            }
        }
        return -1;
    }
}
