package io.tideline.feed.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several files stitched into one series, into the real store on disk: the sample's FRED history
 * to 2025 and its 2021-2026 download become one 10-year yield series, in one write, the later
 * file winning where both have a day, and files that disagree are counted.
 */
class StitchedImportTest {

    private static final Path SAMPLE = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();
    private static final SeriesId DGS10 = SeriesId.parse("fred:DGS10");

    @TempDir
    Path dir;

    private Path db;
    private ChunkedSeriesStore store;

    @BeforeEach
    void open() throws Exception {
        db = dir.resolve("db");
        store = ChunkedSeriesStore.openEmbedded(db);
    }

    @AfterEach
    void close() {
        ChunkedSeriesStore.shutdownEmbedded(db);
    }

    private static long day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private Importer.Outcome stitch(SeriesId id, Path... files) throws Exception {
        return Importer.run(store, new Importer.Request(List.of(files), id, CsvSeriesReader.Options.defaults(),
                "test", "%", SeriesKind.YIELD, AssetClass.RATES, Timeframe.D1), b -> { });
    }

    @Test
    void theSamplesTenYearHistoryAndItsNewerDownloadBecomeOneSeries() throws Exception {
        Path history = SAMPLE.resolve("fred/DGS10.csv");
        Path recent = SAMPLE.resolve("fred-2021-2026/DGS10.csv");
        CsvSeriesReader.Result old = CsvSeriesReader.read(history, CsvSeriesReader.Options.defaults(), b -> { });
        CsvSeriesReader.Result fresh = CsvSeriesReader.read(recent, CsvSeriesReader.Options.defaults(), b -> { });
        long[] oldTimes = old.data().copyTimes();
        long shared = LongStream.of(fresh.data().copyTimes()).filter(t -> Arrays.binarySearch(oldTimes, t) >= 0).count();

        Importer.Outcome outcome = stitch(DGS10, history, recent);

        SeriesData all = store.read(DGS10, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.time(0)).isEqualTo(day("1980-01-02"));
        assertThat(all.time(all.size() - 1)).as("the newer file's last day").isEqualTo(day("2026-04-13"));
        assertThat(all.value(all.size() - 1)).isEqualTo(4.30);
        assertThat(all.size()).isEqualTo(old.data().size() + fresh.data().size() - shared);
        assertThat(all.value(Arrays.binarySearch(all.copyTimes(), day("2022-10-21")))).isEqualTo(4.21);
        assertThat(shared).as("the files overlap from April 2021 to December 2025").isGreaterThan(1_000);
        assertThat(outcome.overlap()).isEqualTo(new StitchedSource.Overlap(2, shared, 0));
        assertThat(outcome.summary()).contains("stitched from 2 files, the later winning where they overlap ("
                + String.format("%,d", shared) + " bars in more than one file, all equal)");
        assertThat(outcome.written().added()).isEqualTo(all.size());
        assertThat(outcome.summary()).startsWith("imported " + String.format("%,d", all.size()) + " bars of fred:DGS10 1d")
                .contains(String.format("%,d", all.size()) + " new, 0 changed, 0 unchanged");

        Importer.Outcome again = stitch(DGS10, history, recent);
        assertThat(again.summary()).startsWith("nothing new for fred:DGS10: all " + String.format("%,d", all.size())
                + " bars from 1980-01-02T00:00:00Z to 2026-04-13T00:00:00Z are stored already, unchanged");
    }

    @Test
    void whereTheFilesDisagreeTheLaterWinsAndTheDifferencesAreCounted() throws Exception {
        Path early = write("early.csv", "date,value\n2026-01-01,1.0\n2026-01-02,2.0\n2026-01-05,3.0\n2026-01-06,4.0\n");
        Path late = write("late.csv", "observation_date,X\n2026-01-05,3.5\n2026-01-06,4.0\n2026-01-07,5.0\n");
        Importer.Outcome outcome = stitch(SeriesId.parse("csv:x"), early, late);

        assertThat(outcome.overlap()).isEqualTo(new StitchedSource.Overlap(2, 2, 1));
        assertThat(outcome.summary()).contains("1 of 2 bars in more than one file differ (the later file's values kept)");
        SeriesData x = store.read(SeriesId.parse("csv:x"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(x.copyTimes()).containsExactly(day("2026-01-01"), day("2026-01-02"), day("2026-01-05"),
                day("2026-01-06"), day("2026-01-07"));
        assertThat(x.copyColumn(Field.VALUE)).containsExactly(1.0, 2.0, 3.5, 4.0, 5.0);
    }

    @Test
    void aThirdFileIsComparedWithBothBeforeIt() throws Exception {
        Path a = write("a.csv", "date,value\n2026-01-01,1\n2026-01-02,2\n");
        Path b = write("b.csv", "date,value\n2026-01-03,3\n2026-01-04,4\n");
        Path c = write("c.csv", "date,value\n2026-01-02,2\n2026-01-03,30\n2026-01-05,5\n");
        Importer.Outcome outcome = stitch(SeriesId.parse("csv:abc"), a, b, c);
        assertThat(outcome.overlap()).isEqualTo(new StitchedSource.Overlap(3, 2, 1));
        assertThat(store.read(SeriesId.parse("csv:abc"), Long.MIN_VALUE, Long.MAX_VALUE).copyColumn(Field.VALUE))
                .containsExactly(1.0, 2.0, 30.0, 4.0, 5.0);
    }

    @Test
    void aBadRowInTheLaterFileStoresNothingOfEither() throws Exception {
        Path early = write("early.csv", "date,value\n2026-01-01,1.0\n2026-01-02,2.0\n");
        Path late = write("late.csv", "date,value\n2026-01-05,3.5\n2026-01-06,x\n");
        assertThatThrownBy(() -> stitch(SeriesId.parse("csv:bad"), early, late)).isInstanceOf(CsvFormatException.class)
                .hasMessage(late + ":3: column 'value': 'x' is not a number");
        assertThat(store.info(SeriesId.parse("csv:bad"))).as("one write: nothing stored").isEmpty();
    }

    @Test
    void filesWithDifferentColumnsAreRefusedNamingBoth() throws Exception {
        Path values = write("values.csv", "date,value\n2026-01-01,1.0\n");
        Path prices = write("prices.csv", "date,open,high,low,close\n2026-01-02,1,2,0.5,1.5\n");
        assertThatThrownBy(() -> stitch(SeriesId.parse("csv:mixed"), values, prices))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage(prices + ": has the columns [OPEN, HIGH, LOW, CLOSE] but values.csv before it has [VALUE];"
                        + " the files of one series must have the same columns");
        assertThat(store.info(SeriesId.parse("csv:mixed"))).isEmpty();
    }

    @Test
    void oneFileReportsNoStitching() throws Exception {
        Importer.Outcome outcome = stitch(SeriesId.parse("csv:one"), write("one.csv", "date,value\n2026-01-01,1.0\n"));
        assertThat(outcome.overlap()).isEqualTo(new StitchedSource.Overlap(1, 0, 0));
        assertThat(outcome.summary()).doesNotContain("stitched");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
