package io.tideline.views.chart.kit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.KeyAdapter;
import org.eclipse.swt.events.KeyEvent;
import org.eclipse.swt.events.MouseAdapter;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.MouseTrackAdapter;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/**
 * Panes on one linked time axis: one visible range for all, one crosshair time, zoom (mouse
 * wheel, {@code +}/{@code -}), pan (drag, arrow keys), {@code Home} for everything, date-range
 * presets, and the regime bands and markers every pane paints. UI thread only.
 */
public final class PaneGroup {

    /** A shaded time span behind the series, e.g. a regime. */
    public record Band(long from, long to, Color color, String label) {
    }

    /** A vertical line at a time, e.g. a liquidation-driven day. */
    public record Marker(long time, Color color) {
    }

    /**
     * The range a view will show once a rebuild's panes are built: explicit bounds, or a preset
     * counted back from the last bar (then {@code from} and {@code to} are unused). A rebuild
     * lays each hidden pane out at it while building, so showing it costs the last turn little.
     */
    public record Target(long from, long to, Preset preset) {

        /** The range {@code from..to}, clamped to the new bars as {@link #setRange} does. */
        public static Target range(long from, long to) {
            return new Target(from, to, null);
        }

        /** A preset of the new bars. */
        public static Target of(Preset preset) {
            return new Target(0, 0, preset);
        }
    }

    /** Date-range presets, counted back from the last bar. */
    public enum Preset {
        /** One month. */
        M1("1M", 1),
        /** Three months. */
        M3("3M", 3),
        /** One year. */
        Y1("1Y", 12),
        /** Five years. */
        Y5("5Y", 60),
        /** Every bar. */
        ALL("All", 0);

        private final String label;
        private final int months;

        Preset(String label, int months) {
            this.label = label;
            this.months = months;
        }

        /** The toolbar label and settings value, e.g. {@code 1Y}. */
        public String label() {
            return label;
        }

        /** The preset of a label, or {@code null}. */
        public static Preset of(String label) {
            for (Preset p : values()) {
                if (p.label.equalsIgnoreCase(label)) {
                    return p;
                }
            }
            return null;
        }
    }

    private static final double ZOOM_IN = 0.8;

    final List<Pane> panes = new ArrayList<>();
    final List<Band> bands = new ArrayList<>();
    final List<Marker> markers = new ArrayList<>();
    private final List<Runnable> rangeListeners = new ArrayList<>();
    Long crosshair;
    Wording wording;
    private org.eclipse.swt.widgets.Composite host;
    /** The rebuild under way, or {@code null}. */
    private Build building;
    private boolean laying;
    LongFunction<String> crosshairExtra;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long minWidth = 60_000;
    private long lo;
    private long hi;
    private int dragX = -1;
    private long dragLo;
    private long dragHi;
    private boolean dragged;

    /**
     * Creates the composite the panes go in: it stacks them with minimum plot heights, hides the
     * least useful ones when short, shows time labels on the bottom pane only and aligns the
     * plots (see {@link PaneLayout}).
     */
    public org.eclipse.swt.widgets.Composite host(org.eclipse.swt.widgets.Composite parent) {
        host = new org.eclipse.swt.widgets.Composite(parent, SWT.NONE);
        host.setLayout(new PaneLayout(this));
        return host;
    }

    /** The texts the panes write ("no data in this range ..."), in the view's language. */
    public void wording(Wording w) {
        wording = w;
    }

    /** The panes the layout shows now (the others are hidden for lack of height). */
    public List<Pane> shownPanes() {
        List<Pane> out = new ArrayList<>();
        for (Pane p : panes) {
            if (p.chart.getVisible()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Adds a pane and wires its mouse and keys to the group. */
    public Pane add(Pane pane) {
        panes.add(pane);
        pane.group = this;
        Control plot = pane.chart.getPlotArea().getControl();
        plot.addMouseMoveListener(e -> {
            long t = (long) pane.chart.getAxisSet().getXAxis(0).getDataCoordinate(e.x);
            if (dragX >= 0) {
                int width = Math.max(1, pane.plotWidth());
                long dt = (long) ((double) (e.x - dragX) * (dragHi - dragLo) / width);
                if (dt != 0) {
                    dragged = true;
                    setRange(dragLo - dt, dragHi - dt);
                }
            }
            crosshair(t);
        });
        plot.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseDown(MouseEvent e) {
                if (e.button == 1) {
                    plot.setFocus();
                    dragX = e.x;
                    dragLo = lo;
                    dragHi = hi;
                    dragged = false;
                }
            }

            @Override
            public void mouseUp(MouseEvent e) {
                boolean was = dragged;
                dragX = -1;
                dragged = false;
                if (was) {
                    fireRange();
                }
            }
        });
        plot.addMouseTrackListener(new MouseTrackAdapter() {
            @Override
            public void mouseExit(MouseEvent e) {
                crosshair(null);
            }
        });
        plot.addListener(SWT.MouseVerticalWheel, (Event e) -> {
            long anchor = (long) pane.chart.getAxisSet().getXAxis(0).getDataCoordinate(e.x);
            zoom(e.count > 0 ? ZOOM_IN : 1 / ZOOM_IN, anchor);
            e.doit = false;
        });
        plot.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                key(e.character, e.keyCode);
            }
        });
        plot.addListener(SWT.Resize, e -> {
            if (hi > lo) {
                pane.show(lo, hi);
            }
        });
        return pane;
    }

    /**
     * Shows the panes {@code specs} describe, in the {@link #host}, then calls {@code done} with
     * whether the panes were updated in place. When {@code inPlace} is allowed and the specs have
     * the structure of the panes shown ({@link #matches}), each pane keeps its chart, series,
     * listeners and styles and takes the new bars ({@link Pane#refresh}), and {@code done} runs
     * before this returns. Otherwise the panes are built again from the specs, one pane per turn
     * of the event loop, each laid out and shown at {@code target} while hidden ({@link Pane#warm}):
     * a cold chart's first layout costs tens of milliseconds of UI thread, and built, laid out and
     * ranged all at once a view's panes held the loop for 100 to 190 ms of CPU at start. The old
     * panes stay shown until the last is built; on the next turn the new ones replace them and
     * {@code done} runs. The range is then unset until the caller shows one (the new charts lay
     * out without showing a stale range). The data extent is recomputed either way; the caller
     * shows a range next ({@link #setRange} or {@link #preset}). A call while a rebuild is under
     * way abandons that rebuild (its charts are disposed and its {@code done} never runs).
     *
     * @param target the range the caller will show after a rebuild (each pane is laid out at it
     *     while hidden, see {@link Pane#warm}), or {@code null}
     */
    public void reconcile(List<PaneSpec> specs, java.util.Locale locale, boolean inPlace, Target target,
            java.util.function.Consumer<Boolean> done) {
        if (host == null) {
            throw new IllegalStateException("no host: call host(parent) first");
        }
        abandonBuild();
        if (inPlace && matches(specs)) {
            for (int k = 0; k < panes.size(); k++) {
                panes.get(k).refresh(specs.get(k));
            }
            updateExtent();
            done.accept(true);
            return;
        }
        Build b = new Build(List.copyOf(specs), locale, target, done);
        building = b;
        if (specs.isEmpty()) {
            b.swapIn();
        } else {
            host.getDisplay().asyncExec(b::next);
        }
    }

    private void abandonBuild() {
        Build b = building;
        building = null;
        if (b != null) {
            for (Pane p : b.built) {
                p.chart.dispose();
            }
        }
    }

    /** One rebuild of the panes, one pane per turn of the event loop. */
    private final class Build {
        private final List<PaneSpec> specs;
        private final java.util.Locale locale;
        private final java.util.function.Consumer<Boolean> done;
        private final List<Pane> built = new ArrayList<>();
        /** The target resolved against the new bars, or {@code null}: the panes warm at all their bars. */
        private final long[] range;

        Build(List<PaneSpec> specs, java.util.Locale locale, Target target, java.util.function.Consumer<Boolean> done) {
            this.specs = specs;
            this.locale = locale;
            this.done = done;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long spacing = Long.MAX_VALUE;
            for (PaneSpec spec : specs) {
                for (Layer l : spec.layers) {
                    if (l.times.length > 0) {
                        first = Math.min(first, l.times[0]);
                        last = Math.max(last, l.times[l.times.length - 1]);
                        spacing = Math.min(spacing, spacing(l.times));
                    }
                }
            }
            range = target == null || first > last ? null
                    : target.preset() != null ? presetRange(target.preset(), first, last, minWidth(spacing))
                    : clamp(target.from(), target.to(), first, last, minWidth(spacing));
        }

        /** Builds the next pane, hidden; the turn after the last, shows them all. */
        void next() {
            if (building != this || host.isDisposed()) {
                return;
            }
            if (built.size() < specs.size()) {
                Pane p = Pane.create(host, specs.get(built.size()), locale);
                p.chart.setVisible(false); // the layout shows it once all panes are there
                org.eclipse.swt.graphics.Rectangle area = host.getClientArea();
                int height = Math.max(area.height / specs.size(), Pane.MIN_PLOT + PaneLayout.CHROME);
                p.warm(Math.max(area.width, 400), height, built.size() == specs.size() - 1, range);
                built.add(p);
                host.getDisplay().asyncExec(this::next);
                return;
            }
            swapIn();
        }

        void swapIn() {
            building = null;
            for (Pane p : panes) {
                p.chart.dispose();
            }
            panes.clear();
            lo = 0;
            hi = 0;
            dragX = -1;
            dragged = false;
            for (Pane p : built) {
                add(p);
            }
            updateExtent();
            done.accept(false);
        }
    }

    /** Whether the panes shown have the structure of {@code specs}, pane by pane and layer by layer. */
    public boolean matches(List<PaneSpec> specs) {
        if (specs.size() != panes.size()) {
            return false;
        }
        for (int k = 0; k < specs.size(); k++) {
            if (!panes.get(k).matches(specs.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The panes in order. */
    public List<Pane> panes() {
        return List.copyOf(panes);
    }

    /** Called after every user change of the visible range (wheel, drag, keys, presets). */
    public void onRangeChange(Runnable listener) {
        rangeListeners.add(listener);
    }

    /** A line added to every pane's crosshair label for the crosshair time, e.g. the regime. */
    public void crosshairExtra(LongFunction<String> extra) {
        crosshairExtra = extra;
    }

    /**
     * Recomputes the data extent from the panes' layers; call after adding or replacing layers.
     * The narrowest zoom is five bars of the densest layer.
     */
    public void updateExtent() {
        min = Long.MAX_VALUE;
        max = Long.MIN_VALUE;
        long spacing = Long.MAX_VALUE;
        for (Pane p : panes) {
            for (Layer l : p.layers) {
                if (l.times.length > 0) {
                    min = Math.min(min, l.times[0]);
                    max = Math.max(max, l.times[l.times.length - 1]);
                    spacing = Math.min(spacing, spacing(l.times));
                }
            }
        }
        minWidth = minWidth(spacing);
    }

    /** The mean time between a layer's bars, or {@code Long.MAX_VALUE} for fewer than two. */
    private static long spacing(long[] times) {
        return times.length > 1 ? (times[times.length - 1] - times[0]) / (times.length - 1) : Long.MAX_VALUE;
    }

    /** The narrowest zoom for the densest bar spacing: five bars, at least a minute. */
    private static long minWidth(long spacing) {
        return spacing == Long.MAX_VALUE ? 60_000 : Math.max(60_000, 5 * spacing);
    }

    /** Whether any pane has bars. */
    public boolean hasData() {
        return min <= max;
    }

    /** The first bar time over all panes. */
    public long dataMin() {
        return min;
    }

    /** The last bar time over all panes. */
    public long dataMax() {
        return max;
    }

    /** The visible range's start. */
    public long lower() {
        return lo;
    }

    /** The visible range's end. */
    public long upper() {
        return hi;
    }

    /**
     * Shows {@code from..to} in every pane, clamped to the data: never narrower than five bars,
     * never beyond the first and last bar.
     */
    public void setRange(long from, long to) {
        if (!hasData()) {
            return;
        }
        long[] range = clamp(from, to, min, max, minWidth);
        lo = range[0];
        hi = range[1];
        for (Pane p : panes) {
            p.show(lo, hi);
        }
        relayout();
    }

    /** {@code from..to} clamped to the bars {@code min..max}: never narrower than {@code minWidth}, nor beyond them. */
    private static long[] clamp(long from, long to, long min, long max, long minWidth) {
        long width = Math.max(minWidth, to - from);
        if (width >= max - min) {
            return new long[] {min, Math.max(max, min + 1)};
        }
        if (from < min) {
            from = min;
        }
        if (from + width > max) {
            from = max - width;
        }
        return new long[] {from, from + width};
    }

    /** The range of a preset over the bars {@code min..max}, clamped. */
    private static long[] presetRange(Preset preset, long min, long max, long minWidth) {
        if (preset == Preset.ALL) {
            return clamp(min, max, min, max, minWidth);
        }
        ZonedDateTime end = Instant.ofEpochMilli(max).atZone(ZoneOffset.UTC);
        return clamp(end.minusMonths(preset.months).toInstant().toEpochMilli(), max, min, max, minWidth);
    }

    /**
     * Lays the panes out again: a new range changes which panes have data and the widths of the
     * y-axis labels the plots are aligned by.
     */
    private void relayout() {
        if (host == null || host.isDisposed() || laying) {
            return;
        }
        laying = true;
        try {
            host.layout(true, false);
        } finally {
            laying = false;
        }
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping {@code anchor} at the same place. */
    public void zoom(double factor, long anchor) {
        long a = Math.max(lo, Math.min(hi, anchor));
        setRange(a - (long) ((a - lo) * factor), a + (long) ((hi - a) * factor));
        fireRange();
    }

    /** Pans by {@code fraction} of the visible width (positive: later). */
    public void pan(double fraction) {
        long dt = (long) ((hi - lo) * fraction);
        setRange(lo + dt, hi + dt);
        fireRange();
    }

    /** Shows the preset's span, ending at the last bar. */
    public void preset(Preset preset) {
        if (!hasData()) {
            return;
        }
        long[] range = presetRange(preset, min, max, minWidth);
        setRange(range[0], range[1]);
        fireRange();
    }

    /** Handles a key: {@code +}/{@code =} zoom in, {@code -} out, arrows pan, Home shows all. */
    public void key(char character, int keyCode) {
        long centre = lo + (hi - lo) / 2;
        if (character == '+' || character == '=' || keyCode == SWT.KEYPAD_ADD) {
            zoom(ZOOM_IN, centre);
        } else if (character == '-' || keyCode == SWT.KEYPAD_SUBTRACT) {
            zoom(1 / ZOOM_IN, centre);
        } else if (keyCode == SWT.ARROW_LEFT) {
            pan(-0.1);
        } else if (keyCode == SWT.ARROW_RIGHT) {
            pan(0.1);
        } else if (keyCode == SWT.HOME) {
            preset(Preset.ALL);
        }
    }

    /** Moves the crosshair of every pane to {@code t}, or hides it with {@code null}. */
    public void crosshair(Long t) {
        crosshair = t;
        for (Pane p : panes) {
            p.chart.getPlotArea().getControl().redraw();
        }
    }

    /** The crosshair time, or {@code null}. */
    public Long crosshair() {
        return crosshair;
    }

    /** Replaces the shaded bands. */
    public void bands(List<Band> newBands) {
        bands.clear();
        bands.addAll(newBands);
        redraw();
    }

    /** The shaded bands. */
    public List<Band> bands() {
        return List.copyOf(bands);
    }

    /** Replaces the markers. */
    public void markers(List<Marker> newMarkers) {
        markers.clear();
        markers.addAll(newMarkers);
        redraw();
    }

    /** The markers. */
    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    private void redraw() {
        for (Pane p : panes) {
            p.chart.redraw();
        }
    }

    private void fireRange() {
        for (Runnable r : rangeListeners) {
            r.run();
        }
    }
}
