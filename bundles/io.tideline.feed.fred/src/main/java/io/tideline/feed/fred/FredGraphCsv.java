package io.tideline.feed.fred;

import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.feed.http.Redaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads FRED's key-less download {@code graph/fredgraph.csv}: a header {@code observation_date,ID}
 * (older files: {@code DATE,ID}), then one {@code YYYY-MM-DD,value} line per day, a missing
 * value written empty or {@code "."}. All or nothing, with a message naming the series, the URL,
 * the line and what was expected.
 */
final class FredGraphCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private FredGraphCsv() {
    }

    /**
     * Parses a 200 answer.
     *
     * @param url the URL it came from, already redacted
     * @throws FeedException naming the series, the URL, the line and what was wrong
     */
    static SeriesData parse(SeriesId series, String body, String url, long fromMillis, long toMillis)
            throws FeedException {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        String fredId = series.symbol();
        String expectedHeader = "observation_date," + fredId;
        DailyColumns columns = new DailyColumns(fromMillis, toMillis);
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw bad(series, url, "the CSV is empty (expected the header '" + expectedHeader + "')");
            }
            CSVRecord header = records.next();
            if (header.size() != 2 || !(header.get(0).equalsIgnoreCase("observation_date")
                    || header.get(0).equalsIgnoreCase("DATE")) || !header.get(1).trim().equalsIgnoreCase(fredId)) {
                throw bad(series, url, "line 1 is '" + Redaction.redact(abbreviate(String.join(",", header)))
                        + "', expected the header '" + expectedHeader + "' (or 'DATE," + fredId + "')");
            }
            while (records.hasNext()) {
                CSVRecord r = records.next();
                long line = r.getRecordNumber(); // the header is record 1, as it is line 1
                if (r.size() != 2) {
                    throw bad(series, url, "line " + line + " has " + r.size() + " field(s) '"
                            + Redaction.redact(abbreviate(String.join(",", r))) + "', expected 'YYYY-MM-DD,value'");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(r.get(0).trim());
                } catch (DateTimeParseException e) {
                    throw new FeedException(series, message(url, "line " + line + " has the date '"
                            + Redaction.redact(abbreviate(r.get(0))) + "', expected YYYY-MM-DD"), false, e);
                }
                if (!columns.inOrder(date)) {
                    throw bad(series, url, "line " + line + " has the date " + date
                            + ", which does not come after the line before (expected ascending dates)");
                }
                String value = r.get(1).trim();
                if (!value.isEmpty() && !".".equals(value)) {
                    columns.add(date, FredValues.parse(value, () -> bad(series, url, "line " + line + " has the value '"
                            + Redaction.redact(abbreviate(value)) + "' on " + date
                            + ", expected a number, or empty or '.' for a missing value")));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new FeedException(series, message(url, "the CSV cannot be read: " + Redaction.redact(e.getMessage())),
                    false, e);
        }
        return columns.toSeriesData();
    }

    private static FeedException bad(SeriesId series, String url, String what) {
        return new FeedException(series, message(url, what), false, null);
    }

    private static String message(String url, String what) {
        return "FRED answered HTTP 200 from " + url + " but " + what;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "...";
    }
}
