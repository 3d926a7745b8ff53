package io.tideline.views.chart.kit;

import java.text.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pane should show, without a widget: its name, axes, options and {@link Layer}s. A view
 * describes its panes with specs after every load; {@link PaneGroup#reconcile} then either hands
 * the new data to the panes already shown (when the structure is the same) or builds new
 * {@link Pane}s from the specs. Same fluent options as {@link Pane}. UI thread only.
 */
public final class PaneSpec {

    final String title;
    final String yTitle;
    int weight = 1;
    int rank;
    /** Whether {@link #normalised(boolean, String)} was called; the pane is left as created otherwise. */
    boolean normalisedSet;
    boolean normalised;
    String percentTitle;
    boolean log;
    Format yFormat;
    /** Titles of the secondary (right) y-axes in creation order; layer axis {@code k + 1} is the k-th. */
    final List<String> secondaryAxes = new ArrayList<>();
    String message;
    final List<Layer> layers = new ArrayList<>();

    /** A pane named {@code title} with {@code yTitle} (keep it short: a unit) on its left axis. */
    public PaneSpec(String title, String yTitle) {
        this.title = title;
        this.yTitle = yTitle;
    }

    /** The share of the group's height (see {@link Pane#weight(int)}). */
    public PaneSpec weight(int w) {
        weight = Math.max(1, w);
        return this;
    }

    /** The importance when the view is too short for every pane (see {@link Pane#rank(int)}). */
    public PaneSpec rank(int r) {
        rank = r;
        return this;
    }

    /** Rebases the layers that allow it to 100 at the first visible bar (see {@link Pane#normalised}). */
    public PaneSpec normalised(boolean on, String title) {
        normalisedSet = true;
        normalised = on;
        percentTitle = title;
        return this;
    }

    /** Log scale (see {@link Pane#log(boolean)}). */
    public PaneSpec log(boolean on) {
        log = on;
        return this;
    }

    /** The primary y-axis' tick format (see {@link Pane#yFormat}). */
    public PaneSpec yFormat(Format format) {
        yFormat = format;
        return this;
    }

    /** Adds a y-axis on the right with the given title; returns the axis id to give its layers. */
    public int secondaryAxis(String axisTitle) {
        secondaryAxes.add(axisTitle);
        return secondaryAxes.size();
    }

    /** Adds a layer; its id must be unique in the pane. */
    public Layer add(Layer layer) {
        if (find(layer.id) != null) {
            throw new IllegalArgumentException("pane '" + title + "' already shows " + layer.id);
        }
        layers.add(layer);
        return layer;
    }

    /** The layer of the given id, or {@code null}. */
    public Layer find(String id) {
        for (Layer l : layers) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }

    /** A text shown in the middle of the plot (e.g. "no data for role btc.oi"), or {@code null}. */
    public PaneSpec message(String text) {
        message = text;
        return this;
    }

    /** The message, or {@code null}. */
    public String message() {
        return message;
    }

    /** The pane's name. */
    public String title() {
        return title;
    }

    /** The layers in order. */
    public List<Layer> layers() {
        return List.copyOf(layers);
    }
}
