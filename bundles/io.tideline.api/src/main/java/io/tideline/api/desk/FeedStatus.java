package io.tideline.api.desk;

import io.tideline.api.feed.FeedHealth;
import java.util.List;
import java.util.Objects;

/**
 * One feed as the feeds view lists it: a running connector of this Tideline, or, in team mode on
 * a Tideline that is not the collector, the feed as the desk's collector recorded it in the
 * shared store.
 *
 * @param source the connector's namespace, e.g. {@code fred}
 * @param offered how many series it offers as configured
 * @param health its health when asked; a connector whose {@code health()} threw is DOWN with that error
 * @param collector who recorded it (the collector, "HOST (pid N)"), or null for this Tideline's own connector
 * @param recordedMillis when the collector recorded it, epoch ms; 0 for this Tideline's own connector
 * @param staleSeries the feed's series whose newest bar is stale, as the scheduler (or the
 *        collector) found them after its last look
 * @param nextRunMillis when it refreshes next, epoch ms UTC; 0 when on demand only or not known
 */
public record FeedStatus(String source, int offered, FeedHealth health, String collector, long recordedMillis,
        List<String> staleSeries, long nextRunMillis) {

    /** Rejects null parts and copies the stale series. */
    public FeedStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(health, "health");
        staleSeries = List.copyOf(staleSeries);
    }

    /** This Tideline's own running connector, of which only the connector itself is known. */
    public FeedStatus(String source, int offered, FeedHealth health) {
        this(source, offered, health, null, 0, List.of(), 0);
    }

    /** Whether this is the collector's record rather than an own connector. */
    public boolean byCollector() {
        return collector != null;
    }
}
