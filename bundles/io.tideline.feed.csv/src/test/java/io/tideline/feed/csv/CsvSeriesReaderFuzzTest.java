package io.tideline.feed.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.testing.Fuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the CSV import's reader with mutants of the sample workspace's files (FRED, Yahoo,
 * Binance, crypto dialects) and of a few hand-made dialects: every input is read or refused with a
 * {@link CsvFormatException} naming the file (and the line, within the file's lines), never an
 * unchecked exception, a hang or an allocation out of proportion to the input.
 */
class CsvSeriesReaderFuzzTest {

    private static final Pattern LINE = Pattern.compile("^.+?\\.csv:(\\d+): ");
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("csv-fuzz-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        try (var files = Files.list(DIR)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(DIR);
    }

    @Provide
    Arbitrary<byte[]> files() {
        List<byte[]> seeds = new ArrayList<>(Fuzz.seeds(Path.of("../../product/src/dist/data/sample"), ".csv"));
        seeds.addAll(Fuzz.seeds(
                "date;value\n2020-01-02;1,5\n2020-01-03;2,25\n2020-01-06;.\n",
                "\uFEFFtime,value\n1577923200,1\n1578009600,2\n1577836800,3\n",
                "1577923200000,1,2,0.5,1.5,10,1577923259999,15,3,5,7,0\n1578009600000,1,2,0.5,1.5,10,1578009659999,15,3,5,7,0\n",
                "2020-01-02,1\n2020-01-01,2\n2019-12-31,3\n",
                "date,exchange,value\n2020-01-01,a,1\n2020-01-01,b,2\n2020-01-02,a,3\n",
                "\"date\",\"value\"\n\"2020-01-01 00:00:00+00:00\",\"1e3\"\n\"2020-01-01T01:00:00Z\",\"-0\"\n"));
        return Fuzz.inputs(seeds, 4096);
    }

    @Property
    void any_file_is_read_or_refused_naming_file_and_line(@ForAll("files") byte[] input) throws IOException {
        Path file = DIR.resolve("input.csv");
        Files.write(file, input);
        long lines = 1;
        for (byte b : input) {
            lines += b == '\n' || b == '\r' ? 1 : 0;
        }
        long maxLine = lines;
        CsvSeriesReader.Options options = (input.length & 1) == 0 ? CsvSeriesReader.Options.defaults()
                : new CsvSeriesReader.Options(null, Map.of(), true);
        CsvFormatException e = Fuzz.run(input, CsvFormatException.class, (64L << 20) + 64L * input.length,
                m -> m.startsWith(file + ": ") || m.startsWith(file + ":"),
                () -> CsvSeriesReader.read(file, options, bytes -> { }));
        if (e != null) {
            Matcher m = LINE.matcher(e.getMessage());
            if (m.find()) {
                assertThat(Long.parseLong(m.group(1))).as(e.getMessage()).isBetween(1L, maxLine);
            }
        }
    }

    @Test
    void a_latin1_byte_is_named_with_its_line_in_words() throws IOException {
        Path file = DIR.resolve("latin1.csv");
        List<String> rows = new ArrayList<>(List.of("date,value"));
        for (int i = 1; i <= 9000; i++) {
            rows.add(java.time.LocalDate.of(2000, 1, 1).plusDays(i) + "," + i);
        }
        byte[] head = (String.join("\n", rows) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "2030-01-01,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Files.write(file, all);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(CsvFormatException.class,
                () -> CsvSeriesReader.read(file, CsvSeriesReader.Options.defaults(), b -> { })))
                .hasMessage(file + ":9002: byte 0xE9 is not valid UTF-8 (the file may be Latin-1 or Windows-1252;"
                        + " save it as UTF-8)");
    }

    @Test
    void a_latin1_byte_on_the_first_line_is_named_there() throws IOException {
        Path file = DIR.resolve("latin1-header.csv");
        Files.write(file, "date,caf\u00e9\n2020-01-01,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(CsvFormatException.class,
                () -> CsvSeriesReader.read(file, CsvSeriesReader.Options.defaults(), b -> { })))
                .hasMessage(file + ":1: byte 0xE9 is not valid UTF-8 (the file may be Latin-1 or Windows-1252;"
                        + " save it as UTF-8)");
    }

    @Test
    void a_ten_megabyte_value_is_named_not_echoed() throws IOException {
        Path file = DIR.resolve("big-value.csv");
        Files.writeString(file, "date,value\n2020-01-01,1\n2020-01-02," + "9x".repeat(5_000_000) + "\n");
        CsvFormatException e = org.assertj.core.api.Assertions.catchThrowableOfType(CsvFormatException.class,
                () -> CsvSeriesReader.read(file, CsvSeriesReader.Options.defaults(), b -> { }));
        assertThat(e.getMessage()).startsWith(file + ":3: column 'value': '9x9x").endsWith(
                "… (10,000,000 characters)' is not a number");
    }

    @Test
    void a_hundred_thousand_columns_are_counted_not_listed() throws IOException {
        Path file = DIR.resolve("wide.csv");
        StringBuilder header = new StringBuilder("date");
        for (int i = 0; i < 100_000; i++) {
            header.append(",c").append(i);
        }
        Files.writeString(file, header + "\n2020-01-01,1\n");
        CsvFormatException e = org.assertj.core.api.Assertions.catchThrowableOfType(CsvFormatException.class,
                () -> CsvSeriesReader.read(file, CsvSeriesReader.Options.defaults(), b -> { }));
        assertThat(e.getMessage()).hasSizeLessThan(500).contains("c0, c1").contains("(100000 columns)");
    }

    @Test
    void a_file_without_line_breaks_is_refused_at_its_first_line() throws IOException {
        Path file = DIR.resolve("one-line.csv");
        Files.writeString(file, "a,".repeat(1 << 20));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(CsvFormatException.class,
                () -> CsvSeriesReader.read(file, CsvSeriesReader.Options.defaults(), b -> { })))
                .hasMessageStartingWith(file + ":1: the first line is longer than 1,048,576 characters");
    }
}
