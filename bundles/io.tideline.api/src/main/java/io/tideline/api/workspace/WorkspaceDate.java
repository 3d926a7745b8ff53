package io.tideline.api.workspace;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The workspace's as-of date: the day the checklist, the scenarios and the views show when the
 * user asks for no day in particular. Unset, they show the newest data. The sample workspace sets
 * it to its own date (a day on which every core role has fresh data), so that a new user sees a
 * whole verdict before any feed has run; {@code asof latest} clears it. Persisted with the
 * workspace; every change posts {@link #TOPIC_CHANGED}. Thread-safe.
 *
 * @since 1.1
 */
@ProviderType
public interface WorkspaceDate {

    /** EventAdmin topic posted after the as-of date was set or cleared; property {@code asOf} (empty when cleared). */
    String TOPIC_CHANGED = "io/tideline/workspace/ASOF_CHANGED";

    /** The reason recorded when the sample workspace pins its own date; views call that day the sample date. */
    String SAMPLE_REASON = "the sample's date";

    /**
     * A day the workspace is pinned to, and why.
     *
     * @param day the day; only data up to its end is read
     * @param reason a few words for the user, e.g. {@code the sample's date} or {@code set by you}
     */
    record Pinned(LocalDate day, String reason) {

        /** Checks that both parts are given and the reason is one short line. */
        public Pinned {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank() || reason.length() > 80 || reason.contains("\n")) {
                throw new IllegalArgumentException("the reason for an as-of date is one line of at most 80 characters");
            }
        }
    }

    /** The day the workspace is pinned to, or empty for the newest data. */
    Optional<Pinned> pinned();

    /**
     * Pins the workspace to a day and saves it.
     *
     * @throws IOException if the workspace file cannot be written; the date is then unchanged
     */
    void pin(Pinned pinned) throws IOException;

    /**
     * Unpins the workspace: the newest data from now on.
     *
     * @return whether a day was pinned
     * @throws IOException if the workspace file cannot be removed; the date is then unchanged
     */
    boolean clear() throws IOException;
}
