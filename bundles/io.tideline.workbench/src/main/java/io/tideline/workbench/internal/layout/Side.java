package io.tideline.workbench.internal.layout;

/** Where a dragged view lands relative to a target stack. */
public enum Side {
    /** As a tab in the stack. */
    CENTER,
    /** In a new stack left of it. */
    LEFT,
    /** In a new stack right of it. */
    RIGHT,
    /** In a new stack above it. */
    TOP,
    /** In a new stack below it. */
    BOTTOM
}
