package io.tideline.api.store;

import io.tideline.api.feed.FeedHealth;
import java.util.List;
import java.util.Objects;

/**
 * One feed's health as the desk's collector recorded it in a shared store (team mode), so that
 * the workbenches, which run no feeds themselves, show the collector's record instead of their
 * own idle connectors.
 *
 * @param source the feed's source, e.g. {@code fred}
 * @param health its health at the collector: state, last success, last error with its message
 * @param series how many series the feed offers at the collector
 * @param nextRunMillis when the collector refreshes it next, epoch ms UTC, or 0 when it refreshes
 *     on demand only
 * @param staleSeries the ids of the feed's series whose newest stored bar is stale by the
 *     series' cadence (see {@link io.tideline.api.series.Freshness#staleAge}), in order
 * @param collector which Tideline recorded it (host name and process id), for the user
 * @param recordedMillis when the collector recorded it, epoch ms UTC (the collector's clock)
 * @since 1.2
 */
public record RecordedFeed(String source, FeedHealth health, int series, long nextRunMillis, List<String> staleSeries,
        String collector, long recordedMillis) {

    /** Rejects null parts, negative counts and times, and copies the stale series. */
    public RecordedFeed {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(collector, "collector");
        if (series < 0) {
            throw new IllegalArgumentException("series must not be negative: " + series);
        }
        if (nextRunMillis < 0 || recordedMillis < 0) {
            throw new IllegalArgumentException("times must not be negative: next run " + nextRunMillis
                    + ", recorded " + recordedMillis);
        }
        staleSeries = List.copyOf(staleSeries);
    }
}
