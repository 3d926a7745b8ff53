package io.tideline.example.feed;

import io.tideline.api.feed.FetchRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Step 1 of 3, the query parameters: what to ask the service for, in its own terms. Holds no
 * credential, so its URL may appear in any message; the key travels in a header.
 *
 * @param symbol the service's symbol
 * @param start the first day wanted, inclusive
 * @param end the last day wanted, inclusive, not before {@code start}
 */
record DailyQuery(String symbol, LocalDate start, LocalDate end) {

    /** Milliseconds in a UTC day; daily bars sit at midnight UTC of their date. */
    static final long DAY_MILLIS = 86_400_000L;

    DailyQuery {
        Objects.requireNonNull(symbol, "symbol");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("query for " + symbol + ": end " + end + " is before start " + start);
        }
    }

    /**
     * The days a fetch request covers: from the first midnight at or after its start to the day
     * of its end; {@code null} when no midnight falls inside the range.
     */
    static DailyQuery of(FetchRequest request) {
        LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(request.fromMillis() + DAY_MILLIS - 1, DAY_MILLIS));
        LocalDate end = LocalDate.ofEpochDay(Math.floorDiv(request.toMillis(), DAY_MILLIS));
        return start.isAfter(end) ? null : new DailyQuery(request.series().symbol(), start, end);
    }

    /** {@code {base}/v1/daily?symbol=..&start=YYYY-MM-DD&end=YYYY-MM-DD}. */
    URI uri(URI base) {
        return URI.create(base + "/v1/daily?symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "&start="
                + start + "&end=" + end);
    }
}
