package io.tideline.regime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled episodes {@code check score} measures against: a CSV file with the header
 * {@code start,end,kind}, one window per line ({@code YYYY-MM-DD}, both ends inclusive) of kind
 * {@code risk-off}, {@code crypto-only} or {@code calm}; lines starting with {@code #} are
 * comments (the reasoning behind a window). Windows must not overlap. Immutable.
 *
 * @param file the file's name, for messages
 * @param labels the windows, in date order
 */
record Labels(String file, List<Label> labels) {

    /** The kinds of window, as written in the file. */
    enum Kind {
        RISK_OFF("risk-off"), CRYPTO_ONLY("crypto-only"), CALM("calm");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** As written in the file. */
        String text() {
            return text;
        }

        static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.text.equals(text)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * One labelled window.
     *
     * @param start first day
     * @param end last day, not before {@code start}
     * @param kind what the market did
     * @param line the line of the file it came from
     */
    record Label(LocalDate start, LocalDate end, Kind kind, int line) {
    }

    /** A refused labels file: the message is {@code file:line: what is wrong and what was expected}. */
    static final class LabelsException extends Exception {
        private static final long serialVersionUID = 1L;

        LabelsException(String file, long line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    Labels {
        labels = List.copyOf(labels);
    }

    /** The first day of the earliest window. */
    LocalDate first() {
        return labels.get(0).start();
    }

    /** The last day of the latest window. */
    LocalDate last() {
        return labels.stream().map(Label::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Reads and checks a labels file; refuses it whole at the first fault. */
    static Labels read(Path path) throws LabelsException {
        String name = path.toString();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(name, in);
        } catch (IOException | UncheckedIOException e) {
            throw new LabelsException(name, 0, "cannot read the file (" + e.getMessage() + ")");
        }
    }

    /** Reads and checks labels from {@code in}; {@code name} names the file in messages. */
    static Labels read(String name, Reader in) throws LabelsException, IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true)
                .get();
        List<Label> out = new ArrayList<>();
        boolean header = false;
        try (CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (!header) {
                    List<String> cells = rec.toList().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                    if (!cells.equals(List.of("start", "end", "kind"))) {
                        throw new LabelsException(name, line, "expected the header start,end,kind, got "
                                + String.join(",", rec.toList()));
                    }
                    header = true;
                    continue;
                }
                if (rec.size() != 3) {
                    throw new LabelsException(name, line, "expected 3 fields start,end,kind, got " + rec.size());
                }
                LocalDate start = date(name, line, "start", rec.get(0));
                LocalDate end = date(name, line, "end", rec.get(1));
                if (end.isBefore(start)) {
                    throw new LabelsException(name, line, "end " + end + " is before start " + start
                            + ": expected start <= end");
                }
                Kind kind = Kind.parse(rec.get(2));
                if (kind == null) {
                    throw new LabelsException(name, line, "unknown kind '" + rec.get(2)
                            + "': expected risk-off, crypto-only or calm");
                }
                out.add(new Label(start, end, kind, (int) line));
            }
        } catch (UncheckedIOException e) {
            throw new LabelsException(name, 0, "expected valid CSV (" + e.getMessage() + ")");
        }
        if (!header) {
            throw new LabelsException(name, 1, "no labels: expected the header start,end,kind and one window per line");
        }
        if (out.isEmpty()) {
            throw new LabelsException(name, 1, "no labels: expected at least one line start,end,kind after the header");
        }
        List<Label> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Label::start));
        for (int i = 1; i < sorted.size(); i++) {
            Label a = sorted.get(i - 1);
            Label b = sorted.get(i);
            if (!b.start().isAfter(a.end())) {
                Label later = a.line() > b.line() ? a : b;
                Label earlier = later == a ? b : a;
                throw new LabelsException(name, later.line(), later.start() + ".." + later.end() + " overlaps "
                        + earlier.start() + ".." + earlier.end() + " of line " + earlier.line()
                        + ": expected windows that do not overlap");
            }
        }
        return new Labels(name, sorted);
    }

    private static LocalDate date(String file, long line, String field, String text) throws LabelsException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new LabelsException(file, line, field + " '" + text + "' is not a date: expected YYYY-MM-DD");
        }
    }
}
