package io.tideline.api.feed;

import io.tideline.api.series.SeriesId;
import java.util.Objects;

/**
 * A request for the history of one series over a closed time range.
 *
 * @param series the series, as offered by the connector
 * @param fromMillis first timestamp wanted, epoch milliseconds UTC, inclusive
 * @param toMillis last timestamp wanted, epoch milliseconds UTC, inclusive
 */
public record FetchRequest(SeriesId series, long fromMillis, long toMillis) {

    /** Rejects a null series and an inverted range. */
    public FetchRequest {
        Objects.requireNonNull(series, "series");
        if (fromMillis > toMillis) {
            throw new IllegalArgumentException("fetch of " + series + ": range is inverted (from "
                    + fromMillis + " > to " + toMillis + ")");
        }
    }
}
