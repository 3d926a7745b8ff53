package io.tideline.feed.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesInfo;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports into the real store on disk (embedded Derby): whole or nothing, in batches, in bounded memory. */
class ImportTest {

    private static final long T0 = 1_577_836_800_000L; // 2020-01-01T00:00Z
    private static final long MINUTE = 60_000L;
    private static final int ROWS = 2 * CsvSeriesReader.BATCH_ROWS + 7;

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

    private Path minutes(String name, int n, long base) throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("time,value\n");
            for (int i = 0; i < n; i++) {
                w.write(Instant.ofEpochMilli(T0 + i * MINUTE) + "," + (base + i) + "\n");
            }
        }
        return file;
    }

    private Importer.Outcome run(Path file, String series) throws Exception {
        return Importer.run(store, new Importer.Request(file, SeriesId.parse(series), CsvSeriesReader.Options.defaults(),
                null, null, null, null, null), b -> { });
    }

    @Test
    void aFileOfSeveralBatchesIsStoredWholeWithTheTimeframeOfItsBars() throws Exception {
        Importer.Outcome outcome = run(minutes("up.csv", ROWS, 0), "csv:up");
        assertThat(outcome.written().bars()).isEqualTo(ROWS);
        assertThat(outcome.written().added()).isEqualTo(ROWS);
        assertThat(outcome.summary()).startsWith("imported 100,007 bars of csv:up 1m [VALUE] from 2020-01-01T00:00:00Z")
                .contains(": 100,007 new, 0 changed, 0 unchanged");
        SeriesInfo info = store.info(SeriesId.parse("csv:up")).orElseThrow();
        assertThat(info.count()).isEqualTo(ROWS);
        assertThat(info.descriptor().timeframe()).isEqualTo(Timeframe.M1);
        SeriesData all = store.read(SeriesId.parse("csv:up"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(ROWS);
        for (int i : new int[] {0, CsvSeriesReader.BATCH_ROWS - 1, CsvSeriesReader.BATCH_ROWS, ROWS - 1}) {
            assertThat(all.time(i)).isEqualTo(T0 + i * MINUTE);
            assertThat(all.value(i)).isEqualTo(i);
        }
    }

    @Test
    void aReImportSaysWhatIsNewChangedAndUnchanged() throws Exception {
        Path file = minutes("again.csv", ROWS, 0);
        run(file, "csv:again");
        Importer.Outcome same = run(file, "csv:again");
        assertThat(same.written().unchanged()).isEqualTo(ROWS);
        assertThat(same.summary()).startsWith("nothing new for csv:again: all 100,007 bars from 2020-01-01T00:00:00Z"
                + " to " + Instant.ofEpochMilli(T0 + (ROWS - 1) * MINUTE) + " are stored already, unchanged");

        // one more row and one value corrected
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, Instant.ofEpochMilli(T0 + MINUTE) + ",42.5");
        lines.add(Instant.ofEpochMilli(T0 + ROWS * MINUTE) + ",1");
        Files.write(file, lines);
        Importer.Outcome more = run(file, "csv:again");
        assertThat(more.summary()).contains(": 1 new, 1 changed, 100,006 unchanged");
        assertThat(store.info(SeriesId.parse("csv:again")).orElseThrow().count()).isEqualTo(ROWS + 1);
    }

    @Test
    void aMalformedLastRowStoresNothingOfTheFileNewSeriesOrOld() throws Exception {
        Path bad = minutes("bad.csv", ROWS, 0);
        Files.writeString(bad, "2030-01-01T00:00:00Z,1.O\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> run(bad, "csv:bad")).isInstanceOf(CsvFormatException.class)
                .hasMessage(bad + ":" + (ROWS + 2) + ": column 'value': '1.O' is not a number");
        assertThat(store.info(SeriesId.parse("csv:bad"))).as("no series").isEmpty();

        Path good = minutes("good.csv", 10, 0);
        run(good, "csv:kept");
        Path changedThenBad = minutes("changed.csv", ROWS, 1_000);
        Files.writeString(changedThenBad, "2030-01-01T00:00:00Z,1.O\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> run(changedThenBad, "csv:kept")).isInstanceOf(CsvFormatException.class);
        SeriesData kept = store.read(SeriesId.parse("csv:kept"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(kept.size()).isEqualTo(10);
        assertThat(kept.value(9)).as("the stored bars are untouched").isEqualTo(9);
    }

    @Test
    void aFileFoundOutOfOrderAfterTheFirstBatchIsReadAgainSortedAndStoredWhole() throws Exception {
        // ascending for 60,001 rows, then descending: the disorder shows on line 60,003, after a batch went out
        Path file = dir.resolve("late.csv");
        int n = 2 * CsvSeriesReader.RUN_ROWS + 3;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time,value\n");
            for (int i = 0; i < n; i++) {
                int k = i < 60_000 ? i : n - 1 - (i - 60_000); // the rest descending
                w.write(Instant.ofEpochMilli(T0 + k * MINUTE) + "," + k + "\n");
            }
        }
        List<String> notes = new ArrayList<>();
        Importer.Outcome outcome = Importer.run(store, new Importer.Request(file, SeriesId.parse("csv:late"),
                CsvSeriesReader.Options.defaults(), null, null, null, null, null), b -> { }, notes::add);
        assertThat(notes).singleElement().asString().contains(file + ":60003: column 'time': the time")
                .contains("is out of order").contains("read again and sorted");
        assertThat(outcome.written().added()).isEqualTo(n);
        assertThat(outcome.summary()).contains("rows were not in time order and were sorted");
        SeriesData all = store.read(SeriesId.parse("csv:late"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(n);
        assertThat(all.value(n - 1)).isEqualTo(n - 1);
    }

    @Test
    void ohlcvBarsAreStoredAsPriceColumns() throws Exception {
        Path file = ForkedImport.minuteBars(dir.resolve("ohlcv.csv"), 1_000);
        Importer.Outcome outcome = run(file, "csv:ohlcv");
        assertThat(outcome.descriptor().timeframe()).isEqualTo(Timeframe.M1);
        SeriesData all = store.read(SeriesId.parse("csv:ohlcv"), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.fields()).containsExactlyInAnyOrder(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);
        assertThat(all.get(Field.CLOSE, 999)).isEqualTo(100 + 999 / 100.0);
    }

    /**
     * A million OHLCV bars need about 48 MB as columns alone, and several copies of them when read
     * whole: a 64 MB heap cannot read the file whole (the control), yet imports it streamed.
     */
    @Test
    void aFileFarLargerThanTheHeapWouldHoldWholeImportsInAForkedJvmWithSixtyFourMegabytes() throws Exception {
        int rows = 1_000_000;
        Path file = ForkedImport.minuteBars(dir.resolve("big.csv"), rows);
        ChunkedSeriesStore.shutdownEmbedded(db);
        Path forkDb = dir.resolve("fork-db");

        Fork whole = fork("-Xmx64m", "whole", file.toString());
        assertThat(whole.output()).as("the control: read whole, the file does not fit").contains("out of memory");

        Fork streamed = fork("-Xmx64m", "import", forkDb.toString(), file.toString(), "csv:big");
        System.out.println("forked import, -Xmx64m: " + streamed.output());
        assertThat(streamed.code()).as(streamed.output()).isZero();
        assertThat(streamed.output()).contains("imported 1,000,000 bars of csv:big 1m")
                .contains("1,000,000 new, 0 changed, 0 unchanged").contains("peak RSS");

        ChunkedSeriesStore reopened = ChunkedSeriesStore.openEmbedded(forkDb);
        try {
            SeriesInfo info = reopened.info(SeriesId.parse("csv:big")).orElseThrow();
            assertThat(info.count()).isEqualTo(rows);
            assertThat(info.lastTime()).isEqualTo(T0 + (rows - 1) * MINUTE);
        } finally {
            ChunkedSeriesStore.shutdownEmbedded(forkDb);
        }
    }

    /**
     * With too small a heap the import stops with the memory message, no stack trace, and the
     * store holds nothing of the file (on a machine where 24 MB suffice, it holds all of it).
     */
    @Test
    void runningOutOfMemoryIsAClearErrorAndStoresNothing() throws Exception {
        Path file = ForkedImport.minuteBars(dir.resolve("big.csv"), 1_000_000);
        ChunkedSeriesStore.shutdownEmbedded(db);
        Path forkDb = dir.resolve("small-db");
        Fork small = fork("-Xmx24m", "import", forkDb.toString(), file.toString(), "csv:big");
        assertThat(small.output()).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
        ChunkedSeriesStore reopened = ChunkedSeriesStore.openEmbedded(forkDb);
        try {
            if (small.code() != 0) {
                assertThat(small.output()).contains("refused: " + file + ": ran out of memory (Java heap limit")
                        .contains("give Tideline more memory (e.g. TIDELINE_JAVA_OPTS=-Xmx1g) or split the file");
                assertThat(reopened.info(SeriesId.parse("csv:big"))).as("nothing stored").isEmpty();
            } else {
                assertThat(reopened.info(SeriesId.parse("csv:big")).orElseThrow().count()).isEqualTo(1_000_000);
            }
        } finally {
            ChunkedSeriesStore.shutdownEmbedded(forkDb);
        }
    }

    private record Fork(int code, String output) {
    }

    private static Fork fork(String heap, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, heap, "-cp", System.getProperty("java.class.path"),
                ForkedImport.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read while it runs, so a full pipe never blocks it.
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Fork(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
