package io.tideline.api.feed;

import java.util.Objects;

/**
 * The health of a feed as the workbench shows it.
 *
 * @param state the overall state
 * @param lastSuccessMillis when the last fetch succeeded, epoch ms UTC, or 0 if never
 * @param lastError the last error in words (never containing credentials), or {@code null}
 */
public record FeedHealth(State state, long lastSuccessMillis, String lastError) {

    /** Overall state of a feed. */
    public enum State {
        /** Fetches succeed. */
        UP,
        /** Some fetches fail or are rate-limited. */
        DEGRADED,
        /** Fetches fail. */
        DOWN,
        /** Nothing fetched yet. */
        UNKNOWN
    }

    /** Rejects a null state. */
    public FeedHealth {
        Objects.requireNonNull(state, "state");
    }

    /** The health of a feed that has not fetched yet. */
    public static FeedHealth unknown() {
        return new FeedHealth(State.UNKNOWN, 0L, null);
    }
}
