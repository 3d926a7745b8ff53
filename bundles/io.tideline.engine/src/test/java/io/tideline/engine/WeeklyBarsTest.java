package io.tideline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Field;
import io.tideline.api.series.Resampler;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's weekly bars ({@code indicator compute ... --timeframe 1w}) are the chart's weekly
 * candles: the same ISO weeks, stamped Monday 00:00 UTC, closing on the week's last trading day.
 */
class WeeklyBarsTest {

    private static final Path SAMPLE = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void weeklyBarsOfTheSampleAreTheChartsCandlesAndIsoWeeks() throws Exception {
        // Date,Close,High,Low,Open,Volume: the Nasdaq-100 ETF, trading days only.
        List<String> lines = Files.readAllLines(SAMPLE.resolve("yahoo/QQQ.csv"));
        int n = lines.size() - 1;
        long[] t = new long[n];
        double[][] cols = new double[5][n];
        // The independent reference: the close of the last trading day of each Monday-started week.
        TreeMap<LocalDate, Double> weekClose = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            LocalDate d = LocalDate.parse(f[0]);
            t[i] = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            for (int c = 0; c < 5; c++) {
                cols[c][i] = Double.parseDouble(f[c + 1]);
            }
            weekClose.put(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), cols[0][i]);
        }
        SeriesData daily = SeriesData.of(t, Map.of(Field.CLOSE, cols[0], Field.HIGH, cols[1], Field.LOW, cols[2],
                Field.OPEN, cols[3], Field.VOLUME, cols[4]));
        Path db = dir.resolve("db");
        ChunkedSeriesStore store = ChunkedSeriesStore.openEmbedded(db);
        try {
            SeriesId qqq = SeriesId.parse("yahoo:QQQ");
            store.upsert(new SeriesDescriptor(qqq, "Nasdaq-100 ETF (QQQ)", "USD", SeriesKind.PRICE, AssetClass.EQUITY,
                    Timeframe.D1), daily);
            SeriesData stored = store.read(qqq, Long.MIN_VALUE, Long.MAX_VALUE);

            Aligned engine = EngineComponent.primary(stored, Timeframe.W1);
            SeriesData candles = Resampler.resample(stored, Timeframe.W1); // what ChartView draws at 1w

            assertThat(engine.size()).isEqualTo(weekClose.size()).isEqualTo(candles.size()).isGreaterThan(600);
            int k = 0;
            for (Map.Entry<LocalDate, Double> week : weekClose.entrySet()) {
                long start = week.getKey().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                assertThat(Instant.ofEpochMilli(engine.times()[k]).atZone(ZoneOffset.UTC).getDayOfWeek())
                        .isEqualTo(DayOfWeek.MONDAY);
                assertThat(engine.times()[k]).as("week %s", week.getKey()).isEqualTo(start).isEqualTo(candles.time(k));
                assertThat(engine.columns()[0][k]).as("close of week %s", week.getKey()).isEqualTo(week.getValue())
                        .isEqualTo(candles.get(Field.CLOSE, k));
                k++;
            }
            // By hand, the week across the year-end: Mon 2025-12-29 .. Wed 12-31, Thu 01-01 a
            // holiday, Fri 01-02; one bar stamped Monday 12-29, opening on Monday, closing on
            // Friday (weeks cut at Thursdays would have split it at 01-01).
            int week = indexOf(engine.times(), LocalDate.parse("2025-12-29"));
            assertThat(week).isNotNegative();
            int fri = indexOf(t, LocalDate.parse("2026-01-02"));
            int mon = indexOf(t, LocalDate.parse("2025-12-29"));
            assertThat(engine.columns()[0][week]).isEqualTo(cols[0][fri]);
            assertThat(candles.get(Field.OPEN, week)).isEqualTo(cols[3][mon]);
            assertThat(engine.times()[week + 1]).isEqualTo(LocalDate.parse("2026-01-05").atStartOfDay(ZoneOffset.UTC)
                    .toInstant().toEpochMilli());
        } finally {
            ChunkedSeriesStore.shutdownEmbedded(db);
        }
    }

    private static int indexOf(long[] times, LocalDate day) {
        long t = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (int i = 0; i < times.length; i++) {
            if (times[i] == t) {
                return i;
            }
        }
        return -1;
    }
}
