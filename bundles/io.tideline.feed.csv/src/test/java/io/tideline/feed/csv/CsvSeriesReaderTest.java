package io.tideline.feed.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Timeframe;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSeriesReaderTest {

    /** The sample workspace in the repository (see product/src/dist/data/sample/SOURCES.md). */
    private static final Path DATA = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static long day(String iso) {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static double at(SeriesData d, Field f, String iso) {
        long t = day(iso);
        for (int i = 0; i < d.size(); i++) {
            if (d.time(i) == t) {
                return d.get(f, i);
            }
        }
        throw new AssertionError("no bar on " + iso);
    }

    private CsvSeriesReader.Result read(Path file) throws Exception {
        return CsvSeriesReader.read(file, CsvSeriesReader.Options.defaults(), b -> { });
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsTheRealFilesAndAgreesWithThePublishedSpotChecks() throws Exception {
        assertThat(DATA.resolve("SOURCES.md")).as("the sample workspace in the repository").exists();
        // Figures from SOURCES.md: BTC 4,800.00 (Binance close) on 2020-03-12; SPY 222.95 on
        // 2020-03-23; 10Y 0.54% on 2020-03-09 and 4.21% on 2022-10-21; VIX 82.69 on 2020-03-16.
        CsvSeriesReader.Result btc = read(DATA.resolve("binance/BTCUSDT_1d.csv"));
        assertThat(btc.data().fields()).containsExactly(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);
        assertThat(at(btc.data(), Field.CLOSE, "2020-03-12")).isEqualTo(4800.00);
        assertThat(btc.data().size()).isEqualTo(3292);
        assertThat(btc.timeframe()).isEqualTo(Timeframe.D1);

        CsvSeriesReader.Result spy = read(DATA.resolve("yahoo/SPY.csv")); // Close comes first in this file
        assertThat(at(spy.data(), Field.CLOSE, "2020-03-23")).isCloseTo(222.95, org.assertj.core.data.Offset.offset(0.005));
        assertThat(at(spy.data(), Field.OPEN, "2020-03-23")).isGreaterThan(at(spy.data(), Field.LOW, "2020-03-23"));

        CsvSeriesReader.Result dgs10 = read(DATA.resolve("fred/DGS10.csv"));
        assertThat(at(dgs10.data(), Field.VALUE, "2020-03-09")).isEqualTo(0.54);
        assertThat(at(dgs10.data(), Field.VALUE, "2022-10-21")).isEqualTo(4.21);
        assertThat(dgs10.skipped()).as("holidays have empty values").isGreaterThan(400);
        assertThat(at(read(DATA.resolve("fred/VIXCLS.csv")).data(), Field.VALUE, "2020-03-16")).isEqualTo(82.69);

        CsvSeriesReader.Result nasdaq = read(DATA.resolve("fred-2021-2026/NASDAQCOM.csv")); // observation_date,NASDAQCOM
        assertThat(nasdaq.data().time(0)).isEqualTo(day("2021-04-14"));
        assertThat(nasdaq.data().value(0)).isEqualTo(13857.84);
    }

    @Test
    void longFormatFilesAreNarrowedAndSummed() throws Exception {
        CsvSeriesReader.Result dvol = CsvSeriesReader.read(DATA.resolve("crypto/dvol-daily.csv"),
                new CsvSeriesReader.Options("dvol", Map.of("currency", "BTC"), false), b -> { });
        assertThat(dvol.data().time(0)).isEqualTo(day("2021-03-24"));
        assertThat(dvol.data().value(0)).isEqualTo(95.04);

        // newest first, three exchanges a day: summed per day and sorted
        CsvSeriesReader.Result liq = CsvSeriesReader.read(DATA.resolve("crypto/liquidations-daily.csv"),
                new CsvSeriesReader.Options("long_liquidations_usd", Map.of("symbol", "BTCUSDT"), true), b -> { });
        assertThat(liq.reordered()).isTrue();
        assertThat(liq.summed()).isGreaterThan(0);
        assertThat(at(liq.data(), Field.VALUE, "2026-08-07")).isEqualTo(3830366 + 937829 + 1260732);
    }

    @Test
    void binanceDumpsWithoutAHeaderAndPlainTimeValueFiles() throws Exception {
        Path kline = write("k.csv", "1502928000000,4261.48,4485.39,4200.74,4285.08,795.150377,1503014399999,3454770.05,3427,0,0,0\n"
                + "1503014400000,4285.08,4371.52,3938.77,4108.37,1199.888264,1503100799999,5086958.30,5233,0,0,0\n");
        CsvSeriesReader.Result k = read(kline);
        assertThat(k.data().time(1)).isEqualTo(1_503_014_400_000L);
        assertThat(k.data().get(Field.CLOSE, 1)).isEqualTo(4108.37);

        Path plain = write("p.csv", "1584316800,1.5\n1584403200,2.5\n"); // epoch seconds, no header
        assertThat(read(plain).data().time(0)).isEqualTo(day("2020-03-16"));

        Path offsets = write("o.csv", "time,value\n2020-03-16T10:00:00+02:00,1\n2020-03-16 09:00:00Z,2\n");
        SeriesData o = read(offsets).data();
        assertThat(o.time(0)).isEqualTo(day("2020-03-16") + 8 * 3_600_000L);
        assertThat(o.time(1)).isEqualTo(day("2020-03-16") + 9 * 3_600_000L);
    }

    @Test
    void aBomSemicolonsAndDecimalCommasAreHandled() throws Exception {
        Path euro = write("e.csv", "\uFEFFDatum;Wert\n2020-03-16;1,25\n2020-03-17;\"2,5\"\n");
        SeriesData d = read(euro).data();
        assertThat(d.value(0)).isEqualTo(1.25);
        assertThat(d.value(1)).isEqualTo(2.5);
    }

    @Test
    void aBadRowRejectsTheFileNamingFileLineColumnAndText() throws Exception {
        Path bad = write("bad.csv", "date,value\n2020-03-16,1.0\n2020-03-17,1.O\n2020-03-18,2\n");
        assertThatThrownBy(() -> read(bad)).isInstanceOf(CsvFormatException.class)
                .hasMessage(bad + ":3: column 'value': '1.O' is not a number");

        Path badTime = write("t.csv", "date,value\n16.03.2020,1\n");
        assertThatThrownBy(() -> read(badTime)).hasMessageStartingWith(badTime + ":2: column 'date': '16.03.2020' is not a time");

        Path noZone = write("z.csv", "time,value\n2020-03-16T10:00:00,1\n");
        assertThatThrownBy(() -> read(noZone)).hasMessageContaining("has no time zone");

        Path ragged = write("r.csv", "date,value\n2020-03-16,1,7\n");
        assertThatThrownBy(() -> read(ragged)).hasMessageContaining(":2: has 3 cells, the header has 2");
    }

    @Test
    void duplicatesEmptyFilesAndAmbiguousColumnsAreReported() throws Exception {
        Path dup = write("d.csv", "date,value\n2020-03-16,1\n2020-03-17,2\n2020-03-16,3\n");
        assertThatThrownBy(() -> read(dup)).hasMessageContaining(dup + ":4: column 'date': the time 2020-03-16T00:00:00Z"
                + " appears again (first on line 2)");

        assertThatThrownBy(() -> read(write("empty.csv", ""))).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> read(write("header.csv", "date,value\n"))).hasMessageContaining("holds no data rows");
        assertThatThrownBy(() -> read(write("only-time.csv", "date\n2020-03-16\n")))
                .hasMessageContaining("has no value column, only the time column 'date'");
        assertThatThrownBy(() -> read(write("several.csv", "date,price,volume\n2020-03-16,1,2\n")))
                .hasMessageContaining("several value columns (price, volume); choose one with --column NAME");
        assertThat(CsvSeriesReader.read(dir.resolve("several.csv"), new CsvSeriesReader.Options("price", Map.of(), false),
                b -> { }).data().value(0)).isEqualTo(1.0);
        assertThatThrownBy(() -> CsvSeriesReader.read(dir.resolve("several.csv"),
                new CsvSeriesReader.Options("close", Map.of(), false), b -> { }))
                .hasMessageContaining("no column 'close'; columns: date, price, volume");
    }

    @Test
    void progressIsReportedUpToTheFileSize() throws Exception {
        Path file = DATA.resolve("yahoo/BTC.csv");
        List<Long> seen = new java.util.ArrayList<>();
        CsvSeriesReader.read(file, CsvSeriesReader.Options.defaults(), seen::add);
        assertThat(seen).isNotEmpty().isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(Files.size(file));
    }

    // ---- streaming in bounded memory ----------------------------------------------------------

    private static final long T0 = 1_577_836_800_000L; // 2020-01-01T00:00Z
    private static final long MINUTE = 60_000L;
    private static final int BATCH = CsvSeriesReader.BATCH_ROWS;

    /** A {@code time,value} file of {@code n} rows: row {@code i} at {@code time(i)}, valued {@code i}. */
    private Path rows(String name, int n, IntToLongFunction time) throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("time,value\n");
            for (int i = 0; i < n; i++) {
                w.write(Instant.ofEpochMilli(time.applyAsLong(i)) + "," + i + "\n");
            }
        }
        return file;
    }

    private static List<SeriesData> drain(CsvSeriesReader reader) throws IOException {
        List<SeriesData> batches = new ArrayList<>();
        for (SeriesData b = reader.next(); b != null; b = reader.next()) {
            batches.add(b);
        }
        return batches;
    }

    private static Set<String> sortFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tideline-import-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void rowsInAscendingOrderAreStreamedInFileOrderInBatchesOfAtMostTheBatchSize() throws Exception {
        int n = 2 * BATCH + 7;
        Path file = rows("up.csv", n, i -> T0 + i * MINUTE);
        try (CsvSeriesReader reader = CsvSeriesReader.open(file, CsvSeriesReader.Options.defaults(), b -> { }, false)) {
            assertThat(reader.timeframe()).as("one-minute bars").isEqualTo(Timeframe.M1);
            assertThat(reader.fields()).containsExactly(Field.VALUE);
            List<SeriesData> batches = drain(reader);
            assertThat(batches).extracting(SeriesData::size).containsExactly(BATCH, BATCH, 7);
            int row = 0;
            for (SeriesData b : batches) {
                for (int i = 0; i < b.size(); i++, row++) {
                    assertThat(b.time(i)).isEqualTo(T0 + row * MINUTE);
                    assertThat(b.value(i)).isEqualTo(row);
                }
            }
            CsvSeriesReader.Stats stats = reader.stats();
            assertThat(stats.bars()).isEqualTo(n);
            assertThat(stats.reordered()).isFalse();
            assertThat(stats.firstTime()).isEqualTo(T0);
            assertThat(stats.lastTime()).isEqualTo(T0 + (n - 1) * MINUTE);
            assertThat(stats.timeframe()).isEqualTo(Timeframe.M1);
        }
    }

    @Test
    void rowsInDescendingOrderAreStreamedNewestBatchFirstEachBatchAscending() throws Exception {
        int n = 2 * BATCH + 7;
        Path file = rows("down.csv", n, i -> T0 + (long) (n - 1 - i) * 3_600_000L);
        try (CsvSeriesReader reader = CsvSeriesReader.open(file, CsvSeriesReader.Options.defaults(), b -> { }, false)) {
            List<SeriesData> batches = drain(reader);
            assertThat(batches).extracting(SeriesData::size).containsExactly(BATCH, BATCH, 7);
            SeriesData newest = batches.get(0);
            assertThat(newest.time(0)).isEqualTo(T0 + (long) (n - BATCH) * 3_600_000L);
            assertThat(newest.lastTime()).isEqualTo(T0 + (long) (n - 1) * 3_600_000L);
            assertThat(newest.value(newest.size() - 1)).as("the file's first row is the newest").isEqualTo(0);
            assertThat(batches.get(2).time(0)).isEqualTo(T0);
            assertThat(reader.stats().reordered()).as("stored in the opposite order to the file's").isTrue();
            assertThat(reader.stats().timeframe()).isEqualTo(Timeframe.H1);
        }
        SeriesData whole = read(file).data();
        assertThat(whole.size()).isEqualTo(n);
        assertThat(whole.firstTime()).isEqualTo(T0);
        assertThat(whole.value(0)).isEqualTo(n - 1);
    }

    @Test
    void theTimeframeIsInferredFromTheBarsIncludingMinutes() throws Exception {
        Map<Long, Timeframe> expected = Map.of(MINUTE, Timeframe.M1, 5 * MINUTE, Timeframe.M5, 15 * MINUTE,
                Timeframe.M15, 60 * MINUTE, Timeframe.H1, 240 * MINUTE, Timeframe.H4, 1_440 * MINUTE, Timeframe.D1,
                7 * 1_440 * MINUTE, Timeframe.W1);
        for (Map.Entry<Long, Timeframe> e : expected.entrySet()) {
            long step = e.getKey();
            Path file = rows("tf" + step + ".csv", 30, i -> T0 + i * step);
            assertThat(read(file).timeframe()).as("bars every " + step + " ms").isEqualTo(e.getValue());
        }
    }

    @Test
    void aBadLastRowOfAStreamedFileFailsTheReadNamingFileLineAndColumn() throws Exception {
        int n = 2 * BATCH + 10;
        Path file = rows("bad-end.csv", n, i -> T0 + i * MINUTE);
        Files.writeString(file, "2030-01-01T00:00:00Z,1.O\n", java.nio.file.StandardOpenOption.APPEND);
        try (CsvSeriesReader reader = CsvSeriesReader.open(file, CsvSeriesReader.Options.defaults(), b -> { }, false)) {
            assertThat(reader.next()).as("the first batch is read before the bad row").isNotNull();
            assertThatThrownBy(() -> drain(reader)).isInstanceOf(CsvFormatException.class)
                    .hasMessage(file + ":" + (n + 2) + ": column 'value': '1.O' is not a number");
        }
    }

    @Test
    void aDuplicateInAStreamedFileIsRefusedOrSummedAcrossABatchBoundary() throws Exception {
        // rows BATCH-1 and BATCH share a time: the first batch must not end between them
        int n = BATCH + 100;
        IntToLongFunction time = i -> T0 + (i < BATCH ? i : i - 1) * MINUTE;
        Path file = rows("dup.csv", n, time);
        assertThatThrownBy(() -> read(file)).hasMessageContaining(file + ":" + (BATCH + 2) + ": column 'time': the time "
                + Instant.ofEpochMilli(T0 + (BATCH - 1) * MINUTE) + " appears again (first on line " + (BATCH + 1) + ")");
        CsvSeriesReader.Result summed = CsvSeriesReader.read(file, new CsvSeriesReader.Options(null, Map.of(), true),
                b -> { });
        assertThat(summed.summed()).isEqualTo(1);
        assertThat(summed.data().size()).isEqualTo(n - 1);
        assertThat(summed.data().value(BATCH - 1)).isEqualTo((BATCH - 1) + BATCH);
    }

    @Test
    void aSmallFileInAnyOrderIsSortedInMemory() throws Exception {
        int n = 1_000;
        int[] order = shuffled(n, 7);
        Path file = rows("small.csv", n, i -> T0 + order[i] * 86_400_000L);
        Set<String> before = sortFolders();
        CsvSeriesReader.Result r = read(file);
        assertThat(r.reordered()).isTrue();
        assertThat(r.timeframe()).isEqualTo(Timeframe.D1);
        for (int i = 0; i < n; i++) {
            assertThat(r.data().time(i)).isEqualTo(T0 + i * 86_400_000L);
        }
        assertThat(sortFolders()).as("no sort files for a file that fits one run").isEqualTo(before);
    }

    @Test
    void aLargeFileOutOfOrderAfterTheFirstBatchAsksToBeReadAgainSortedAndIsSortedOnDisk() throws Exception {
        int n = 2 * CsvSeriesReader.RUN_ROWS + 1_234;
        int[] order = shuffled(n, 11);
        // In order for the first 60,000 rows, shuffled after: the disorder shows after a batch went out.
        IntToLongFunction time = i -> T0 + (i < 60_000 ? i : order[i] < 60_000 ? order[i] + n : order[i]) * MINUTE;
        Path file = rows("late-disorder.csv", n, time);
        try (CsvSeriesReader reader = CsvSeriesReader.open(file, CsvSeriesReader.Options.defaults(), b -> { }, false)) {
            assertThat(reader.next()).isNotNull();
            assertThatThrownBy(() -> drain(reader)).isInstanceOf(CsvSeriesReader.NotInOrder.class)
                    .hasMessageContaining("is out of order");
        }
        Set<String> before = sortFolders();
        long[] expected = new long[n];
        for (int i = 0; i < n; i++) {
            expected[i] = time.applyAsLong(i);
        }
        java.util.Arrays.sort(expected);
        try (CsvSeriesReader reader = CsvSeriesReader.open(file, CsvSeriesReader.Options.defaults(), b -> { }, true)) {
            assertThat(sortFolders()).as("runs past the first went to a sort folder").hasSizeGreaterThan(before.size());
            List<SeriesData> batches = drain(reader);
            assertThat(batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(BATCH));
            int k = 0;
            for (SeriesData b : batches) {
                for (int i = 0; i < b.size(); i++, k++) {
                    assertThat(b.time(i)).isEqualTo(expected[k]);
                }
            }
            assertThat(k).isEqualTo(n);
            assertThat(reader.stats().reordered()).isTrue();
            assertThat(reader.stats().timeframe()).isEqualTo(Timeframe.M1);
        }
        assertThat(sortFolders()).as("sort files are deleted").isEqualTo(before);
        assertThat(read(file).data().size()).as("read() starts again sorted by itself").isEqualTo(n);
    }

    @Test
    void duplicatesFarApartInAnUnorderedFileAreFoundOnDiskAndSummedWhenAsked() throws Exception {
        int n = 2 * CsvSeriesReader.RUN_ROWS + 500;
        int[] order = shuffled(n, 3);
        int last = n - 1;
        // the last row repeats the time of the file's first row, two runs apart
        IntToLongFunction time = i -> T0 + (i == last ? order[0] : order[i]) * MINUTE;
        Path file = rows("far-dup.csv", n, time);
        assertThatThrownBy(() -> CsvSeriesReader.read(file, CsvSeriesReader.Options.defaults(), b -> { }))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining(file + ":" + (last + 2) + ": column 'time': the time "
                        + Instant.ofEpochMilli(T0 + order[0] * MINUTE) + " appears again (first on line 2)");
        CsvSeriesReader.Result summed = CsvSeriesReader.read(file, new CsvSeriesReader.Options(null, Map.of(), true),
                b -> { });
        assertThat(summed.summed()).isEqualTo(1);
        assertThat(summed.data().size()).isEqualTo(n - 1);
        int at = java.util.Arrays.binarySearch(summed.data().copyTimes(), T0 + order[0] * MINUTE);
        assertThat(summed.data().value(at)).isEqualTo(0 + last);
    }

    @Test
    void aPartialPriceHeaderOrATimeColumnAsValueIsRefusedNamingTheCandidates() throws Exception {
        Path open = write("open.csv", "date,open\n2020-03-16,1\n");
        assertThatThrownBy(() -> read(open)).isInstanceOf(CsvFormatException.class)
                .hasMessage(open + ":1: has the price column open but not high, low, close, so it is neither a price"
                        + " file (open, high, low, close) nor plainly one value; to import one column as a value series,"
                        + " choose it with --column NAME (candidates: open)");
        assertThat(CsvSeriesReader.read(open, new CsvSeriesReader.Options("open", Map.of(), false), b -> { }).data()
                .value(0)).isEqualTo(1.0);
        Path partial = write("partial.csv", "date,open,close,volume\n2020-03-16,1,2,3\n");
        assertThatThrownBy(() -> read(partial))
                .hasMessageContaining("has the price columns open, close but not high, low")
                .hasMessageContaining("(candidates: open, close, volume)");
        assertThatThrownBy(() -> CsvSeriesReader.read(partial, new CsvSeriesReader.Options("date", Map.of(), false),
                b -> { })).hasMessageContaining("column 'date' holds the time; choose a value column with --column");
    }

    @Test
    void everyFileOfTheSampleWorkspaceIsStillRead() throws Exception {
        Path manifest = DATA.resolve("workspace.json");
        for (SampleManifest.Entry e : SampleManifest.read(manifest).series()) {
            Importer.Request r = e.request(DATA);
            for (Path file : r.files()) {
                CsvSeriesReader.Result result = CsvSeriesReader.read(file, r.options(), b -> { });
                assertThat(result.data().size()).as(file.toString()).isPositive();
                assertThat(result.timeframe().label()).as(file + " as the manifest says").isEqualTo(e.timeframe());
            }
        }
    }

    private static int[] shuffled(int n, long seed) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
