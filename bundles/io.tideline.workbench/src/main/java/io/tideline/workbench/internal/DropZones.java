package io.tideline.workbench.internal;

import io.tideline.workbench.internal.layout.Side;

/**
 * Where a tab dropped at a point lands: on the tab row or the middle of a stack it joins the
 * stack; within the outer quarter of an edge it splits the stack on that side. Pure geometry.
 */
final class DropZones {

    static final double EDGE = 0.25;

    private DropZones() {
    }

    /**
     * The side for a drop at {@code (px, py)} in a stack whose bounds are {@code (x, y, w, h)}
     * with a tab row of {@code tabHeight} pixels at the top.
     */
    static Side side(int x, int y, int w, int h, int tabHeight, int px, int py) {
        if (py < y + tabHeight) {
            return Side.CENTER;
        }
        double fx = (px - x) / (double) Math.max(1, w);
        double fy = (py - y - tabHeight) / (double) Math.max(1, h - tabHeight);
        double left = fx;
        double right = 1 - fx;
        double top = fy;
        double bottom = 1 - fy;
        double min = Math.min(Math.min(left, right), Math.min(top, bottom));
        if (min >= EDGE) {
            return Side.CENTER;
        }
        if (min == left) {
            return Side.LEFT;
        }
        if (min == right) {
            return Side.RIGHT;
        }
        return min == top ? Side.TOP : Side.BOTTOM;
    }
}
