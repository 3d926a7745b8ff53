package io.tideline.regime.api;

import java.util.List;
import java.util.Objects;

/**
 * One step of the checklist.
 *
 * @param id {@code macro}, {@code leadership}, {@code crypto}, {@code correlation} or {@code execution}
 * @param status the step's colour
 * @param summary one line in trader words
 * @param evidence the readings behind the status, including the inputs that are missing
 */
public record Step(String id, Status status, String summary, List<Evidence> evidence) {

    /** Copies the evidence. */
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }
}
