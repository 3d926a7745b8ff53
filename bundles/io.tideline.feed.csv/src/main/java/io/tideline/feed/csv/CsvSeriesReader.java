package io.tideline.feed.csv;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Timeframe;
import io.tideline.api.series.Times;
import io.tideline.api.store.BatchSource;
import io.tideline.support.text.Excerpt;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Reads one CSV file as batches of columns, in bounded memory, whatever its dialect: FRED
 * downloads ({@code DATE,DGS10}, {@code observation_date,...}, {@code .} or empty for missing),
 * Yahoo OHLCV (columns in any order), Binance kline dumps (epoch-millisecond {@code open_time},
 * with or without a header), plain {@code time,value}, and long-format files narrowed by
 * {@code where} filters. Columns are found by header name. A UTF-8 byte-order mark is skipped; a
 * file whose header uses {@code ;} is read with {@code ;} separators and decimal commas.
 *
 * <p>Memory does not grow with the file. Rows in time order (ascending or descending) are
 * streamed: batches of at most {@link #BATCH_ROWS} bars, each in ascending order, in file order.
 * A file found out of order within its first batch is sorted instead: runs of
 * {@link #RUN_ROWS} rows are sorted and, past the first, written to a temporary folder, then
 * merged into ascending batches. A streamed file found out of order after a batch was handed
 * out throws {@link NotInOrder}; the caller reads it again with {@code sort} set (see
 * {@link Importer}).
 *
 * <p>Every bad row rejects the file: the error names the file, the line, the column and the
 * offending text. Rows without a value are skipped and counted; a timestamp that appears twice
 * is an error, unless duplicates are to be summed (e.g. liquidations of several exchanges on one
 * day). Not thread-safe: one reader serves one import.
 */
final class CsvSeriesReader implements BatchSource, Closeable {

    /** The most bars in one batch handed to the store. */
    static final int BATCH_ROWS = 50_000;
    /** The most rows sorted in memory at once when a file is out of order. */
    static final int RUN_ROWS = 100_000;

    /** Header names that hold the time, in order of preference. */
    private static final List<String> TIME_COLUMNS = List.of("date", "time", "timestamp", "datetime", "open_time",
            "observation_date", "report_date");
    /** Binance kline dumps without a header have these twelve columns. */
    private static final List<String> BINANCE_KLINE = List.of("open_time", "open", "high", "low", "close", "volume",
            "close_time", "quote_volume", "trades", "taker_buy_base", "taker_buy_quote", "ignore");
    private static final List<String> PRICE_COLUMNS = List.of("open", "high", "low", "close");
    private static final Set<String> MISSING = Set.of("", ".", "nan", "null", "na", "n/a", "#n/a");
    private static final long PROGRESS_EVERY_BYTES = 1 << 20;
    /** The longest first line (the header, or the first row) looked at to tell the dialect. */
    static final int MAX_HEADER_CHARS = 1 << 20;
    private static final int SPILL_BUFFER = 32 * 1024;
    /** {@link Timeframe#values()} once: it copies the array on every call, and gaps are counted per row. */
    private static final Timeframe[] TIMEFRAMES = Timeframe.values();

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
     * What was read, known once every batch was taken.
     *
     * @param fields the value columns
     * @param bars the bars handed out (after summing duplicates)
     * @param skipped rows without a value
     * @param summed rows merged into another row of the same time
     * @param reordered whether the rows were not in ascending time order in the file (they were
     *        sorted, or a descending file was reversed)
     * @param firstTime the earliest time read
     * @param lastTime the latest time read
     * @param timeframe the bar length whose span is closest above the median gap, over the file
     */
    record Stats(List<Field> fields, long bars, long skipped, long summed, boolean reordered, long firstTime, long lastTime,
            Timeframe timeframe) {
    }

    /**
     * A whole file read into memory by {@link #read}.
     *
     * @param data the bars, sorted by time
     * @param skipped rows without a value
     * @param reordered whether the rows were not in time order in the file
     * @param summed rows merged into another row of the same time
     * @param timeframe the bar length guessed from the median gap
     */
    record Result(SeriesData data, long skipped, boolean reordered, long summed, Timeframe timeframe) {
    }

    /**
     * A streamed file turned out not to be in time order after a batch had been handed out: read
     * it again with {@code sort} set. Its message is for the case where nobody does.
     */
    static final class NotInOrder extends CsvFormatException {

        private static final long serialVersionUID = 1L;

        NotInOrder(Path file, long line, String message) {
            super(file, line, message);
        }
    }

    private final Path file;
    private final long size;
    private final LongConsumer progress;
    private final List<String> header;
    private final boolean decimalComma;
    private final Layout layout;
    private final Field[] fields;
    private final boolean sumDuplicates;
    private final InputStream raw;
    private final BoundedInputStream counted;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final boolean hasHeader;

    // the row just parsed
    private final double[] row;
    private long rowTime;
    private long rowLine;
    private long nextProgress = PROGRESS_EVERY_BYTES;
    private long skipped;
    private boolean parsed;

    // streaming: the direction of the rows so far (+1 ascending, -1 descending, 0 not yet known)
    private int direction;
    private boolean hasPrevious;
    private long previousTime;
    private int handedOut;

    // sorting
    private boolean sorting;
    private Rows run;
    private Path spillDir;
    private final List<Path> spills = new ArrayList<>();
    private int memoryIndex = -1;
    private PriorityQueue<SpillReader> merge;
    private final List<SpillReader> openSpills = new ArrayList<>();

    private final Emitter out;
    private SeriesData ready;
    private final Timeframe firstTimeframe;

    private CsvSeriesReader(Path file, Options options, LongConsumer progress, boolean sort) throws IOException {
        this.file = file;
        this.progress = progress;
        this.sumDuplicates = options.sumDuplicates();
        this.size = Files.size(file);
        String firstLine;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            firstLine = firstLine(file, r);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw Utf8Check.refusal(file);
        }
        if (firstLine == null || stripBom(firstLine).isBlank()) {
            throw new CsvFormatException(file, 0, "the file is empty");
        }
        firstLine = stripBom(firstLine);
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        decimalComma = delimiter == ';';
        String[] firstCells = firstLine.split(String.valueOf(delimiter), -1);
        hasHeader = !isTime(firstCells[0].strip().replace("\"", ""));
        if (hasHeader) {
            List<String> names = new ArrayList<>();
            for (String cell : firstCells) {
                names.add(cell.strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
            header = List.copyOf(names);
        } else if (firstCells.length == BINANCE_KLINE.size()) {
            header = BINANCE_KLINE;
        } else if (firstCells.length == 2) {
            header = List.of("time", "value");
        } else {
            throw new CsvFormatException(file, 1, "the file has no header and " + firstCells.length
                    + " columns; add a header line naming them (e.g. date,value)");
        }
        layout = layout(file, header, options);
        fields = layout.fields;
        row = new double[fields.length];
        out = new Emitter(fields.length);
        sorting = sort;
        if (sorting) {
            run = new Rows(fields.length, RUN_ROWS);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        raw = Files.newInputStream(file);
        try {
            counted = BoundedInputStream.builder().setInputStream(raw).get();
            // A decoder that reports bytes that are not UTF-8 (InputStreamReader's default would
            // turn them into U+FFFD silently); Utf8Check then says where and which.
            parser = CSVParser.builder().setReader(skipBom(new InputStreamReader(counted,
                    StandardCharsets.UTF_8.newDecoder()))).setFormat(format).get();
            records = parser.iterator();
            // The first batch is read now, so that the fields and the timeframe are known before
            // the store is asked to write, and a small file is read whole before that.
            ready = produce();
            if (ready == null) {
                throw new CsvFormatException(file, 0, "holds no data rows" + (skipped > 0 ? " (" + skipped
                        + " rows without a value)" : "") + (layout.where.isEmpty() ? "" : " matching "
                        + layout.where));
            }
            firstTimeframe = out.timeframe();
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Opens a file and reads its first batch.
     *
     * @param progress receives the bytes read so far, about once per megabyte, and the size at
     *        the end
     * @param sort sort the rows whatever their order (after {@link NotInOrder})
     * @throws CsvFormatException naming the file (and line and column) when the file cannot be
     *         imported
     */
    static CsvSeriesReader open(Path file, Options options, LongConsumer progress, boolean sort) throws IOException {
        try {
            return new CsvSeriesReader(file, options, progress, sort);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(file, 0);
        }
    }

    /**
     * Reads a whole file into memory, sorted by time: for small files and tests. Imports use
     * {@link #open} and hand the batches to the store.
     */
    static Result read(Path file, Options options, LongConsumer progress) throws IOException {
        try (CsvSeriesReader reader = open(file, options, progress, false)) {
            return reader.readAll();
        } catch (NotInOrder e) {
            try (CsvSeriesReader reader = open(file, options, progress, true)) {
                return reader.readAll();
            }
        }
    }

    private Result readAll() throws IOException {
        List<SeriesData> batches = new ArrayList<>();
        for (SeriesData b = next(); b != null; b = next()) {
            batches.add(b);
        }
        // Batches do not overlap: descending files come newest batch first.
        batches.sort(Comparator.comparingLong(SeriesData::firstTime));
        int n = batches.stream().mapToInt(SeriesData::size).sum();
        long[] times = new long[n];
        Map<Field, double[]> columns = new EnumMap<>(Field.class);
        for (Field f : fields) {
            columns.put(f, new double[n]);
        }
        int at = 0;
        for (SeriesData b : batches) {
            for (int i = 0; i < b.size(); i++) {
                times[at + i] = b.time(i);
            }
            for (Field f : fields) {
                double[] column = columns.get(f);
                for (int i = 0; i < b.size(); i++) {
                    column[at + i] = b.get(f, i);
                }
            }
            at += b.size();
        }
        Stats s = stats();
        return new Result(SeriesData.of(times, columns), s.skipped(), s.reordered(), s.summed(), s.timeframe());
    }

    /** The value columns every batch has, in header order. */
    List<Field> fields() {
        return List.of(fields);
    }

    /** The bar length guessed from the first batch: what a new series is described with. */
    Timeframe timeframe() {
        return firstTimeframe;
    }

    /** What was read so far; complete once {@link #next()} returned {@code null}. */
    Stats stats() {
        return new Stats(fields(), out.bars, skipped, out.summed, sorting || direction < 0, out.min, out.max, out.timeframe());
    }

    /**
     * The next batch, ascending by time, or {@code null} after the last.
     *
     * @throws CsvFormatException naming file, line and column for a bad row (the store then
     *         stores nothing of the file), or {@link NotInOrder}
     */
    @Override
    public SeriesData next() throws IOException {
        try {
            SeriesData batch = ready != null ? ready : produce();
            ready = null;
            if (batch != null) {
                handedOut++;
            }
            return batch;
        } catch (OutOfMemoryError e) {
            // Drop what this reader holds, so that the message below can be built and the store
            // can roll back.
            ready = null;
            run = null;
            out.rows = null;
            throw outOfMemory(file, rowLine);
        }
    }

    private static CsvFormatException outOfMemory(Path file, long line) {
        return new CsvFormatException(file, line, "ran out of memory (Java heap limit "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); give Tideline more memory"
                + " (e.g. TIDELINE_JAVA_OPTS=-Xmx1g) or split the file");
    }

    /** Reads until a batch is complete or the input ends. */
    private SeriesData produce() throws IOException {
        SeriesData batch = null;
        while (batch == null) {
            if (sorting && !parsed) {
                spillAll();
                continue;
            }
            if (parsed) {
                if (!sorting) {
                    return out.finish();
                }
                if (!nextSorted()) {
                    return out.finish();
                }
                batch = out.offer(rowTime, rowLine, row);
                continue;
            }
            if (!nextRow()) {
                parsed = true;
                continue;
            }
            if (hasPrevious && rowTime != previousTime) {
                int d = rowTime > previousTime ? 1 : -1;
                if (direction == 0) {
                    direction = d;
                } else if (d != direction) {
                    outOfOrder();
                    run.add(rowTime, rowLine, row);
                    continue;
                }
            }
            hasPrevious = true;
            previousTime = rowTime;
            batch = out.offer(rowTime, rowLine, row);
        }
        return batch;
    }

    /**
     * Rows in the file went back against their direction: before a batch went out, the rows so
     * far become the first sorted run; after, the caller must start again sorted.
     */
    private void outOfOrder() throws NotInOrder {
        if (handedOut > 0 || ready != null) {
            throw new NotInOrder(file, rowLine, "column '" + Excerpt.of(header.get(layout.timeIndex)) + "': the time "
                    + Instant.ofEpochMilli(rowTime) + " is out of order (after " + Instant.ofEpochMilli(previousTime)
                    + "); the file is read again and sorted");
        }
        sorting = true;
        run = out.takeRows(RUN_ROWS);
    }

    /** Reads the rest of the file into sorted runs; runs past the first go to disk. */
    private void spillAll() throws IOException {
        while (nextRow()) {
            if (run.size == RUN_ROWS) {
                spill();
            }
            run.add(rowTime, rowLine, row);
        }
        parsed = true;
        if (spills.isEmpty()) {
            run.sortByTime();
            memoryIndex = 0;
            return;
        }
        spill();
        run = null;
        merge = new PriorityQueue<>(Comparator.comparingLong((SpillReader s) -> s.time).thenComparingLong(s -> s.line));
        for (Path p : spills) {
            SpillReader reader = new SpillReader(p, fields.length);
            openSpills.add(reader);
            if (reader.advance()) {
                merge.add(reader);
            }
        }
    }

    private void spill() throws IOException {
        run.sortByTime();
        try {
            if (spillDir == null) {
                spillDir = Files.createTempDirectory("tideline-import-");
            }
            Path p = spillDir.resolve("run-" + spills.size() + ".bin");
            spills.add(p);
            try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p),
                    SPILL_BUFFER))) {
                for (int i = 0; i < run.size; i++) {
                    o.writeLong(run.times[i]);
                    o.writeLong(run.lines[i]);
                    for (double[] column : run.values) {
                        o.writeDouble(column[i]);
                    }
                }
            }
        } catch (IOException e) {
            throw new CsvFormatException(file, 0, "its rows are not in time order, so they are sorted on disk first,"
                    + " and the sort file could not be written in " + (spillDir == null
                            ? System.getProperty("java.io.tmpdir") : spillDir) + " (" + e.getMessage()
                    + "); free space there, or sort the file by time first");
        }
        run.size = 0;
    }

    /** The next row of the sorted runs into {@link #row}; {@code false} after the last. */
    private boolean nextSorted() throws IOException {
        if (memoryIndex >= 0) {
            if (memoryIndex == run.size) {
                return false;
            }
            rowTime = run.times[memoryIndex];
            rowLine = run.lines[memoryIndex];
            for (int f = 0; f < row.length; f++) {
                row[f] = run.values[f][memoryIndex];
            }
            memoryIndex++;
            return true;
        }
        SpillReader head = merge.poll();
        if (head == null) {
            return false;
        }
        rowTime = head.time;
        rowLine = head.line;
        System.arraycopy(head.values, 0, row, 0, row.length);
        if (head.advance()) {
            merge.add(head);
        }
        return true;
    }

    /** The next kept row of the file into {@link #row}; {@code false} at the end of the file. */
    private boolean nextRow() throws IOException {
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    progress.accept(size);
                    return false;
                }
                record = records.next();
            } catch (IllegalStateException | UncheckedIOException e) {
                if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                    throw Utf8Check.refusal(file);
                }
                throw new CsvFormatException(file, parser.getCurrentLineNumber(), "is not readable CSV: "
                        + Excerpt.of(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), 200));
            }
            rowLine = parser.getCurrentLineNumber();
            if (counted.getCount() >= nextProgress) {
                progress.accept(counted.getCount());
                nextProgress += PROGRESS_EVERY_BYTES;
            }
            if (hasHeader && record.getRecordNumber() == 1) {
                continue;
            }
            if (record.size() != header.size()) {
                throw new CsvFormatException(file, rowLine, "has " + record.size() + " cells, the header has "
                        + header.size() + " (" + names(header) + ")");
            }
            if (!layout.matches(record)) {
                continue;
            }
            try {
                rowTime = Times.parse(record.get(layout.timeIndex));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new CsvFormatException(file, rowLine, "column '" + Excerpt.of(header.get(layout.timeIndex)) + "': "
                        + e.getMessage());
            }
            boolean missing = false;
            for (int f = 0; f < fields.length; f++) {
                String cell = record.get(layout.valueIndex[f]);
                if (MISSING.contains(cell.toLowerCase(Locale.ROOT))) {
                    missing = true;
                    break;
                }
                row[f] = number(header.get(layout.valueIndex[f]), cell);
            }
            if (missing) {
                skipped++;
                continue;
            }
            return true;
        }
    }

    private double number(String column, String cell) throws CsvFormatException {
        String text = decimalComma ? cell.replace(',', '.') : cell;
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CsvFormatException(file, rowLine, "column '" + Excerpt.of(column) + "': '" + Excerpt.of(cell)
                    + "' is not a number");
        }
    }

    /** Closes the file and deletes the sort files. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Closeable c : openSpills) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (Path p : spills) {
            Files.deleteIfExists(p);
        }
        if (spillDir != null) {
            Files.deleteIfExists(spillDir);
        }
        if (parser != null) {
            parser.close();
        }
        if (raw != null) {
            raw.close();
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * The last stage: rows arrive in time order (either direction); equal times are summed or
     * refused, gaps are counted for the timeframe, and full batches go out in ascending order. A
     * full batch waits for the next row of another time, so that a duplicate is never split from
     * the row it joins.
     */
    private final class Emitter {

        Rows rows;
        /** The time of the last row of the last batch, in file order, for the gap to the next. */
        long lastOut;
        long bars;
        long summed;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        /** Gaps between consecutive times by the shortest timeframe not shorter; the last slot is longer than all. */
        final long[] gaps = new long[TIMEFRAMES.length + 1];
        long gapCount;

        Emitter(int fieldCount) {
            rows = new Rows(fieldCount, Math.min(BATCH_ROWS, (int) Math.max(16, size / 16)));
        }

        /** Takes one row; returns the batch it completed, if it did. */
        SeriesData offer(long time, long line, double[] values) throws CsvFormatException {
            Rows r = rows;
            if (r.size > 0) {
                int last = r.size - 1;
                long lastTime = r.times[last];
                if (time == lastTime) {
                    if (!sumDuplicates) {
                        throw new CsvFormatException(file, line, "column '" + Excerpt.of(header.get(layout.timeIndex))
                                + "': the time " + Instant.ofEpochMilli(time) + " appears again (first on line "
                                + r.lines[last] + "); remove the duplicate, or sum such rows with --sum-duplicates");
                    }
                    for (int f = 0; f < values.length; f++) {
                        r.values[f][last] += values[f];
                    }
                    summed++;
                    return null;
                }
                countGap(Math.abs(time - lastTime));
            } else if (bars > 0) {
                countGap(Math.abs(time - lastOut));
            }
            SeriesData batch = null;
            if (r.size == BATCH_ROWS) {
                batch = emit();
            }
            rows.add(time, line, values);
            return batch;
        }

        SeriesData finish() {
            return rows.size == 0 ? null : emit();
        }

        private SeriesData emit() {
            Rows r = rows;
            int n = r.size;
            boolean descending = n > 1 && r.times[0] > r.times[n - 1];
            long[] t = new long[n];
            Map<Field, double[]> columns = new EnumMap<>(Field.class);
            for (int f = 0; f < fields.length; f++) {
                double[] src = r.values[f];
                double[] dst = new double[n];
                for (int i = 0; i < n; i++) {
                    dst[i] = src[descending ? n - 1 - i : i];
                }
                columns.put(fields[f], dst);
            }
            for (int i = 0; i < n; i++) {
                t[i] = r.times[descending ? n - 1 - i : i];
            }
            lastOut = r.times[n - 1];
            min = Math.min(min, t[0]);
            max = Math.max(max, t[n - 1]);
            bars += n;
            r.size = 0;
            return SeriesData.of(t, columns);
        }

        /** Hands the rows held over to the sorting stage and starts afresh. */
        Rows takeRows(int capacity) {
            Rows taken = rows.withCapacity(capacity);
            rows = new Rows(fields.length, BATCH_ROWS);
            Arrays.fill(gaps, 0);
            gapCount = 0;
            return taken;
        }

        private void countGap(long gap) {
            Timeframe[] all = TIMEFRAMES;
            int b = 0;
            while (b < all.length && gap > all[b].millis()) {
                b++;
            }
            gaps[b]++;
            gapCount++;
        }

        /** The timeframe of the median gap so far (one day for a single bar). */
        Timeframe timeframe() {
            if (gapCount == 0) {
                return Timeframe.D1;
            }
            Timeframe[] all = TIMEFRAMES;
            long seen = 0;
            for (int b = 0; b < all.length; b++) {
                seen += gaps[b];
                if (seen > gapCount / 2) {
                    return all[b];
                }
            }
            return Timeframe.W1;
        }
    }

    /** Primitive columns of a bounded number of rows, with the file line of every row for messages. */
    private static final class Rows {

        long[] times;
        long[] lines;
        double[][] values;
        int size;

        Rows(int fields, int capacity) {
            times = new long[capacity];
            lines = new long[capacity];
            values = new double[fields][capacity];
        }

        void add(long time, long line, double[] row) {
            if (size == times.length) {
                int grown = Math.max(16, size * 2);
                times = Arrays.copyOf(times, grown);
                lines = Arrays.copyOf(lines, grown);
                for (int f = 0; f < values.length; f++) {
                    values[f] = Arrays.copyOf(values[f], grown);
                }
            }
            times[size] = time;
            lines[size] = line;
            for (int f = 0; f < row.length; f++) {
                values[f][size] = row[f];
            }
            size++;
        }

        Rows withCapacity(int capacity) {
            Rows r = new Rows(values.length, Math.max(capacity, size));
            System.arraycopy(times, 0, r.times, 0, size);
            System.arraycopy(lines, 0, r.lines, 0, size);
            for (int f = 0; f < values.length; f++) {
                System.arraycopy(values[f], 0, r.values[f], 0, size);
            }
            r.size = size;
            return r;
        }

        /** Stable sort by time (rows of equal time stay in file order), in place, on primitives. */
        void sortByTime() {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            mergeSort(order, new int[size], times, 0, size);
            long[] scratch = new long[size];
            permute(times, order, scratch);
            permute(lines, order, scratch);
            double[] d = new double[size];
            for (double[] column : values) {
                for (int i = 0; i < size; i++) {
                    d[i] = column[order[i]];
                }
                System.arraycopy(d, 0, column, 0, size);
            }
        }

        private void permute(long[] a, int[] order, long[] scratch) {
            for (int i = 0; i < size; i++) {
                scratch[i] = a[order[i]];
            }
            System.arraycopy(scratch, 0, a, 0, size);
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

    /** One sorted run on disk, read a row at a time during the merge. */
    private static final class SpillReader implements Closeable {

        final DataInputStream in;
        final double[] values;
        long time;
        long line;

        SpillReader(Path p, int fields) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), SPILL_BUFFER));
            values = new double[fields];
        }

        boolean advance() throws IOException {
            try {
                time = in.readLong();
            } catch (EOFException end) {
                return false;
            }
            line = in.readLong();
            for (int f = 0; f < values.length; f++) {
                values[f] = in.readDouble();
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
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

    /**
     * Maps the header to the time and value columns, or refuses a header that does not say
     * unambiguously which columns hold the values, naming the candidates and how to choose.
     */
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
                throw new CsvFormatException(file, 1, "no column '" + Excerpt.of(e.getKey()) + "' to filter on; columns: "
                        + names(header));
            }
            whereIndex[w] = index;
            whereValue[w++] = e.getValue();
        }
        if (options.column() != null) {
            int index = header.indexOf(options.column().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new CsvFormatException(file, 1, "no column '" + Excerpt.of(options.column()) + "'; columns: "
                        + names(header));
            }
            if (index == timeIndex) {
                throw new CsvFormatException(file, 1, "column '" + options.column() + "' holds the time;"
                        + " choose a value column with --column NAME");
            }
            return new Layout(timeIndex, new Field[] {Field.VALUE}, new int[] {index}, whereIndex, whereValue,
                    options.where());
        }
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != timeIndex && !options.where().containsKey(header.get(i))) {
                candidates.add(header.get(i));
            }
        }
        if (header.containsAll(PRICE_COLUMNS)) {
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
        List<String> priceNames = PRICE_COLUMNS.stream().filter(header::contains).toList();
        if (!priceNames.isEmpty()) {
            // A price file cut short (e.g. date,open) must not become a value series unasked.
            List<String> lacking = PRICE_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            throw new CsvFormatException(file, 1, "has the price column" + (priceNames.size() > 1 ? "s " : " ")
                    + names(priceNames) + " but not " + names(lacking)
                    + ", so it is neither a price file (open, high, low, close) nor plainly one value; to import one"
                    + " column as a value series, choose it with --column NAME (candidates: "
                    + names(candidates) + ")");
        }
        if (candidates.size() != 1) {
            throw new CsvFormatException(file, 1, candidates.isEmpty()
                    ? "has no value column, only the time column '" + Excerpt.of(header.get(timeIndex)) + "'"
                    : "has several value columns (" + names(candidates)
                            + "); choose one with --column NAME");
        }
        return new Layout(timeIndex, new Field[] {Field.VALUE}, new int[] {header.indexOf(candidates.get(0))},
                whereIndex, whereValue, options.where());
    }

    /**
     * The first line, refused when longer than {@link #MAX_HEADER_CHARS}: a file without line
     * breaks is not read whole into memory to find its header.
     */
    private static String firstLine(Path file, BufferedReader r) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = r.read(); c != -1 && c != '\n'; c = r.read()) {
            if (b.length() == MAX_HEADER_CHARS) {
                throw new CsvFormatException(file, 1, "the first line is longer than " + String.format(Locale.ROOT,
                        "%,d", MAX_HEADER_CHARS) + " characters; expected a header such as date,value (is this a CSV"
                        + " file with line breaks?)");
            }
            b.append((char) c);
        }
        if (b.isEmpty() && r.read() == -1) {
            return null;
        }
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
    }

    /** Column names for a message: at most ten, each shortened, with the count when there are more. */
    private static String names(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(10, names.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(Excerpt.of(names.get(i), 40));
        }
        return names.size() > 10 ? b + ", … (" + names.size() + " columns)" : b.toString();
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static Reader skipBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
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
