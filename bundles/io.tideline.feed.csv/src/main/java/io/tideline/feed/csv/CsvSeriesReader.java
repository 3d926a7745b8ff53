package io.tideline.feed.csv;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Timeframe;
import io.tideline.api.series.Times;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Reads one CSV file into columns, whatever its dialect: FRED downloads ({@code DATE,DGS10},
 * {@code observation_date,...}, {@code .} or empty for missing), Yahoo OHLCV (columns in any
 * order), Binance kline dumps (epoch-millisecond {@code open_time}, with or without a header),
 * plain {@code time,value}, and long-format files narrowed by {@code where} filters. Columns are
 * found by header name. A UTF-8 byte-order mark is skipped; a file whose header uses {@code ;}
 * is read with {@code ;} separators and decimal commas.
 *
 * <p>The whole file is read before anything is returned, so a bad row rejects the file: the
 * error names the file, the line, the column and the offending text. Rows without a value are
 * skipped and counted; unsorted rows are sorted; a timestamp that appears twice is an error,
 * unless duplicates are to be summed (e.g. liquidations of several exchanges on one day).
 */
final class CsvSeriesReader {

    /** Header names that hold the time, in order of preference. */
    private static final List<String> TIME_COLUMNS = List.of("date", "time", "timestamp", "datetime", "open_time",
            "observation_date", "report_date");
    /** Binance kline dumps without a header have these twelve columns. */
    private static final List<String> BINANCE_KLINE = List.of("open_time", "open", "high", "low", "close", "volume",
            "close_time", "quote_volume", "trades", "taker_buy_base", "taker_buy_quote", "ignore");
    private static final Set<String> MISSING = Set.of("", ".", "nan", "null", "na", "n/a", "#n/a");
    private static final long PROGRESS_EVERY_BYTES = 1 << 20;

    /**
     * How to read a file.
     *
     * @param column the one value column to read, or {@code null} to decide from the header
     * @param where keep only rows whose column equals the value (for long-format files)
     * @param sumDuplicates sum the values of rows with the same time instead of refusing them
     */
    record Options(String column, Map<String, String> where, boolean sumDuplicates) {

        Options {
            where = where == null ? Map.of() : Map.copyOf(where);
        }

        static Options defaults() {
            return new Options(null, Map.of(), false);
        }
    }

    /**
     * What was read.
     *
     * @param data the bars, sorted by time
     * @param skipped rows without a value
     * @param reordered whether the rows were not in time order in the file
     * @param summed rows merged into another row of the same time
     * @param timeframe the bar length guessed from the median gap
     */
    record Result(SeriesData data, int skipped, boolean reordered, int summed, Timeframe timeframe) {
    }

    private CsvSeriesReader() {
    }

    /**
     * Reads a file.
     *
     * @param progress receives the bytes read so far, about once per megabyte
     */
    static Result read(Path file, Options options, LongConsumer progress) throws IOException, CsvFormatException {
        String firstLine;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            firstLine = r.readLine();
        }
        if (firstLine == null || stripBom(firstLine).isBlank()) {
            throw new CsvFormatException(file, 0, "the file is empty");
        }
        firstLine = stripBom(firstLine);
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        boolean decimalComma = delimiter == ';';
        String[] firstCells = firstLine.split(String.valueOf(delimiter), -1);
        boolean hasHeader = !isTime(firstCells[0].strip().replace("\"", ""));

        List<String> header;
        if (hasHeader) {
            header = new ArrayList<>();
            for (String cell : firstCells) {
                header.add(cell.strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
        } else if (firstCells.length == BINANCE_KLINE.size()) {
            header = BINANCE_KLINE;
        } else if (firstCells.length == 2) {
            header = List.of("time", "value");
        } else {
            throw new CsvFormatException(file, 1, "the file has no header and " + firstCells.length
                    + " columns; add a header line naming them (e.g. date,value)");
        }
        Layout layout = layout(file, header, options);

        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        long size = Files.size(file);
        Columns cols = new Columns(layout.fields.length, (int) Math.min(1 << 20, Math.max(16, size / 16)));
        int skipped = 0;
        try (InputStream raw = Files.newInputStream(file);
                BoundedInputStream counted = BoundedInputStream.builder().setInputStream(raw).get();
                Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(format).get()) {
            long nextProgress = PROGRESS_EVERY_BYTES;
            long line = 0;
            for (CSVRecord record : parser) {
                line = parser.getCurrentLineNumber();
                if (hasHeader && record.getRecordNumber() == 1) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new CsvFormatException(file, line, "has " + record.size() + " cells, the header has "
                            + header.size() + " (" + String.join(",", header) + ")");
                }
                if (!layout.matches(record)) {
                    continue;
                }
                String timeText = record.get(layout.timeIndex);
                long time;
                try {
                    time = Times.parse(timeText);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new CsvFormatException(file, line, "column '" + header.get(layout.timeIndex) + "': "
                            + e.getMessage());
                }
                double[] values = new double[layout.fields.length];
                boolean missing = false;
                for (int f = 0; f < layout.fields.length; f++) {
                    String cell = record.get(layout.valueIndex[f]);
                    if (MISSING.contains(cell.toLowerCase(Locale.ROOT))) {
                        missing = true;
                        break;
                    }
                    values[f] = number(file, line, header.get(layout.valueIndex[f]), cell, decimalComma);
                }
                if (missing) {
                    skipped++;
                    continue;
                }
                cols.add(time, values, line);
                if (counted.getCount() >= nextProgress) {
                    progress.accept(counted.getCount());
                    nextProgress += PROGRESS_EVERY_BYTES;
                }
            }
            progress.accept(size);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new CsvFormatException(file, 0, "is not readable CSV: " + e.getMessage());
        }
        if (cols.size == 0) {
            throw new CsvFormatException(file, 0, "holds no data rows" + (skipped > 0 ? " (" + skipped
                    + " rows without a value)" : "") + (layout.where.isEmpty() ? "" : " matching " + layout.where));
        }
        return cols.finish(file, layout.fields, options.sumDuplicates(), skipped, header.get(layout.timeIndex));
    }

    private static double number(Path file, long line, String column, String cell, boolean decimalComma)
            throws CsvFormatException {
        String text = decimalComma ? cell.replace(',', '.') : cell;
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CsvFormatException(file, line, "column '" + column + "': '" + cell + "' is not a number");
        }
    }

    /** Which cells hold the time and the values, and which rows to keep. */
    private record Layout(int timeIndex, Field[] fields, int[] valueIndex, int[] whereIndex, String[] whereValue,
            Map<String, String> where) {

        boolean matches(CSVRecord record) {
            for (int i = 0; i < whereIndex.length; i++) {
                if (!record.get(whereIndex[i]).equals(whereValue[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Layout layout(Path file, List<String> header, Options options) throws CsvFormatException {
        int timeIndex = 0;
        for (String name : TIME_COLUMNS) {
            if (header.contains(name)) {
                timeIndex = header.indexOf(name);
                break;
            }
        }
        int[] whereIndex = new int[options.where().size()];
        String[] whereValue = new String[whereIndex.length];
        int w = 0;
        for (Map.Entry<String, String> e : options.where().entrySet()) {
            int index = header.indexOf(e.getKey().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new CsvFormatException(file, 1, "no column '" + e.getKey() + "' to filter on; columns: "
                        + String.join(", ", header));
            }
            whereIndex[w] = index;
            whereValue[w++] = e.getValue();
        }
        if (options.column() != null) {
            int index = header.indexOf(options.column().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new CsvFormatException(file, 1, "no column '" + options.column() + "'; columns: "
                        + String.join(", ", header));
            }
            return new Layout(timeIndex, new Field[] {Field.VALUE}, new int[] {index}, whereIndex, whereValue,
                    options.where());
        }
        if (header.containsAll(List.of("open", "high", "low", "close"))) {
            Map<Field, Integer> ohlc = new LinkedHashMap<>();
            for (Field f : List.of(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME)) {
                int index = header.indexOf(f.name().toLowerCase(Locale.ROOT));
                if (index >= 0) {
                    ohlc.put(f, index);
                }
            }
            return new Layout(timeIndex, ohlc.keySet().toArray(new Field[0]),
                    ohlc.values().stream().mapToInt(Integer::intValue).toArray(), whereIndex, whereValue, options.where());
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != timeIndex && !options.where().containsKey(header.get(i))) {
                candidates.add(i);
            }
        }
        if (candidates.size() != 1) {
            List<String> names = candidates.stream().map(header::get).toList();
            throw new CsvFormatException(file, 1, "has " + (names.isEmpty() ? "no value column"
                    : "several value columns (" + String.join(", ", names) + "); choose one with --column NAME"));
        }
        return new Layout(timeIndex, new Field[] {Field.VALUE}, new int[] {candidates.get(0)}, whereIndex, whereValue,
                options.where());
    }

    /** Growable primitive columns, with the file line of every row for messages. */
    private static final class Columns {

        private long[] times;
        private double[][] values;
        private long[] lines;
        private int size;
        private boolean sorted = true;

        Columns(int fields, int capacity) {
            times = new long[capacity];
            values = new double[fields][capacity];
            lines = new long[capacity];
        }

        void add(long time, double[] row, long line) {
            if (size == times.length) {
                int grown = size * 2;
                times = Arrays.copyOf(times, grown);
                lines = Arrays.copyOf(lines, grown);
                for (int f = 0; f < values.length; f++) {
                    values[f] = Arrays.copyOf(values[f], grown);
                }
            }
            if (size > 0 && time <= times[size - 1]) {
                sorted = false;
            }
            times[size] = time;
            lines[size] = line;
            for (int f = 0; f < row.length; f++) {
                values[f][size] = row[f];
            }
            size++;
        }

        Result finish(Path file, Field[] fields, boolean sumDuplicates, int skipped, String timeColumn)
                throws CsvFormatException {
            long[] t = Arrays.copyOf(times, size);
            long[] l = Arrays.copyOf(lines, size);
            double[][] v = new double[fields.length][];
            for (int f = 0; f < fields.length; f++) {
                v[f] = Arrays.copyOf(values[f], size);
            }
            if (!sorted) {
                // Stable sort of the row order by time, on primitives: merge sort of an index.
                int[] order = new int[size];
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                mergeSort(order, new int[size], t, 0, size);
                long[] st = new long[size];
                long[] sl = new long[size];
                double[][] sv = new double[fields.length][size];
                for (int i = 0; i < size; i++) {
                    st[i] = t[order[i]];
                    sl[i] = l[order[i]];
                    for (int f = 0; f < fields.length; f++) {
                        sv[f][i] = v[f][order[i]];
                    }
                }
                t = st;
                l = sl;
                v = sv;
            }
            int out = 0;
            int summed = 0;
            for (int i = 0; i < size; i++) {
                if (out > 0 && t[i] == t[out - 1]) {
                    if (!sumDuplicates) {
                        throw new CsvFormatException(file, l[i], "column '" + timeColumn + "': the time "
                                + Instant.ofEpochMilli(t[i]) + " appears again (first on line " + l[out - 1]
                                + "); remove the duplicate, or sum such rows with --sum-duplicates");
                    }
                    for (int f = 0; f < fields.length; f++) {
                        v[f][out - 1] += v[f][i];
                    }
                    summed++;
                    continue;
                }
                t[out] = t[i];
                l[out] = l[i];
                for (int f = 0; f < fields.length; f++) {
                    v[f][out] = v[f][i];
                }
                out++;
            }
            Map<Field, double[]> columns = new EnumMap<>(Field.class);
            for (int f = 0; f < fields.length; f++) {
                columns.put(fields[f], Arrays.copyOf(v[f], out));
            }
            SeriesData data = SeriesData.of(Arrays.copyOf(t, out), columns);
            return new Result(data, skipped, !sorted, summed, guessTimeframe(data));
        }

        private static void mergeSort(int[] a, int[] tmp, long[] key, int from, int to) {
            if (to - from < 2) {
                return;
            }
            int mid = (from + to) >>> 1;
            mergeSort(a, tmp, key, from, mid);
            mergeSort(a, tmp, key, mid, to);
            int i = from;
            int j = mid;
            int k = from;
            while (i < mid || j < to) {
                if (j == to || (i < mid && key[a[i]] <= key[a[j]])) {
                    tmp[k++] = a[i++];
                } else {
                    tmp[k++] = a[j++];
                }
            }
            System.arraycopy(tmp, from, a, from, to - from);
        }
    }

    /** The bar length whose span is closest above the median gap between bars. */
    static Timeframe guessTimeframe(SeriesData data) {
        if (data.size() < 2) {
            return Timeframe.D1;
        }
        long[] gaps = new long[data.size() - 1];
        for (int i = 1; i < data.size(); i++) {
            gaps[i - 1] = data.time(i) - data.time(i - 1);
        }
        Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        for (Timeframe tf : Timeframe.values()) {
            if (median <= tf.millis()) {
                return tf;
            }
        }
        return Timeframe.W1;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static Reader skipBom(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean isTime(String cell) {
        try {
            Times.parse(cell);
            return true;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }
}
