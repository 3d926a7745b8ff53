package io.tideline.api.feed;

import java.util.List;
import java.util.Objects;

/**
 * One feed as the scheduler knows it.
 *
 * @param source the connector's source, e.g. {@code fred}
 * @param health its health: state, last success, last error
 * @param series how many series it offers (0 when the connector fails to say)
 * @param nextRunMillis when it refreshes next, epoch ms UTC; 0 when it refreshes on demand only
 *     (a headless command) or is not scheduled yet
 * @param staleSeries the ids of its series whose newest stored bar is stale by the series'
 *     cadence ({@link io.tideline.api.series.Freshness#staleAge}), in order
 * @since 1.1
 */
public record ScheduledFeed(String source, FeedHealth health, int series, long nextRunMillis,
        List<String> staleSeries) {

    /** Rejects null parts and copies the stale series. */
    public ScheduledFeed {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(health, "health");
        staleSeries = List.copyOf(staleSeries);
    }
}
