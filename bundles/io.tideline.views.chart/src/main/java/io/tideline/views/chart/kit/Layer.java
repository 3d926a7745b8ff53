package io.tideline.views.chart.kit;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import java.util.Objects;
import org.eclipse.swt.graphics.Color;

/**
 * One plotted series of a {@link Pane}: its bars (times and the primary column, plus OHLC when
 * drawn as candles), how it is drawn, and the decimated points currently handed to SWTChart.
 * Mutable; UI thread only.
 */
public final class Layer {

    /** How a layer is drawn. */
    public enum Style {
        /** A line through the decimated points (SWTChart's line series). */
        LINE,
        /** Candlesticks, painted by the pane over the plot; needs OHLC. */
        CANDLES,
        /** Vertical bars from zero, painted by the pane (volume, liquidations). */
        BARS
    }

    final String id;
    final String label;
    // The bars: replaced together by adopt() when a reload brings new data for the same layer.
    long[] times;
    double[] values;
    double[] open;
    double[] high;
    double[] low;
    Style style;
    final Color color;
    int yAxis;
    /** Whether the pane may rebase this layer to 100 at the first visible bar. */
    boolean rebase;
    /** Rebase with another layer's base (an overlay such as a moving average of that series). */
    Layer baseOf;
    double base = Double.NaN;
    String unit = "";
    /** "2 d old" when the newest bar is older than the series' cadence allows, else null. */
    String stale;
    double[] xs = new double[0];
    double[] ys = new double[0];
    int count;

    /**
     * A layer over the primary column of {@code data} (close when present).
     *
     * @param id the SWTChart series id, unique in its pane (a role or series id)
     * @param label the legend text
     */
    public Layer(String id, String label, SeriesData data, Style style, Color color) {
        this.id = Objects.requireNonNull(id, "id");
        this.label = Objects.requireNonNull(label, "label");
        this.times = data.copyTimes();
        this.values = data.isEmpty() ? new double[0] : data.copyColumn(data.primary());
        boolean ohlc = data.has(Field.OPEN) && data.has(Field.HIGH) && data.has(Field.LOW);
        this.open = ohlc ? data.copyColumn(Field.OPEN) : null;
        this.high = ohlc ? data.copyColumn(Field.HIGH) : null;
        this.low = ohlc ? data.copyColumn(Field.LOW) : null;
        this.style = style == Style.CANDLES && !ohlc ? Style.LINE : style;
        this.color = color;
    }

    /** Whether the layer carries open, high and low (can be drawn as candles). */
    public boolean hasOhlc() {
        return open != null;
    }

    /** Plots this layer against the pane's y-axis of the given id. */
    public Layer yAxis(int axisId) {
        this.yAxis = axisId;
        return this;
    }

    /** Lets a pane in normalised mode rebase this layer to 100 at the first visible bar. */
    public Layer rebase(boolean on) {
        this.rebase = on;
        return this;
    }

    /** Rebases this layer with the base of {@code other} (an indicator over that series). */
    public Layer rebaseLike(Layer other) {
        this.baseOf = other;
        this.rebase = true;
        return this;
    }

    /** The unit shown after values in the crosshair label. */
    public Layer unit(String text) {
        this.unit = text == null ? "" : text;
        return this;
    }

    /**
     * Marks the layer's data as stale with its age ("2 d old"), painted in amber in the pane's
     * header; {@code null} when fresh. Not part of the structure: a refresh takes the new note.
     */
    public Layer stale(String note) {
        this.stale = note;
        return this;
    }

    /** The stale note, or {@code null} when the data is fresh. */
    public String stale() {
        return stale;
    }

    /** The unit shown on the axis and after crosshair values. */
    public String unit() {
        return unit;
    }

    /** The SWTChart series id. */
    public String id() {
        return id;
    }

    /** The drawing style. */
    public Style style() {
        return style;
    }

    /** The bar times (shared, do not modify). */
    long[] times() {
        return times;
    }

    /** The number of bars. */
    public int size() {
        return times.length;
    }

    /** The decimated points last handed to SWTChart. */
    public int plottedPoints() {
        return count;
    }

    /**
     * Whether {@code other} is drawn the same way: same id, legend label, style, colour, rebasing
     * and unit, and OHLC present in both or neither (the y-axis is compared by the pane).
     */
    boolean sameShape(Layer other) {
        return id.equals(other.id) && label.equals(other.label) && style == other.style
                && Objects.equals(color, other.color) && rebase == other.rebase
                && Objects.equals(baseOf == null ? null : baseOf.id, other.baseOf == null ? null : other.baseOf.id)
                && unit.equals(other.unit) && hasOhlc() == other.hasOhlc();
    }

    /**
     * Takes the bars of {@code fresh} (a layer of the same shape built from newer data), keeping
     * this layer's style, colour, rebasing partner and decimation buffers. The arrays are shared,
     * not copied: {@code fresh} is a throw-away description.
     */
    void adopt(Layer fresh) {
        times = fresh.times;
        values = fresh.values;
        open = fresh.open;
        high = fresh.high;
        low = fresh.low;
        stale = fresh.stale;
        base = Double.NaN;
    }

    /** The value plotted for raw value {@code v}: rebased to 100 or unchanged. */
    double plotted(double v) {
        double b = baseOf != null ? baseOf.base : base;
        return rebase && b > 0 ? 100 * v / b : v;
    }

    boolean rebased() {
        double b = baseOf != null ? baseOf.base : base;
        return rebase && b > 0;
    }
}
