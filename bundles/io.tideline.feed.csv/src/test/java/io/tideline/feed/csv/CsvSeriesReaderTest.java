package io.tideline.feed.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Timeframe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
}
