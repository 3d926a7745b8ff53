package io.tideline.feed.fred;

import static io.tideline.feed.http.JsonErrors.at;
import static io.tideline.feed.http.JsonErrors.firstLine;
import static io.tideline.feed.http.JsonErrors.path;
import static io.tideline.feed.http.JsonErrors.where;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.feed.http.Printable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the JSON of FRED's {@code fred/series/observations} into {@link SeriesData}: all or
 * nothing, with a message naming the series, the URL and the place of the first problem.
 */
final class FredJson {

    // Thread-safe once configured; shared by every parse.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    /** The document, as FRED documents it; fields Tideline does not use are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Observations(String observation_start, String observation_end, Integer count, Integer offset,
            Integer limit, List<Observation> observations) {
    }

    /** One observation; {@code value} is a decimal number or {@code "."} when missing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Observation(String realtime_start, String realtime_end, String date, String value) {
    }

    private FredJson() {
    }

    /**
     * Parses a 200 answer.
     *
     * @param url the URL it came from, already redacted
     * @throws FeedException naming the series, the URL and what was wrong
     */
    static SeriesData parse(SeriesId series, String body, String url, long fromMillis, long toMillis)
            throws FeedException {
        Observations doc;
        try {
            doc = MAPPER.readValue(body, Observations.class);
        } catch (JsonEOFException e) {
            throw bad(series, url, "the JSON ended early" + at(e.getLocation())
                    + " (expected the rest of the observations document; the answer may have been cut off)", true, e);
        } catch (MismatchedInputException e) {
            throw bad(series, url, "the JSON has the wrong shape at " + path(e) + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()), false, e);
        } catch (JsonProcessingException e) {
            throw bad(series, url, "the body is not valid JSON" + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()), false, e);
        }
        if (doc == null || doc.observations() == null) {
            throw bad(series, url, "the JSON has no 'observations' array (expected FRED's series/observations "
                    + "document)", false, null);
        }
        List<Observation> list = doc.observations();
        if (doc.count() != null && doc.count() > list.size() && (doc.limit() == null || list.size() < doc.limit())) {
            throw bad(series, url, "the JSON announces " + doc.count() + " observations (count) and holds only "
                    + list.size() + " (the answer looks cut off)", true, null);
        }
        DailyColumns columns = new DailyColumns(fromMillis, toMillis);
        for (int i = 0; i < list.size(); i++) {
            Observation o = list.get(i);
            String where = "observations[" + i + "]";
            if (o == null || o.date() == null || o.value() == null) {
                throw bad(series, url, where + " lacks 'date' or 'value'", false, null);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(o.date());
            } catch (DateTimeParseException e) {
                throw bad(series, url, where + ".date is '" + Printable.shortened(o.date(), 80) + "', expected YYYY-MM-DD", false, e);
            }
            if (!columns.inOrder(date)) {
                throw bad(series, url, where + ".date " + date + " does not come after the date before it "
                        + "(expected ascending dates)", false, null);
            }
            if (!".".equals(o.value())) {
                columns.add(date, FredValues.parse(o.value(), () -> bad(series, url, where + ".value is '"
                        + Printable.shortened(o.value(), 80) + "' on " + date + ", expected a number or '.' for a missing value", false, null)));
            }
        }
        return columns.toSeriesData();
    }

    static FeedException bad(SeriesId series, String url, String what, boolean retryable, Throwable cause) {
        return new FeedException(series, "FRED answered HTTP 200 from " + url + " but " + what, retryable, cause);
    }
}
