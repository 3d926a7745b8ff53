package io.tideline.workbench.internal.layout;

/** A window's position and size in display pixels. */
public record Bounds(int x, int y, int width, int height) {

    /** Rejects an empty size. */
    public Bounds {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a window needs a positive size, not " + width + "x" + height);
        }
    }

    /**
     * These bounds moved and shrunk as little as needed to lie inside the area {@code (ax, ay,
     * aw, ah)} (a monitor's client area, without panels and docks): a layout saved on a larger
     * screen must not open with its status bar below the bottom edge.
     */
    public Bounds within(int ax, int ay, int aw, int ah) {
        if (aw <= 0 || ah <= 0) {
            return this;
        }
        int w = Math.min(width, aw);
        int h = Math.min(height, ah);
        int nx = Math.max(ax, Math.min(x, ax + aw - w));
        int ny = Math.max(ay, Math.min(y, ay + ah - h));
        return new Bounds(nx, ny, w, h);
    }
}
