package io.tideline.views.desk;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tideline.support.json.JsonFileException;
import io.tideline.support.json.JsonValueException;
import io.tideline.support.json.StrictJsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The alert log on disk ({@code DATA_DIR/workspace/alerts.jsonl}): one JSON object per line,
 * appended, each with the format version {@code v} and every field of the {@link Alert}.
 *
 * <ul>
 * <li>An append is one write of one whole line to the end of the file, forced to disk; earlier
 *     lines are never touched, so a crash can leave at most an incomplete last line. Before the
 *     next append such a line is ended with a newline, so it cannot swallow the new one.</li>
 * <li>{@link #load} keeps the newest {@code keep} readable lines. A line that is not an alert of
 *     this format (bad JSON, unknown kind, missing field, newer version, incomplete) is skipped
 *     with a warning naming the file and line number; nothing is rewritten because of it.</li>
 * <li>When the file has more than {@code maxLines} lines, it is rewritten with its newest
 *     {@code keep} readable alerts: a temporary file forced to disk, then moved over the old one.</li>
 * <li>The alerts bundle's delivery ledger shares the file: its lines (format version 2, starting
 *     {@value #LEDGER_PREFIX}) are passed over without a warning and kept, in order, by a
 *     rewrite.</li>
 * </ul>
 *
 * Thread-safe within one process (every method is synchronized). Not meant for the UI thread.
 */
final class AlertFile {

    /** The format version written in every line's {@code v}. */
    static final int VERSION = 1;
    /** Individual warnings per read; the rest are counted in one more. */
    static final int MAX_WARNINGS = 10;
    /** How every line of the alerts bundle's ledger begins (see io.tideline.alerts.Ledger). */
    static final String LEDGER_PREFIX = "{\"v\":2,";
    private static final byte[] LEDGER = LEDGER_PREFIX.getBytes(UTF_8);
    /** A longer line is not an alert (and is not held in memory). */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final JsonFactory JSON = new JsonFactory();
    private static final StrictJsonReader<Line> READER = StrictJsonReader.of(Line.class,
            "a JSON object with v, timeMillis, kind, asOf, subject, previous, current, value, threshold, source");

    /**
     * What {@link #load} found.
     *
     * @param alerts the newest readable alerts, oldest first
     * @param warnings one per skipped line (at most {@link #MAX_WARNINGS}, then one counting the
     *        rest), or why the file could not be read; each names the file
     */
    record Loaded(List<Alert> alerts, List<String> warnings) {
    }

    private final Path file;
    private final int keep;
    private final int maxLines;

    /** Alert lines (readable or not, ledger lines aside) in the file as far as this instance knows; -1 until read. */
    private int lines = -1;
    /** Whether the file ends without a newline (an interrupted append). */
    private boolean openTail;

    /**
     * @param file the file (it and its folder are created on the first append)
     * @param keep how many alerts {@link #load} returns and a compaction keeps
     * @param maxLines the number of lines above which an append compacts the file
     */
    AlertFile(Path file, int keep, int maxLines) {
        if (keep < 1 || maxLines < keep) {
            throw new IllegalArgumentException("need 1 <= keep <= maxLines, got " + keep + ", " + maxLines);
        }
        this.file = Objects.requireNonNull(file, "file");
        this.keep = keep;
        this.maxLines = maxLines;
    }

    /** The file's path. */
    Path path() {
        return file;
    }

    /** The newest readable alerts, oldest first, with a warning for each line skipped. Never throws. */
    synchronized Loaded load() {
        List<String> warnings = new ArrayList<>();
        try {
            Scan scan = scan(warnings);
            lines = scan.lines;
            openTail = scan.openTail;
            return new Loaded(List.copyOf(scan.newest), List.copyOf(warnings));
        } catch (IOException e) {
            warnings.add(file + ": cannot be read, no earlier alerts are shown (" + reason(e) + ")");
            return new Loaded(List.of(), List.copyOf(warnings));
        }
    }

    /** Why the file could not be read, in words rather than the exception's Java class. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied; check the file's owner and mode";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /**
     * Appends {@code alert} as one line, then compacts the file if it has grown past
     * {@code maxLines} lines.
     *
     * @return whether the file was compacted
     * @throws IOException when the line could not be written (the file is then as before, or
     *         ends with part of the line), or the compaction failed (the file is then as before
     *         it, with the new line)
     */
    synchronized boolean append(Alert alert) throws IOException {
        byte[] line = (json(alert) + "\n").getBytes(UTF_8);
        if (lines < 0) {
            Scan scan = scan(null);
            lines = scan.lines;
            openTail = scan.openTail;
        }
        if (openTail) {
            // End the interrupted line first, so it stays one (unreadable) line of its own.
            byte[] ended = new byte[line.length + 1];
            ended[0] = '\n';
            System.arraycopy(line, 0, ended, 1, line.length);
            line = ended;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            writeAll(out, line, false);
        }
        openTail = false;
        lines++;
        if (lines > maxLines) {
            compact();
            return true;
        }
        return false;
    }

    /** Rewrites the file with its newest {@code keep} readable alerts, atomically. */
    private void compact() throws IOException {
        Scan scan = scan(null);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder text = new StringBuilder(scan.newest.size() * 256);
            for (String line : scan.ledger) {
                text.append(line).append('\n');
            }
            for (Alert a : scan.newest) {
                text.append(json(a)).append('\n');
            }
            writeAll(out, text.toString().getBytes(UTF_8), true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        lines = scan.newest.size();
        openTail = false;
    }

    /** Writes every byte, then forces it (and the file's metadata when asked) to disk. */
    private static void writeAll(FileChannel out, byte[] bytes, boolean metadata) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        out.force(metadata);
    }

    /** What a pass over the file found. */
    private record Scan(ArrayDeque<Alert> newest, List<String> ledger, int lines, boolean openTail) {
    }

    /**
     * Reads the file line by line (split on {@code \n} bytes, so a bad byte spoils one line only),
     * keeping the newest {@code keep} alerts. Adds a warning per skipped line to {@code warnings}
     * when it is not null.
     */
    private Scan scan(List<String> warnings) throws IOException {
        ArrayDeque<Alert> newest = new ArrayDeque<>();
        List<String> ledger = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Scan(newest, ledger, 0, false);
        }
        int lineNo = 0;
        int skipped = 0;
        int firstUnnamed = 0;
        boolean open = false;
        ByteArrayOutputStream current = new ByteArrayOutputStream(512);
        boolean tooLong = false;
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int n = in.read(chunk);
                int start = 0;
                for (int i = 0; i < Math.max(n, 0); i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    tooLong = tooLong || add(current, chunk, start, i - start);
                    start = i + 1;
                    lineNo++;
                    String problem = take(current, tooLong, newest, ledger);
                    if (problem != null) {
                        skipped++;
                        firstUnnamed = note(warnings, skipped, firstUnnamed, lineNo, problem);
                    }
                    current.reset();
                    tooLong = false;
                }
                if (n < 0) {
                    break;
                }
                tooLong = tooLong || add(current, chunk, start, n - start);
            }
        }
        if (current.size() > 0 || tooLong) {
            // The last line has no newline: an append was interrupted (or someone edited the file).
            lineNo++;
            open = true;
            String problem = take(current, tooLong, newest, ledger);
            if (problem != null) {
                skipped++;
                firstUnnamed = note(warnings, skipped, firstUnnamed, lineNo,
                        "incomplete last line (an interrupted write?), " + problem);
            }
        }
        if (warnings != null && skipped > MAX_WARNINGS) {
            warnings.add(file + ": " + (skipped - MAX_WARNINGS) + " more unreadable lines skipped, the first at line "
                    + firstUnnamed);
        }
        // Ledger lines do not count towards this file's compaction: the ledger compacts its own.
        return new Scan(newest, ledger, lineNo - ledger.size(), open);
    }

    /** Adds bytes to the line being read unless it is already too long; true when it is now. */
    private static boolean add(ByteArrayOutputStream line, byte[] bytes, int from, int length) {
        if (length <= 0) {
            return false;
        }
        if (line.size() + length > MAX_LINE_BYTES) {
            return true;
        }
        line.write(bytes, from, length);
        return false;
    }

    /** Parses one line into {@code newest}; the problem when it is skipped, else null. */
    private String take(ByteArrayOutputStream line, boolean tooLong, ArrayDeque<Alert> newest, List<String> ledger) {
        if (tooLong) {
            return "longer than " + MAX_LINE_BYTES + " bytes, not an alert";
        }
        byte[] bytes = line.toByteArray();
        if (isBlank(bytes)) {
            return null;
        }
        if (Arrays.equals(bytes, 0, Math.min(bytes.length, LEDGER.length), LEDGER, 0, LEDGER.length)) {
            ledger.add(new String(bytes, UTF_8));
            return null;
        }
        try {
            newest.addLast(READER.read(file.toString(), new ByteArrayInputStream(bytes)).alert());
            if (newest.size() > keep) {
                newest.removeFirst();
            }
            return null;
        } catch (JsonFileException e) {
            String where = e.path().isEmpty() ? "" : e.path() + ": ";
            // Each line is a one-line document: its "line 1, column N" is just the column.
            return where + e.expected().replaceFirst("^line 1, column", "column");
        }
    }

    /** Records a warning for a skipped line; returns the first line not named individually. */
    private int note(List<String> warnings, int skipped, int firstUnnamed, int lineNo, String problem) {
        if (warnings == null) {
            return firstUnnamed;
        }
        if (skipped <= MAX_WARNINGS) {
            warnings.add(file + ": line " + lineNo + " skipped: " + problem);
            return firstUnnamed;
        }
        return firstUnnamed == 0 ? lineNo : firstUnnamed;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The alert as one line of JSON (no newline): control characters in text are escaped. */
    static String json(Alert a) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeNumberField("timeMillis", a.timeMillis());
            g.writeStringField("kind", a.kind().name());
            g.writeStringField("asOf", a.asOf());
            g.writeStringField("subject", a.subject());
            g.writeStringField("previous", a.previous());
            g.writeStringField("current", a.current());
            number(g, "value", a.value());
            number(g, "threshold", a.threshold());
            g.writeStringField("source", a.source());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an alert as JSON", e);
        }
        return text.toString();
    }

    /** A number, or null when absent or not finite (JSON has no NaN). */
    private static void number(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null || !Double.isFinite(value)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    /**
     * One line as read: every key of an {@link Alert} plus the format version. Required keys are
     * checked here, so a line missing one is named with the key.
     */
    record Line(Integer v, Long timeMillis, String kind, String asOf, String subject, String previous,
            String current, Double value, Double threshold, String source) {

        private static final List<String> KINDS = Arrays.stream(Alert.Kind.values()).map(Enum::name).toList();

        Line {
            JsonValueException.required("v", v, "the format version " + VERSION);
            if (v != VERSION) {
                throw new JsonValueException("v", "format version " + VERSION
                        + (v > VERSION ? " (this line was written by a newer Tideline)" : ""), v);
            }
            JsonValueException.required("timeMillis", timeMillis, "a time in epoch milliseconds");
            JsonValueException.oneOf("kind", kind, KINDS);
            JsonValueException.required("asOf", asOf, "a day such as 2026-07-23");
            JsonValueException.required("subject", subject, "a text");
            JsonValueException.required("previous", previous, "a text");
            JsonValueException.required("current", current, "a text");
        }

        Alert alert() {
            return new Alert(timeMillis, Alert.Kind.valueOf(kind), asOf, subject, previous, current, value,
                    threshold, source);
        }
    }
}
