package io.tideline.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The store's health as last established: by its opening, by the last integrity check
 * ({@code tideline --headless db check}), or by damage a read or write ran into since.
 *
 * @param status the verdict
 * @param checkedAt when the last integrity check ran, or {@code null} when none has run
 * @param problems one line per problem (series, time range, what is wrong), empty when
 *        {@code status} is {@link Status#OK} or {@link Status#UNCHECKED}
 * @since 1.1
 */
public record StoreHealth(Status status, Instant checkedAt, List<String> problems) {

    /** The verdict of a {@link StoreHealth}. */
    public enum Status {
        /** The last check found no damage, and none was met since. */
        OK,
        /** No check has run and no damage was met. */
        UNCHECKED,
        /** The last check, or a read or write since, found damage: {@code problems} says where. */
        DAMAGED,
        /** The store could not be opened: {@code problems} says why. */
        UNAVAILABLE
    }

    /** Validates the fields and copies the problems. */
    public StoreHealth {
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
    }

    /** Whether this is a problem a user must act on (damaged or unavailable). */
    public boolean isProblem() {
        return status == Status.DAMAGED || status == Status.UNAVAILABLE;
    }
}
