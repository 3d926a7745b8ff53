package io.tideline.views.chart.kit;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * One SWTChart chart of a {@link PaneGroup}: its layers on a time axis shared with the other
 * panes, y-axes scaled to the visible bars, candlesticks and bars drawn by custom paint
 * listeners, and the group's crosshair, regime bands and markers. UI thread only.
 */
public final class Pane {

    private static final Color CROSSHAIR = new Color(90, 90, 90);
    private static final Color LABEL_BG = new Color(255, 255, 240);
    private static final Color UP = new Color(38, 166, 91);
    private static final Color DOWN = new Color(214, 69, 65);
    private static final Color HEADER = new Color(40, 40, 60);
    private static final Color HEADER_BG = new Color(250, 250, 250);
    /** Axis titles in the text colour of the tick labels, not SWTChart's bold blue. */
    private static final Color AXIS_TITLE = new Color(60, 60, 60);
    /** Stale data: amber, readable on the light header. */
    static final Color STALE = new Color(176, 110, 0);
    /** The smallest plot height the group's layout gives a shown pane, in pixels. */
    public static final int MIN_PLOT = 48;

    final Chart chart;
    final List<Layer> layers = new ArrayList<>();
    private final TimeFormat timeFormat = new TimeFormat();
    private final NumberFormat numbers;
    private final Locale locale;
    private final String yTitle;
    private final String name;
    PaneGroup group;
    private int weight = 1;
    private int rank;
    /** "No data in this range (data from X to Y)" when no layer has a bar in the range, else null. */
    private String rangeMessage;
    /** "data from X" / "data to Y" when the layers cover only part of the range, else null. */
    private String coverage;
    private boolean normalised;
    /** The primary y-axis' title while normalised. */
    private String percentTitle;
    private boolean log;
    /** The tick format set by {@link #yFormat}, or {@code null}. */
    private java.text.Format yFormat;
    /** The secondary y-axes' titles and SWTChart ids, in creation order. */
    private final List<String> secondaryTitles = new ArrayList<>();
    private final List<Integer> secondaryIds = new ArrayList<>();
    private String message;
    /** Candles aggregated to pixel columns at the last {@link #show}, for the painter. */
    private int candleCount;
    private double[] candleX = new double[0];
    private double[] candleO = new double[0];
    private double[] candleH = new double[0];
    private double[] candleL = new double[0];
    private double[] candleC = new double[0];
    private long lo;
    private long hi;
    private boolean showing;
    private boolean again;

    /**
     * A pane named {@code title} with {@code yTitle} (keep it short: a unit) on its left axis.
     * The name and the series' legend are painted as a small header inside the plot, not as
     * SWTChart's title and legend: those sit outside the plot and took all the height of a
     * short pane.
     *
     * @param locale for the numbers of the crosshair label
     */
    public Pane(Composite parent, String title, String yTitle, Locale locale) {
        this.yTitle = yTitle;
        this.name = title;
        chart = new Chart(parent, SWT.NONE);
        chart.setData("pane", this);
        // The text stays in the model (tests, accessibility); the header paints it.
        chart.getTitle().setText(title);
        chart.getTitle().setVisible(false);
        chart.getLegend().setVisible(false);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setText("UTC");
        x.getTitle().setVisible(false);
        x.getTick().setFormat(timeFormat);
        IAxis y = chart.getAxisSet().getYAxis(0);
        y.getTitle().setText(yTitle);
        plainTitle(y);
        x.getTick().setForeground(AXIS_TITLE);
        this.locale = locale;
        // SWTChart's default "#.###########" writes 65000 and 0.000000001; ours groups and compacts.
        y.getTick().setFormat(AxisFormat.plain(locale));
        numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(4);
        numbers.setGroupingUsed(true);
        chart.getPlotArea().addCustomPaintListener(new Behind());
        chart.getPlotArea().addCustomPaintListener(new Front());
    }

    /** A y-axis title in the plain text font and a dark grey, like the tick labels it names. */
    private void plainTitle(IAxis axis) {
        axis.getTitle().setFont(chart.getFont());
        axis.getTitle().setForeground(AXIS_TITLE);
        axis.getTick().setForeground(AXIS_TITLE);
        axis.getTick().setTickMarkStepHint(tickStepHint(chart, axis));
    }

    /**
     * The y-axis tick step hint in pixels. SWTChart rounds the step to 1, 2 or 5 × 10^n, which can
     * put ticks as close as 0.57 × the hint, and hides a label that is not more than its own height
     * below the last one it drew: with the old 30 px (17 px at worst) it hid every third label of a
     * 5% grid, so the labels read +20%, +15%, +5%, 0%, -10% (uneven). 2.1 × the label height keeps
     * every label while a short pane still gets two or three (SWTChart's default of 64 px left it
     * one).
     */
    static int tickStepHint(Chart chart, IAxis axis) {
        GC gc = new GC(chart);
        try {
            gc.setFont(axis.getTick().getFont());
            int height = gc.textExtent("+0%").y;
            return Math.max(30, (int) Math.ceil(2.1 * height));
        } finally {
            gc.dispose();
        }
    }

    /**
     * The tick format of a y-axis: the primary axis' explicit format or the rebased percent when
     * normalised, else the unit of the first layer on the axis ({@link AxisFormat#forUnit}).
     */
    private java.text.Format axisFormat(int axisId) {
        if (axisId == 0 && yFormat != null) {
            return yFormat;
        }
        if (axisId == 0 && normalised) {
            return new PercentFormat();
        }
        for (Layer l : layers) {
            if (l.yAxis == axisId && !l.unit.isEmpty()) {
                return AxisFormat.forUnit(l.unit, locale);
            }
        }
        return AxisFormat.plain(locale);
    }

    /** Sets every y-axis' tick format from {@link #axisFormat}. */
    private void applyFormats() {
        for (IAxis y : chart.getAxisSet().getYAxes()) {
            java.text.Format f = axisFormat(y.getId());
            if (!f.equals(y.getTick().getFormat())) {
                y.getTick().setFormat(f);
            }
        }
    }

    /** The tick format of the y-axis {@code axisId} (for tests). */
    public java.text.Format tickFormat(int axisId) {
        return chart.getAxisSet().getYAxis(axisId).getTick().getFormat();
    }

    /**
     * A pane as {@code spec} describes it, its layers (the spec's own objects) added as series;
     * the layers' axis numbers (0, or what {@link PaneSpec#secondaryAxis} returned) become this
     * chart's y-axis ids.
     */
    static Pane create(Composite parent, PaneSpec spec, Locale locale) {
        Pane p = new Pane(parent, spec.title, spec.yTitle, locale).weight(spec.weight).rank(spec.rank);
        for (String t : spec.secondaryAxes) {
            p.secondaryAxis(t);
        }
        if (spec.normalisedSet) {
            p.normalised(spec.normalised, spec.percentTitle);
        }
        p.log(spec.log);
        if (spec.yFormat != null) {
            p.yFormat(spec.yFormat);
        }
        for (Layer l : spec.layers) {
            l.yAxis = p.axisId(l.yAxis);
            p.add(l);
        }
        if (spec.message != null) {
            p.message(spec.message);
        }
        return p;
    }

    /** The SWTChart id of spec axis {@code k} (0: the primary axis; k: the k-th secondary axis). */
    private int axisId(int k) {
        if (k == 0) {
            return 0;
        }
        if (k < 0 || k > secondaryIds.size()) {
            throw new IllegalArgumentException("pane '" + name + "' has no y-axis " + k);
        }
        return secondaryIds.get(k - 1);
    }

    /**
     * Whether this pane has the structure {@code spec} describes, so that {@link #refresh} can
     * update it in place: same name, y title, weight, rank, scale, normalisation, secondary axes,
     * and the same layers (id, label, style, colour, axis, rebasing, unit) in the same order.
     * Compared against the pane as it is now, e.g. after the user switched candles or log.
     */
    boolean matches(PaneSpec spec) {
        if (!name.equals(spec.title) || !java.util.Objects.equals(yTitle, spec.yTitle) || weight != spec.weight
                || rank != spec.rank || log != spec.log || normalised != spec.normalised
                || (normalised && !java.util.Objects.equals(percentTitle, spec.percentTitle))
                || !secondaryTitles.equals(spec.secondaryAxes) || layers.size() != spec.layers.size()) {
            return false;
        }
        for (int k = 0; k < layers.size(); k++) {
            Layer mine = layers.get(k);
            Layer wanted = spec.layers.get(k);
            if (!mine.sameShape(wanted) || wanted.yAxis < 0 || wanted.yAxis > secondaryIds.size()
                    || mine.yAxis != axisId(wanted.yAxis)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes the data of a spec this pane {@link #matches}: every layer adopts its counterpart's
     * bars; the tick format and the plot's message follow the spec. The chart, its series,
     * listeners and styles stay; the caller shows the range again.
     */
    void refresh(PaneSpec spec) {
        for (int k = 0; k < layers.size(); k++) {
            layers.get(k).adopt(spec.layers.get(k));
        }
        if (!java.util.Objects.equals(yFormat, spec.yFormat)) {
            yFormat = spec.yFormat;
            applyFormats();
        }
        if (!java.util.Objects.equals(message, spec.message)) {
            message(spec.message);
        }
    }

    /** The SWTChart chart, for layout and for tests that read its model. */
    public Chart chart() {
        return chart;
    }

    /** The pane's name, painted in its header. */
    public String name() {
        return name;
    }

    /** Sets the share of the group's height this pane gets (relative to the others' weights). */
    public Pane weight(int w) {
        weight = Math.max(1, w);
        return this;
    }

    /** The relative height. */
    public int weight() {
        return weight;
    }

    /**
     * Sets the importance: when the view is too short for every pane, the group hides panes with
     * no data in the visible range first, then the highest ranks (0 is kept longest).
     */
    public Pane rank(int r) {
        rank = r;
        return this;
    }

    /** The importance rank (0 = most important). */
    public int rank() {
        return rank;
    }

    /** Whether the pane has layers but none has a bar in the visible range. */
    public boolean emptyInRange() {
        return rangeMessage != null;
    }

    /** "No data in this range (data from X to Y)", or {@code null} when something is visible. */
    public String rangeMessage() {
        return rangeMessage;
    }

    /**
     * The header painted at the top left of the plot: the pane's name, a note when the data
     * covers only part of the range, and a legend entry per layer when there are several.
     */
    public String header() {
        StringBuilder sb = new StringBuilder(name);
        if (message != null && !message.isBlank()) {
            sb.append(" — ").append(message.replace("\n", " · "));
        }
        if (rangeMessage != null) {
            sb.append(" — ").append(rangeMessage);
        }
        if (coverage != null) {
            sb.append("  (").append(coverage).append(')');
        }
        // A short pane hides its y-axis title (fitAxisTitles): the unit then goes into the header.
        String unit = chart.getAxisSet().getYAxis(0).getTitle().getText();
        if (!layers.isEmpty() && unit != null && !unit.isBlank() && !chart.getAxisSet().getYAxis(0).getTitle().isVisible()
                && !name.contains(unit)) {
            sb.append(" [").append(unit).append(']');
        }
        return sb.toString();
    }

    /**
     * The stale layers' ages, painted in amber in the header: "3 mo old" when every layer is
     * stale by the same age (the header names the pane), else per layer "btc 3 mo old, spx 4 mo
     * old"; {@code null} when all are fresh.
     */
    public String staleNote() {
        StringBuilder sb = new StringBuilder();
        String same = null;
        boolean all = !layers.isEmpty();
        for (Layer l : layers) {
            if (l.stale == null) {
                all = false;
                continue;
            }
            same = same == null || same.equals(l.stale) ? l.stale : "";
            sb.append(sb.isEmpty() ? "" : ", ").append(l.id).append(' ').append(l.stale);
        }
        if (sb.isEmpty()) {
            return null;
        }
        return all && !same.isEmpty() ? same : sb.toString();
    }

    /**
     * The regime bands' legend this pane paints: one band per label among those in the visible
     * range, in the top shown pane only (empty elsewhere).
     */
    public List<PaneGroup.Band> bandLegend() {
        List<PaneGroup.Band> out = new ArrayList<>();
        if (group == null || group.bands.isEmpty()) {
            return out;
        }
        List<Pane> shown = group.shownPanes();
        if (shown.isEmpty() || shown.get(0) != this) {
            return out;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PaneGroup.Band b : group.bands) {
            if (b.to() >= lo && b.from() <= hi && seen.add(b.label())) {
                out.add(b);
            }
        }
        return out;
    }

    /** The legend entries painted in the header (one per layer; none for a single layer). */
    public List<String> legend() {
        List<String> out = new ArrayList<>();
        if (layers.size() > 1) {
            for (Layer l : layers) {
                out.add(l.label);
            }
        }
        return out;
    }

    /** Shows or hides the time axis' tick labels (only the bottom pane of a group shows them). */
    void timeLabels(boolean on) {
        IAxis x = chart.getAxisSet().getXAxis(0);
        if (x.getTick().isVisible() != on) {
            x.getTick().setVisible(on);
        }
    }

    /**
     * Lays the chart out once at about the size the group's layout will give it, and shows all
     * its bars: a chart's first layout and show are its costliest (fonts measured, tick labels
     * worked out, code run for the first time), and done here, while the pane is still hidden,
     * they take the turn of the event loop that built the pane instead of the one that shows the
     * whole group. The group's layout and range then set the real size and range.
     *
     * @param range the range the group will show, or {@code null} for all the bars
     */
    void warm(int width, int height, boolean bottom, long[] range) {
        timeLabels(bottom);
        chart.setBounds(0, 0, width, height);
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Layer l : layers) {
            if (l.times.length > 0) {
                from = Math.min(from, l.times[0]);
                to = Math.max(to, l.times[l.times.length - 1]);
            }
        }
        if (range != null) {
            from = range[0];
            to = range[1];
        }
        if (from < to) {
            show(from, to);
        }
    }

    /** Whether this pane shows the time axis' tick labels. */
    public boolean showsTimeLabels() {
        return chart.getAxisSet().getXAxis(0).getTick().isVisible();
    }

    /**
     * Hides a y-axis title longer than the plot is high (SWTChart would clip it to a fragment
     * such as "ange since first visible b") and shows it again when it fits.
     *
     * @return whether a title was shown or hidden (the chart's layout is then out of date)
     */
    boolean fitAxisTitles() {
        boolean changed = false;
        int plot = chart.getPlotArea().getSize().y;
        GC gc = new GC(chart);
        try {
            for (IAxis y : chart.getAxisSet().getYAxes()) {
                String text = y.getTitle().getText();
                boolean fits = false;
                if (text != null && !text.isEmpty()) {
                    gc.setFont(y.getTitle().getFont());
                    fits = gc.textExtent(text).x + 8 <= plot;
                }
                if (y.getTitle().isVisible() != fits) {
                    y.getTitle().setVisible(fits);
                    changed = true;
                }
            }
        } finally {
            gc.dispose();
        }
        return changed;
    }

    /** The layers in the order they were added. */
    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    /** Adds a layer as an SWTChart line series (an invisible one for candles and bars). */
    public Layer add(Layer layer) {
        if (find(layer.id) != null) {
            throw new IllegalArgumentException("pane '" + chart.getTitle().getText() + "' already shows " + layer.id);
        }
        layers.add(layer);
        ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(ISeries.SeriesType.LINE, layer.id);
        s.setDescription(layer.label);
        s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
        s.setLineColor(layer.color);
        s.setYAxisId(layer.yAxis);
        styleSeries(layer, s);
        applyFormats();
        return layer;
    }

    private static void styleSeries(Layer layer, ILineSeries<?> s) {
        // Candles and bars are painted by this pane; the series stays for the legend and model.
        s.setLineStyle(layer.style == Layer.Style.LINE ? LineStyle.SOLID : LineStyle.NONE);
        s.setLineWidth(layer.style == Layer.Style.LINE ? 2 : 1);
    }

    /** Switches the layer to another style (candles need OHLC, else it stays a line). */
    public void style(Layer layer, Layer.Style style) {
        layer.style = style == Layer.Style.CANDLES && !layer.hasOhlc() ? Layer.Style.LINE : style;
        styleSeries(layer, (ILineSeries<?>) chart.getSeriesSet().getSeries(layer.id));
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

    /** Creates a y-axis on the right with the given title and returns its id. */
    public int secondaryAxis(String title) {
        int id = chart.getAxisSet().createYAxis();
        IAxis axis = chart.getAxisSet().getYAxis(id);
        axis.setPosition(IAxis.Position.Secondary);
        axis.getTitle().setText(title);
        plainTitle(axis);
        axis.getTick().setFormat(AxisFormat.plain(locale));
        axis.getGrid().setStyle(LineStyle.NONE);
        secondaryTitles.add(title);
        secondaryIds.add(id);
        return id;
    }

    /**
     * Rebases the layers that allow it to 100 at the first visible bar, so series of very
     * different scales compare on one axis; ticks then read as % change.
     */
    public void normalised(boolean on, String title) {
        normalised = on;
        percentTitle = title;
        IAxis y = chart.getAxisSet().getYAxis(0);
        y.getTitle().setText(on ? title : yTitle);
        applyFormats();
    }

    /** Sets the primary y-axis' tick format, e.g. percent for a funding rate of 0.0001. */
    public void yFormat(java.text.Format format) {
        yFormat = format;
        applyFormats();
    }

    /** Whether layers are rebased. */
    public boolean normalised() {
        return normalised;
    }

    /** Log or linear scale of every y-axis; log falls back to linear when a value is not positive. */
    public void log(boolean on) {
        log = on;
    }

    /** Whether the primary y-axis is on a log scale now. */
    public boolean isLog() {
        return chart.getAxisSet().getYAxis(0).isLogScaleEnabled();
    }

    /** Shows {@code text} in the middle of the plot (e.g. "no data for role btc.oi"), or clears it. */
    public void message(String text) {
        message = text;
        backgroundText();
    }

    private void backgroundText() {
        // The range message goes into the header: centred text collided with it in a short pane.
        // The message is part of the header (painted under it, it overlapped the pane's name); a
        // pane with nothing plotted hides its meaningless 0..1 ticks.
        boolean nothing = message != null && layers.isEmpty();
        for (IAxis y : chart.getAxisSet().getYAxes()) {
            y.getTick().setVisible(!nothing && rangeMessage == null);
        }
        chart.redraw();
    }

    /** The message shown in the plot, or {@code null}. */
    public String message() {
        return message;
    }

    int plotWidth() {
        Point size = chart.getPlotArea().getSize();
        return size.x > 10 ? size.x : 800;
    }

    /**
     * Shows {@code lo..hi}: decimates every layer to the plot's pixel width, rebases when
     * normalised, scales the y-axes to the visible values, and asks for a redraw. The cost is one
     * pass over the visible bars, O(pixel width) afterwards.
     */
    void show(long from, long to) {
        if (showing) {
            // Re-entered from a plot resize during show (a log axis relayouts the chart): show
            // again once this one is done, at the new width.
            if (!again) {
                again = true;
                chart.getDisplay().asyncExec(() -> {
                    again = false;
                    if (!chart.isDisposed()) {
                        show(lo, hi);
                    }
                });
            }
            return;
        }
        showing = true;
        try {
            showNow(from, to);
        } finally {
            showing = false;
        }
    }

    private void showNow(long from, long to) {
        lo = from;
        hi = to;
        int cols = plotWidth();
        timeFormat.span(to - from, cols);
        coverage(from, to);
        for (Layer l : layers) {
            l.base = Double.NaN;
            if (normalised && l.rebase && l.baseOf == null) {
                int i = Decimator.lowerBound(l.times, from);
                while (i < l.values.length && Double.isNaN(l.values[i])) {
                    i++;
                }
                l.base = i < l.values.length && l.times[i] <= to ? l.values[i] : Double.NaN;
            }
        }
        for (Layer l : layers) {
            if (!normalised) {
                l.base = Double.NaN;
            }
            int cap = Decimator.capacity(cols);
            if (l.xs.length < cap) {
                l.xs = new double[cap];
                l.ys = new double[cap];
            }
            l.count = Decimator.m4(l.times, l.values, from, to, cols, l.xs, l.ys);
            if (normalised && l.rebased()) {
                for (int k = 0; k < l.count; k++) {
                    l.ys[k] = l.plotted(l.ys[k]);
                }
            }
            ISeries<?> s = chart.getSeriesSet().getSeries(l.id);
            s.setXSeries(Arrays.copyOf(l.xs, l.count));
            s.setYSeries(Arrays.copyOf(l.ys, l.count));
            if (l.style == Layer.Style.CANDLES) {
                aggregateCandles(l, from, to, cols);
            }
        }
        for (IAxis x : chart.getAxisSet().getXAxes()) {
            x.setRange(new Range(from, Math.max(to, from + 1)));
        }
        for (IAxis y : chart.getAxisSet().getYAxes()) {
            scale(y, from, to);
        }
        chart.redraw();
    }

    /** Works out whether the layers have bars in {@code from..to}, and whether they cover it all. */
    private void coverage(long from, long to) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        boolean visible = false;
        for (Layer l : layers) {
            int n = l.times.length;
            if (n == 0) {
                continue;
            }
            first = Math.min(first, l.times[0]);
            last = Math.max(last, l.times[n - 1]);
            int i = Decimator.lowerBound(l.times, from);
            visible |= i < n && l.times[i] <= to;
        }
        String oldRange = rangeMessage;
        rangeMessage = null;
        coverage = null;
        if (first <= last && group != null && group.wording != null) {
            String a = TimeFormat.DAY.format(java.time.Instant.ofEpochMilli(first));
            String b = TimeFormat.DAY.format(java.time.Instant.ofEpochMilli(last));
            if (!visible) {
                rangeMessage = group.wording.noDataInRange(a, b);
            } else {
                // A gap of more than 5% of the width at either end is worth a word in the header.
                long slack = (to - from) / 20;
                boolean lateStart = first > from + slack;
                boolean earlyEnd = last < to - slack;
                if (lateStart || earlyEnd) {
                    coverage = group.wording.dataCovers(lateStart ? a : null, earlyEnd ? b : null);
                }
            }
        }
        if (!java.util.Objects.equals(oldRange, rangeMessage)) {
            // An empty pane's y ticks would read 0..1, which means nothing: hide them.
            for (IAxis y : chart.getAxisSet().getYAxes()) {
                y.getTick().setVisible(rangeMessage == null && !(message != null && layers.isEmpty()));
            }
            chart.redraw();
        }
    }

    private void scale(IAxis axis, long from, long to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean bars = false;
        for (Layer l : layers) {
            if (l.yAxis != axis.getId()) {
                continue;
            }
            if (l.style == Layer.Style.CANDLES) {
                for (int k = 0; k < candleCount; k++) {
                    min = Math.min(min, candleL[k]);
                    max = Math.max(max, candleH[k]);
                }
                continue;
            }
            bars |= l.style == Layer.Style.BARS;
            for (int k = 0; k < l.count; k++) {
                // The two points kept beyond the edges only extend the line; they don't scale it.
                if (l.xs[k] >= from && l.xs[k] <= to) {
                    min = Math.min(min, l.ys[k]);
                    max = Math.max(max, l.ys[k]);
                }
            }
        }
        if (bars) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        boolean wantLog = log && min > 0;
        if (axis.isLogScaleEnabled() != wantLog) {
            try {
                axis.enableLogScale(wantLog);
            } catch (IllegalStateException e) {
                // SWTChart refuses log scale while a series holds a value <= 0: stay linear.
                wantLog = false;
            }
        }
        if (axis.getTick().getFormat() instanceof AxisFormat f) {
            f.magnitude(Math.max(Math.abs(min), Math.abs(max)));
        }
        if (wantLog) {
            double pad = Math.pow(max / min, 0.05);
            axis.setRange(new Range(min / pad, max * pad));
        } else {
            // A flat series gets a readable span around it (a 1e-9 pad wrote ticks no label can hold).
            double pad = max > min ? (max - min) * 0.05 : max != 0 ? Math.abs(max) * 0.05 : 1;
            axis.setRange(new Range(bars && min == 0 ? 0 : min - pad, max + pad));
        }
    }

    private void aggregateCandles(Layer l, long from, long to, int cols) {
        int a = Decimator.lowerBound(l.times, from);
        int b = Decimator.lowerBound(l.times, to + 1);
        if (candleX.length < cols) {
            candleX = new double[cols];
            candleO = new double[cols];
            candleH = new double[cols];
            candleL = new double[cols];
            candleC = new double[cols];
        }
        int n = 0;
        double span = Math.max(1, to - from);
        int current = -1;
        for (int i = a; i < b; i++) {
            if (Double.isNaN(l.values[i]) || Double.isNaN(l.high[i])) {
                continue;
            }
            int col = Decimator.column(l.times[i], from, span, cols);
            if (col != current) {
                current = col;
                candleX[n] = l.times[i];
                candleO[n] = l.open[i];
                candleH[n] = l.high[i];
                candleL[n] = l.low[i];
                candleC[n] = l.values[i];
                n++;
            } else {
                candleH[n - 1] = Math.max(candleH[n - 1], l.high[i]);
                candleL[n - 1] = Math.min(candleL[n - 1], l.low[i]);
                candleC[n - 1] = l.values[i];
            }
        }
        candleCount = n;
    }

    /** The number of candles (pixel-column aggregates) drawn at the last show. */
    public int candleCount() {
        return candleCount;
    }

    /**
     * The crosshair label for time {@code t}: per layer, the nearest bar's series, time and
     * value, with the % change when rebased.
     */
    public List<String> describe(long t) {
        List<String> lines = new ArrayList<>();
        for (Layer l : layers) {
            int i = Decimator.nearest(l.times, t);
            if (i < 0) {
                continue;
            }
            StringBuilder sb = new StringBuilder(l.label).append("  ").append(TimeFormat.bar(l.times[i])).append("  ");
            if (l.style == Layer.Style.CANDLES) {
                sb.append("O ").append(numbers.format(l.open[i])).append(" H ").append(numbers.format(l.high[i]))
                        .append(" L ").append(numbers.format(l.low[i])).append(" C ");
            }
            sb.append(Double.isNaN(l.values[i]) ? "–" : numbers.format(l.values[i]));
            if (!l.unit.isEmpty()) {
                sb.append(' ').append(l.unit);
            }
            if (normalised && l.rebased() && !Double.isNaN(l.values[i])) {
                sb.append("  (").append(PercentFormat.percent(l.plotted(l.values[i]))).append(')');
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    /** {@code text}, cut with "…" to fit {@code width} pixels (the whole text is in the model and tests). */
    static String ellipsize(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        int n = text.length();
        while (n > 1 && gc.textExtent(text.substring(0, n) + "…").x > width) {
            n--;
        }
        return text.substring(0, n) + "…";
    }

    /** Paints regime bands and markers behind the series. */
    private final class Behind implements ICustomPaintListener {
        @Override
        public void paintControl(PaintEvent e) {
            if (group == null) {
                return;
            }
            IAxis x = chart.getAxisSet().getXAxis(0);
            Rectangle area = chart.getPlotArea().getBounds();
            GC gc = e.gc;
            gc.setAlpha(55);
            for (PaneGroup.Band band : group.bands) {
                if (band.to() < lo || band.from() > hi) {
                    continue;
                }
                int x0 = x.getPixelCoordinate(band.from());
                int x1 = x.getPixelCoordinate(band.to());
                gc.setBackground(band.color());
                gc.fillRectangle(x0, 0, Math.max(1, x1 - x0), area.height);
            }
            gc.setAlpha(255);
        }

        @Override
        public boolean drawBehindSeries() {
            return true;
        }
    }

    /** Paints candles, bars, markers and the crosshair over the series. */
    private final class Front implements ICustomPaintListener {
        @Override
        public void paintControl(PaintEvent e) {
            GC gc = e.gc;
            IAxis x = chart.getAxisSet().getXAxis(0);
            Rectangle area = chart.getPlotArea().getBounds();
            for (Layer l : layers) {
                if (l.style == Layer.Style.CANDLES) {
                    paintCandles(gc, x, chart.getAxisSet().getYAxis(l.yAxis));
                } else if (l.style == Layer.Style.BARS) {
                    paintBars(gc, l, x, chart.getAxisSet().getYAxis(l.yAxis));
                }
            }
            if (group == null) {
                return;
            }
            gc.setLineStyle(SWT.LINE_DASH);
            for (PaneGroup.Marker m : group.markers) {
                if (m.time() >= lo && m.time() <= hi) {
                    int px = x.getPixelCoordinate(m.time());
                    gc.setForeground(m.color());
                    gc.drawLine(px, 0, px, area.height);
                }
            }
            gc.setLineStyle(SWT.LINE_SOLID);
            paintHeader(gc, area);
            if (group.crosshair != null) {
                paintCrosshair(gc, x, area, group.crosshair);
            }
        }

        /** The pane's name and legend, small, at the top left inside the plot. */
        private void paintHeader(GC gc, Rectangle area) {
            String head = ellipsize(gc, header(), area.width - 12);
            List<String> entries = legend();
            int h = gc.getFontMetrics().getHeight();
            int swatch = Math.max(8, h / 2);
            int w = gc.textExtent(head).x;
            // Full labels when they fit in the plot's width, else the short ids.
            boolean full = true;
            int fullWidth = w;
            for (String e : entries) {
                fullWidth += 12 + swatch + 4 + gc.textExtent(e).x;
            }
            if (fullWidth + 8 > area.width) {
                full = false;
            }
            int idWidth = w;
            for (int k = 0; k < entries.size(); k++) {
                idWidth += 12 + swatch + 4 + gc.textExtent(layers.get(k).id).x;
            }
            // Too narrow even for the ids: colour swatches only (the crosshair label names them).
            boolean texts = full || idWidth + 8 <= area.width;
            for (int k = 0; k < entries.size(); k++) {
                w += 12 + swatch + 4 + (texts ? gc.textExtent(full ? entries.get(k) : layers.get(k).id).x : 0);
            }
            gc.setAlpha(215);
            gc.setBackground(HEADER_BG);
            gc.fillRectangle(2, 2, Math.min(w + 8, area.width - 4), h + 2);
            gc.setAlpha(255);
            gc.setForeground(HEADER);
            gc.drawText(head, 6, 3, true);
            int px = 6 + gc.textExtent(head).x;
            for (int k = 0; k < entries.size(); k++) {
                Layer l = layers.get(k);
                px += 12;
                gc.setBackground(l.color);
                gc.fillRectangle(px, 3 + (h - swatch) / 2, swatch, swatch);
                px += swatch + 4;
                String text = !texts ? "" : full ? entries.get(k) : l.id;
                gc.setForeground(HEADER);
                gc.drawText(text, px, 3, true);
                px += gc.textExtent(text).x;
            }
            String stale = staleNote();
            int headerEnd = px + 16;
            int secondLineEnd = 0;
            if (stale != null) {
                // On the header's line when it fits there (a short pane keeps its plot clear),
                // else on its own line under it.
                String text = ellipsize(gc, stale, area.width - 12);
                int sw = gc.textExtent(text).x;
                boolean inline = px + 12 + sw + 8 <= area.width && bandLegend().isEmpty();
                int sx = inline ? px + 12 : 6;
                int sy = inline ? 3 : h + 5;
                gc.setAlpha(215);
                gc.setBackground(HEADER_BG);
                gc.fillRectangle(sx - 4, sy - 1, Math.min(sw + 8, area.width - 4), h + 2);
                gc.setAlpha(255);
                gc.setForeground(STALE);
                gc.drawText(text, sx, sy, true);
                headerEnd = inline ? sx + sw + 16 : headerEnd;
                secondLineEnd = inline ? 0 : sx + sw + 16;
            }
            paintBandLegend(gc, area, h, swatch, headerEnd, secondLineEnd);
        }

        /**
         * The top shown pane's legend of the regime bands in view, at the top right: a swatch and
         * the regime's name each, on the header's line when it fits after {@code headerEnd}, else
         * on the line below (after the stale note, {@code secondLineEnd}), else on a third.
         */
        private void paintBandLegend(GC gc, Rectangle area, int h, int swatch, int headerEnd, int secondLineEnd) {
            List<PaneGroup.Band> entries = bandLegend();
            if (entries.isEmpty()) {
                return;
            }
            int w = 4;
            for (PaneGroup.Band b : entries) {
                w += swatch + 4 + gc.textExtent(b.label()).x + 10;
            }
            int x0 = Math.max(2, area.width - w - 4);
            // The first line whose left part leaves it room: the header's, the stale note's, or a third.
            int y0 = x0 >= headerEnd ? 2 : x0 >= secondLineEnd ? h + 4 : 2 * h + 6;
            gc.setAlpha(215);
            gc.setBackground(HEADER_BG);
            gc.fillRectangle(x0, y0, Math.min(w, area.width - 4), h + 2);
            gc.setAlpha(255);
            int px = x0 + 4;
            for (PaneGroup.Band b : entries) {
                gc.setBackground(b.color());
                gc.setAlpha(110);
                gc.fillRectangle(px, y0 + 1 + (h - swatch) / 2, swatch, swatch);
                gc.setAlpha(255);
                px += swatch + 4;
                gc.setForeground(HEADER);
                gc.drawText(b.label(), px, y0 + 1, true);
                px += gc.textExtent(b.label()).x + 10;
            }
        }

        private void paintCandles(GC gc, IAxis x, IAxis y) {
            int n = candleCount;
            if (n == 0) {
                return;
            }
            int spacing = n > 1 ? Math.max(1, (x.getPixelCoordinate(candleX[n - 1]) - x.getPixelCoordinate(candleX[0])) / (n - 1)) : 5;
            int body = Math.max(1, (int) (spacing * 0.7));
            for (int k = 0; k < n; k++) {
                int px = x.getPixelCoordinate(candleX[k]);
                int yo = y.getPixelCoordinate(candleO[k]);
                int yc = y.getPixelCoordinate(candleC[k]);
                Color c = candleC[k] >= candleO[k] ? UP : DOWN;
                gc.setForeground(c);
                gc.setBackground(c);
                gc.drawLine(px, y.getPixelCoordinate(candleH[k]), px, y.getPixelCoordinate(candleL[k]));
                if (body > 2) {
                    gc.fillRectangle(px - body / 2, Math.min(yo, yc), body, Math.max(1, Math.abs(yo - yc)));
                }
            }
        }

        private void paintBars(GC gc, Layer l, IAxis x, IAxis y) {
            int n = l.count;
            if (n == 0) {
                return;
            }
            int spacing = n > 1 ? Math.max(1, (x.getPixelCoordinate(l.xs[n - 1]) - x.getPixelCoordinate(l.xs[0])) / (n - 1)) : 3;
            int width = Math.max(1, spacing - 1);
            int zero = y.getPixelCoordinate(y.isLogScaleEnabled() ? y.getRange().lower : 0);
            gc.setBackground(l.color);
            gc.setAlpha(200);
            for (int k = 0; k < n; k++) {
                int px = x.getPixelCoordinate(l.xs[k]);
                int py = y.getPixelCoordinate(l.ys[k]);
                gc.fillRectangle(px - width / 2, Math.min(py, zero), width, Math.max(1, Math.abs(zero - py)));
            }
            gc.setAlpha(255);
        }

        private void paintCrosshair(GC gc, IAxis x, Rectangle area, long t) {
            int px = x.getPixelCoordinate(t);
            gc.setForeground(CROSSHAIR);
            gc.setLineStyle(SWT.LINE_DOT);
            gc.drawLine(px, 0, px, area.height);
            gc.setLineStyle(SWT.LINE_SOLID);
            List<String> lines = describe(t);
            String extra = group.crosshairExtra == null ? null : group.crosshairExtra.apply(t);
            if (extra != null) {
                lines.add(extra);
            }
            if (lines.isEmpty()) {
                return;
            }
            int w = 0;
            int h = gc.getFontMetrics().getHeight();
            for (String s : lines) {
                w = Math.max(w, gc.textExtent(s).x);
            }
            int bx = px + 12 + w + 8 < area.width ? px + 12 : Math.max(0, px - 12 - w - 8);
            // Below the header, unless the pane is too short for that.
            int top = h * (lines.size() + 1) + 12 < area.height ? h + 6 : 2;
            gc.setBackground(LABEL_BG);
            gc.setAlpha(230);
            gc.fillRectangle(bx, top, w + 8, h * lines.size() + 6);
            gc.setAlpha(255);
            gc.setForeground(CROSSHAIR);
            gc.drawRectangle(bx, top, w + 8, h * lines.size() + 6);
            for (int k = 0; k < lines.size(); k++) {
                gc.drawText(lines.get(k), bx + 4, top + 3 + k * h, true);
            }
        }
    }
}
