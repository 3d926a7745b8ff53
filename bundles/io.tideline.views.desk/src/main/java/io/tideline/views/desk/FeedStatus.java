package io.tideline.views.desk;

import io.tideline.api.feed.FeedHealth;
import java.util.Objects;

/**
 * One running feed connector as the feeds view lists it.
 *
 * @param source the connector's namespace, e.g. {@code fred}
 * @param offered how many series it offers as configured
 * @param health its health when asked; a connector whose {@code health()} threw is DOWN with that error
 */
public record FeedStatus(String source, int offered, FeedHealth health) {

    /** Rejects null parts. */
    public FeedStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(health, "health");
    }
}
