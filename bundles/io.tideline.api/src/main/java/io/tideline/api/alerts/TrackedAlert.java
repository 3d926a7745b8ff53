package io.tideline.api.alerts;

import java.util.Map;
import java.util.Objects;

/**
 * An alert with where it got to.
 *
 * @param alert the alert
 * @param states per channel by name ({@code banner}, {@code webhook}, {@code command}):
 *        {@code delivered}, or {@code failed: REASON}; a channel not yet tried is absent
 */
public record TrackedAlert(Alert alert, Map<String, String> states) {

    /** Copies the states. */
    public TrackedAlert {
        Objects.requireNonNull(alert, "alert");
        states = Map.copyOf(states);
    }
}
