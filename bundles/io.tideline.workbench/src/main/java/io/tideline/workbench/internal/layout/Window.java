package io.tideline.workbench.internal.layout;

import java.util.Objects;

/** A view area of its own outside the main window (a view dragged out). Immutable. */
public record Window(String id, Bounds bounds, Node root) {

    /** Rejects nulls. */
    public Window {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(root, "root");
    }
}
