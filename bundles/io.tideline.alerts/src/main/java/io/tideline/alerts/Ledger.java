package io.tideline.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tideline.api.alerts.Alert;
import io.tideline.support.json.JsonFileException;
import io.tideline.support.json.JsonValueException;
import io.tideline.support.json.StrictJsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.List;
import java.util.Objects;

/**
 * The delivery ledger ({@code DATA_DIR/workspace/alerts.jsonl}): one JSON object per line and per
 * state change of an alert, appended, never edited: {@code fired} (with the whole alert), then per
 * channel {@code delivered} or {@code failed} with the reason.
 *
 * <ul>
 * <li>An append is one write of one whole line, forced to disk; a crash leaves at most an
 *     incomplete last line, which is ended with a newline before the next append so it cannot
 *     swallow it.</li>
 * <li>{@link #load} returns the newest {@code keep} readable entries. A line that is not an entry
 *     (bad JSON, unknown state, missing field, newer version) is skipped with a warning naming the
 *     file and line; lines of format version 1 (the alert log the desk views of earlier versions
 *     kept in this file) are passed over silently.</li>
 * <li>Past {@code maxLines} ledger lines the file is rewritten with its newest {@code keep}
 *     entries (a temporary file forced to disk, then moved over the old one), the version 1
 *     lines kept as they were, before them.</li>
 * </ul>
 *
 * The only writer of the file: the desk views show what the {@link io.tideline.api.alerts.Alerts}
 * service reads from here. Thread-safe within one process (every method is synchronized); not
 * for the UI thread.
 */
final class Ledger {

    /** The file's name under {@code DATA_DIR/workspace}. */
    static final String FILE_NAME = "alerts.jsonl";
    /** The format version of a ledger line ({@code 1} are the old desk views' alert lines, passed over). */
    static final int VERSION = 2;
    /** Individual warnings per read; the rest are counted in one more. */
    static final int MAX_WARNINGS = 10;
    /** A longer line is not an entry. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** A state an alert reaches. */
    enum State {
        /** A rule fired; the line carries the alert. */
        FIRED,
        /** A channel delivered it. */
        DELIVERED,
        /** A channel gave up on it; the line carries the reason. */
        FAILED;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One line of the ledger.
     *
     * @param timeMillis when the state was reached, epoch ms UTC
     * @param alertId the alert's id
     * @param state the state
     * @param channel the channel for delivered/failed, else {@code null}
     * @param reason why it failed, else {@code null}
     * @param alert the alert on a {@code fired} line, else {@code null}
     */
    record Entry(long timeMillis, String alertId, State state, String channel, String reason, Alert alert) {

        Entry {
            Objects.requireNonNull(alertId, "alertId");
            Objects.requireNonNull(state, "state");
            if ((state == State.FIRED) != (alert != null)) {
                throw new IllegalArgumentException("a fired line, and only it, carries the alert");
            }
        }
    }

    /**
     * What {@link #load} found.
     *
     * @param entries the newest readable entries, oldest first
     * @param warnings one per skipped line (at most {@link #MAX_WARNINGS}, then one counting the rest)
     */
    record Loaded(List<Entry> entries, List<String> warnings) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final StrictJsonReader<Line> READER = StrictJsonReader.of(Line.class,
            "a JSON object with v, t, alert, state and, on a fired line, the alert's fields");

    private final Path file;
    private final int keep;
    private final int maxLines;
    private int lines = -1;
    private boolean openTail;

    Ledger(Path file, int keep, int maxLines) {
        if (keep < 1 || maxLines < keep) {
            throw new IllegalArgumentException("need 1 <= keep <= maxLines, got " + keep + ", " + maxLines);
        }
        this.file = Objects.requireNonNull(file, "file");
        this.keep = keep;
        this.maxLines = maxLines;
    }

    Path path() {
        return file;
    }

    /** The newest readable entries with a warning per skipped line. Never throws. */
    synchronized Loaded load() {
        List<String> warnings = new ArrayList<>();
        try {
            Scan scan = scan(warnings);
            lines = scan.lines;
            openTail = scan.openTail;
            return new Loaded(List.copyOf(scan.entries), List.copyOf(warnings));
        } catch (IOException e) {
            warnings.add(file + ": cannot be read, no earlier alerts are known (" + reason(e) + ")");
            return new Loaded(List.of(), List.copyOf(warnings));
        }
    }

    /** Why the file could not be read, in words rather than the exception's Java class. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied; check the file's owner and mode";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /** Appends one entry as one line forced to disk, compacting the file when it has grown too long. */
    synchronized void append(Entry entry) throws IOException {
        byte[] line = (json(entry) + "\n").getBytes(UTF_8);
        if (lines < 0) {
            Scan scan = scan(null);
            lines = scan.lines;
            openTail = scan.openTail;
        }
        if (openTail) {
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
        }
    }

    private void compact() throws IOException {
        Scan scan = scan(null);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder(scan.entries.size() * 200);
        for (String line : scan.view) {
            text.append(line).append('\n');
        }
        for (Entry e : scan.entries) {
            text.append(json(e)).append('\n');
        }
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeAll(out, text.toString().getBytes(UTF_8), true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        lines = scan.entries.size();
        openTail = false;
    }

    private static void writeAll(FileChannel out, byte[] bytes, boolean metadata) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        out.force(metadata);
    }

    /** What a pass found; {@code lines} counts the ledger's own lines, {@code view} holds the version 1 lines. */
    private record Scan(ArrayDeque<Entry> entries, List<String> view, int lines, boolean openTail) {
    }

    /** Reads the file split on {@code \n} bytes, so that a bad byte spoils one line only. */
    private Scan scan(List<String> warnings) throws IOException {
        ArrayDeque<Entry> entries = new ArrayDeque<>();
        List<String> view = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Scan(entries, view, 0, false);
        }
        byte[] all = Files.readAllBytes(file);
        int lineNo = 0;
        int skipped = 0;
        int firstUnnamed = 0;
        int start = 0;
        boolean open = false;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            lineNo++;
            open = end == all.length;
            String problem = take(all, start, end - start, entries, view);
            if (problem != null) {
                skipped++;
                if (warnings != null && skipped <= MAX_WARNINGS) {
                    warnings.add(file + ": line " + lineNo + " skipped: "
                            + (open ? "incomplete last line (an interrupted write?), " : "") + problem);
                } else if (firstUnnamed == 0) {
                    firstUnnamed = lineNo;
                }
            }
            start = end + 1;
        }
        if (warnings != null && skipped > MAX_WARNINGS) {
            warnings.add(file + ": " + (skipped - MAX_WARNINGS) + " more unreadable lines skipped, the first at line "
                    + firstUnnamed);
        }
        return new Scan(entries, view, lineNo - view.size(), open);
    }

    /** Parses one line into {@code entries}; the problem when it is skipped, else null. */
    private String take(byte[] bytes, int from, int length, ArrayDeque<Entry> entries, List<String> view) {
        if (length > MAX_LINE_BYTES) {
            return "longer than " + MAX_LINE_BYTES + " bytes, not a ledger entry";
        }
        boolean blank = true;
        for (int i = from; i < from + length && blank; i++) {
            blank = bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r';
        }
        if (blank) {
            return null;
        }
        try {
            Line line = READER.read(file.toString(), new ByteArrayInputStream(bytes, from, length));
            if (line.v() == 1) {
                view.add(new String(bytes, from, length, UTF_8));
                return null;
            }
            entries.addLast(line.entry());
            if (entries.size() > keep) {
                entries.removeFirst();
            }
            return null;
        } catch (JsonFileException e) {
            String where = e.path().isEmpty() ? "" : e.path() + ": ";
            return where + e.expected().replaceFirst("^line 1, column", "column");
        }
    }

    /** The entry as one line of JSON (no newline). */
    static String json(Entry e) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeNumberField("t", e.timeMillis());
            g.writeStringField("alert", e.alertId());
            g.writeStringField("state", e.state().word());
            if (e.channel() != null) {
                g.writeStringField("channel", e.channel());
            }
            if (e.reason() != null) {
                g.writeStringField("reason", e.reason());
            }
            if (e.alert() != null) {
                g.writeFieldName("fired");
                AlertJson.write(g, e.alert());
            }
            g.writeEndObject();
        } catch (IOException x) {
            throw new IllegalStateException("cannot write a ledger entry as JSON", x);
        }
        return text.toString();
    }

    /**
     * One line as read. Version 1 lines are the alert log the desk views of earlier versions kept
     * in the same file: every key of theirs is accepted so that they can be recognised and passed
     * over.
     */
    record Line(Integer v, Long t, String alert, String state, String channel, String reason, AlertJson.Doc fired,
            Long timeMillis, String kind, String asOf, String subject, String previous, String current, Double value,
            Double threshold, String source) {

        private static final List<String> STATES = List.of("fired", "delivered", "failed");

        Line {
            JsonValueException.required("v", v, "the format version " + VERSION);
            if (v != VERSION && v != 1) {
                throw new JsonValueException("v", "format version " + VERSION
                        + (v > VERSION ? " (this line was written by a newer Tideline)" : ""), v);
            }
            if (v == VERSION) {
                JsonValueException.required("t", t, "a time in epoch milliseconds");
                JsonValueException.required("alert", alert, "the alert's id");
                JsonValueException.oneOf("state", state, STATES);
                if ("fired".equals(state)) {
                    JsonValueException.required("fired", fired, "the alert that fired");
                } else {
                    JsonValueException.required("channel", channel, "the channel");
                }
                if ("failed".equals(state)) {
                    JsonValueException.required("reason", reason, "why the delivery failed");
                }
            }
        }

        Entry entry() {
            State s = State.valueOf(state.toUpperCase(java.util.Locale.ROOT));
            return new Entry(t, alert, s, channel, reason, s == State.FIRED ? fired.alert() : null);
        }
    }
}
