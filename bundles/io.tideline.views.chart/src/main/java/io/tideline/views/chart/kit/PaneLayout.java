package io.tideline.views.chart.kit;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Layout;

/**
 * Stacks a group's panes top to bottom. Every shown pane gets a plot at least
 * {@link Pane#MIN_PLOT} px high; the rest of the height is shared by the panes' weights. When
 * the host is too short for every pane, panes with no data in the visible range go first, then
 * the least important ({@link Pane#rank()}): a hidden pane beats a pane with no room to plot.
 * Only the bottom pane shows the time axis' tick labels (the panes share one time axis), and the
 * panes' plot areas are aligned horizontally, whatever the widths of their y-axis labels, so one
 * time is at one x in every pane.
 */
final class PaneLayout extends Layout {

    /** Chart chrome above and below a plot without time labels (SWTChart's margins). */
    static final int CHROME = 12;

    private final PaneGroup group;

    PaneLayout(PaneGroup group) {
        this.group = group;
    }

    @Override
    protected Point computeSize(Composite composite, int wHint, int hHint, boolean flushCache) {
        int h = 0;
        for (Pane p : group.panes) {
            h += Pane.MIN_PLOT + CHROME;
        }
        return new Point(wHint > 0 ? wHint : 400, hHint > 0 ? hHint : h + timeAxisHeight(composite));
    }

    /** The height the time axis' tick labels add to the bottom pane. */
    static int timeAxisHeight(Composite composite) {
        GC gc = new GC(composite);
        try {
            return gc.getFontMetrics().getHeight() + 14;
        } finally {
            gc.dispose();
        }
    }

    @Override
    protected void layout(Composite composite, boolean flushCache) {
        Rectangle area = composite.getClientArea();
        List<Pane> shown = new ArrayList<>(group.panes);
        int axis = timeAxisHeight(composite);
        while (shown.size() > 1 && shown.size() * (Pane.MIN_PLOT + CHROME) + axis > area.height) {
            shown.remove(leastUseful(shown));
        }
        int n = shown.size();
        int[] heights = new int[n];
        if (n > 0) {
            distribute(shown, area.height - axis, heights);
            heights[n - 1] += axis;
        }
        for (Pane p : group.panes) {
            boolean on = shown.contains(p);
            p.timeLabels(on && p == shown.get(n - 1));
            if (p.chart.getVisible() != on) {
                p.chart.setVisible(on);
            }
        }
        int y = area.y;
        for (int k = 0; k < n; k++) {
            Pane p = shown.get(k);
            if (!resize(p, area.x, y, area.width, heights[k])) {
                p.chart.updateLayout();
            }
            // A title shown or hidden changes the plot's size: lay the chart out again then only.
            if (p.fitAxisTitles()) {
                p.chart.updateLayout();
            }
            y += heights[k];
        }
        align(shown, area);
    }

    /**
     * Sets the chart's bounds; returns whether its size changed, in which case the chart already
     * laid itself out (SWTChart's {@code Chart} does on {@code SWT.Resize}, sent by setBounds).
     */
    private static boolean resize(Pane p, int x, int y, int width, int height) {
        Rectangle old = p.chart.getBounds();
        p.chart.setBounds(x, y, width, height);
        Rectangle now = p.chart.getBounds();
        return now.width != old.width || now.height != old.height;
    }

    /** The pane to hide first: empty in the visible range, then the highest rank, then the lowest. */
    private static Pane leastUseful(List<Pane> shown) {
        // The first pane (the price) is the reason the view exists: it is never hidden.
        Pane worst = shown.get(shown.size() - 1);
        for (int k = 1; k < shown.size(); k++) {
            Pane p = shown.get(k);
            if ((p.emptyInRange() && !worst.emptyInRange())
                    || (p.emptyInRange() == worst.emptyInRange() && p.rank() > worst.rank())) {
                worst = p;
            }
        }
        return worst;
    }

    /** Heights by weight, none below the minimum (a pane held at the minimum leaves the share). */
    private static void distribute(List<Pane> shown, int total, int[] out) {
        int n = shown.size();
        int min = Pane.MIN_PLOT + CHROME;
        boolean[] fixed = new boolean[n];
        int left = total;
        boolean changed = true;
        while (changed) {
            changed = false;
            int weights = 0;
            int free = left;
            for (int k = 0; k < n; k++) {
                if (!fixed[k]) {
                    weights += shown.get(k).weight();
                }
            }
            for (int k = 0; k < n; k++) {
                if (!fixed[k] && (long) free * shown.get(k).weight() / Math.max(1, weights) < min) {
                    fixed[k] = true;
                    out[k] = min;
                    left -= min;
                    changed = true;
                }
            }
        }
        int weights = 0;
        for (int k = 0; k < n; k++) {
            if (!fixed[k]) {
                weights += shown.get(k).weight();
            }
        }
        int given = 0;
        int lastFree = -1;
        for (int k = 0; k < n; k++) {
            if (!fixed[k]) {
                out[k] = (int) ((long) left * shown.get(k).weight() / Math.max(1, weights));
                given += out[k];
                lastFree = k;
            }
        }
        if (lastFree >= 0) {
            out[lastFree] += left - given;
        }
    }

    /**
     * Insets each chart so that all plot areas start and end at the same x: the widest left
     * axis and the widest right axis set the plot's edges for every pane.
     */
    private static void align(List<Pane> shown, Rectangle area) {
        int n = shown.size();
        if (n < 2) {
            return;
        }
        // A narrower chart can get other y-axis labels (and widths): repeat until it holds.
        for (int pass = 0; pass < 4; pass++) {
            int maxLeft = Integer.MIN_VALUE;
            int minRight = Integer.MAX_VALUE;
            for (Pane p : shown) {
                Rectangle b = p.chart.getBounds();
                Rectangle plot = p.chart.getPlotArea().getBounds();
                maxLeft = Math.max(maxLeft, b.x + plot.x);
                minRight = Math.min(minRight, b.x + plot.x + plot.width);
            }
            boolean moved = false;
            for (Pane p : shown) {
                Rectangle b = p.chart.getBounds();
                Rectangle plot = p.chart.getPlotArea().getBounds();
                int dx = maxLeft - (b.x + plot.x);
                int dr = b.x + plot.x + plot.width - minRight;
                if (dx != 0 || dr != 0) {
                    if (!resize(p, b.x + dx, b.y, b.width - dx - dr, b.height)) {
                        p.chart.updateLayout();
                    }
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
    }
}
