package io.tideline.workbench.internal.layout;

/** A window's position and size in display pixels. */
public record Bounds(int x, int y, int width, int height) {

    /** Rejects an empty size. */
    public Bounds {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a window needs a positive size, not " + width + "x" + height);
        }
    }
}
