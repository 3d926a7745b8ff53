package io.tideline.views.desk.heatmap;

import io.tideline.api.desk.CorrelationMatrix;
import io.tideline.api.desk.Curve;
import io.tideline.api.desk.Desk;
import io.tideline.api.series.Freshness;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.views.desk.ColorScale;
import io.tideline.views.desk.Swt;
import io.tideline.views.desk.Trace;
import io.tideline.views.desk.ViewBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The correlation heatmap: the rolling correlation matrix of the chosen roles (setting
 * {@code roles}, comma-separated) over a window of 30, 60, 90 or 180 common daily bars (setting
 * {@code window}), drawn with GC on a canvas in a blue–white–red scale with its legend, every
 * cell's numbers and sources on hover, and a sparkline of the BTC–Nasdaq correlation over the
 * last year. Cells and sparkline are the engine's one correlation of daily changes
 * ({@link io.tideline.api.indicator.Correlations}), so the sparkline ends on the cell's number;
 * the view computes nothing.
 *
 * <p>Everything is as of the workspace's date when one is pinned ({@link Desk#pinned}): the
 * matrix and the sparkline read no bar after the end of that day, the caption says the day as the
 * checklist does ("as of 2026-02-06 (the sample's date)"), and staleness is measured from its end.
 * Unpinned, the newest data, with ages measured from now.
 */
public final class HeatmapView extends ViewBase {

    /** The roles shown when the settings name none: the desk's board, which its snapshot holds. */
    public static final String DEFAULT_ROLES = String.join(",", Desk.BOARD_ROLES);
    /** The windows offered, in common daily bars. */
    static final int[] WINDOWS = {30, 60, 90, 180};
    static final int DEFAULT_WINDOW = Desk.BOARD_WINDOW;
    /** Stale data: amber, as in the chart views. */
    private static final int STALE = 0xB06E00;
    /** The sparkline's pair and span: the desk's, which its snapshot holds. */
    static final String SPARK_A = Desk.BOARD_PAIR.get(0);
    static final String SPARK_B = Desk.BOARD_PAIR.get(1);
    static final int SPARK_DAYS = Desk.TIMELINE_DAYS;

    private final Canvas canvas;
    private final Combo windowCombo;
    private final Text rolesText;
    private List<String> roles;
    private int window;
    private CorrelationMatrix matrix;
    /** The day the matrix shown was read as of, or null for the newest data. */
    private WorkspaceDate.Pinned pinned;
    /** Unpinned: the checklist's newest day the matrix shown was read as of, or null. */
    private LocalDate newest;
    private Curve spark;
    private boolean cellNumbers;
    private Font smallFont;
    /** "Stale: us10y 7 mo old, …" for the roles shown whose newest bar is too old, or null. */
    private String staleNote;
    private org.eclipse.swt.graphics.Rectangle staleArea;
    private java.util.function.LongSupplier clock = System::currentTimeMillis;
    private String caption;
    private String sparkTitle;
    private String sparkError;
    private HeatmapLayout layout;

    /** Builds the view in {@code parent} and starts loading. */
    public HeatmapView(Composite parent, ViewContext context, Desk data) {
        super(parent, context, data, "heatmap");
        roles = parseRoles(setting("roles", DEFAULT_ROLES));
        window = parseWindow(setting("window", Integer.toString(DEFAULT_WINDOW)));
        root.setLayout(new GridLayout(1, false));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(5, false));
        new Label(bar, SWT.NONE).setText(msg.get("heatmap.window"));
        windowCombo = new Combo(bar, SWT.READ_ONLY);
        for (int w : WINDOWS) {
            windowCombo.add(msg.format("heatmap.days", w));
            if (w == window) {
                windowCombo.select(windowCombo.getItemCount() - 1);
            }
        }
        windowCombo.addListener(SWT.Selection, e -> {
            window = WINDOWS[windowCombo.getSelectionIndex()];
            saveSetting("window", Integer.toString(window));
            refresh();
        });
        new Label(bar, SWT.NONE).setText(msg.get("heatmap.series"));
        rolesText = new Text(bar, SWT.BORDER | SWT.SINGLE);
        rolesText.setText(String.join(",", roles));
        rolesText.setToolTipText(msg.get("heatmap.series.tip"));
        GridData textData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        textData.widthHint = 260;
        rolesText.setLayoutData(textData);
        rolesText.addListener(SWT.DefaultSelection, e -> {
            List<String> chosen = parseRoles(rolesText.getText());
            if (!chosen.isEmpty()) {
                roles = chosen;
                saveSetting("roles", String.join(",", roles));
                refresh();
            }
        });
        statusLabel(bar);

        canvas = new Canvas(root, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.MouseMove, this::hover);
        canvas.addListener(SWT.MouseExit, e -> canvas.setToolTipText(null));
        refresh();
    }

    @Override
    protected void refresh() {
        List<String> r = roles;
        int w = window;
        long now = clock.getAsLong();
        // One read of the workspace's date per load: the matrix, its caption and the stale note
        // are of the same day even when the date changes meanwhile (the change loads again).
        background.run("matrix", () -> {
            WorkspaceDate.Pinned p = data.pinned().orElse(null);
            LocalDate day = p == null ? null : p.day();
            // Unpinned, the window's date is the checklist's newest day: the matrix is of that day
            // too, so the two never say different dates (its series may end a day earlier).
            LocalDate newest = p == null ? newestDay() : null;
            CorrelationMatrix m = data.correlations(r, w, p == null ? newest : day);
            return new Loaded(p, newest, m, staleNote(r, Freshness.asOf(day, now)));
        }, loaded -> {
            pinned = loaded.pinned();
            newest = loaded.newest();
            matrix = loaded.matrix();
            staleNote = loaded.staleNote();
            showError(null);
            canvas.redraw();
        }, this::showError);
        background.run("spark", () -> {
            LocalDate day = data.pinned().map(WorkspaceDate.Pinned::day).orElse(null);
            return data.correlationHistory(SPARK_A, SPARK_B, w, SPARK_DAYS, day);
        }, c -> {
            spark = c;
            sparkError = null;
            canvas.redraw();
        }, e -> {
            spark = null;
            sparkError = e.getMessage() == null ? e.toString() : e.getMessage();
            canvas.redraw();
        });
    }

    /**
     * One load: the workspace's date it was read as of (null: the newest data), the checklist's
     * newest day when unpinned (null when no checklist answers), the matrix, the stale note.
     */
    private record Loaded(WorkspaceDate.Pinned pinned, LocalDate newest, CorrelationMatrix matrix, String staleNote) {
    }

    /** The checklist's newest day, or null when it cannot say (then the matrix says its own). */
    private LocalDate newestDay() {
        try {
            return data.verdict(null).day();
        } catch (Exception e) {
            // No checklist running, or it failed (the checklist view says why): the matrix's own day.
            return null;
        }
    }

    /**
     * "as of 2026-02-06 (the sample's date)" while the workspace is pinned, in the words of the
     * status bar and the checklist; else "as of 2026-08-22 (newest data)", the checklist's newest
     * day (the matrix's last common day when no checklist runs). The brief form
     * ("2026-02-06 (sample date)") is for the short caption of a narrow pane.
     */
    String asOfText(CorrelationMatrix m, boolean brief) {
        return newest == null ? Trace.asOf(msg, pinned, Trace.day(m.latest()), true, brief)
                : Trace.asOf(msg, pinned, newest.toString(), false, brief);
    }

    /** The layout of the last paint, or {@code null} before the first; for tests and benchmarks. */
    public HeatmapLayout layout() {
        return layout;
    }

    /** The workspace's date the matrix shown was read as of, or {@code null} for the newest data. */
    public WorkspaceDate.Pinned pinned() {
        return pinned;
    }

    /** The matrix shown, or {@code null} while the first load runs. */
    public CorrelationMatrix matrix() {
        return matrix;
    }

    /** The canvas the heatmap is drawn on. */
    public Canvas canvas() {
        return canvas;
    }

    /** The tooltip text a pointer at ({@code x}, {@code y}) on the canvas would get, or {@code null}. */
    public String tooltipAt(int x, int y) {
        if (layout == null) {
            return null;
        }
        CorrelationMatrix m = matrix;
        if (staleNote != null && staleArea != null && staleArea.contains(x, y)) {
            return staleNote;
        }
        int hit = layout.hit(x, y);
        if (m != null && hit >= 0 && m.size() == layout.n()) {
            int i = hit / m.size();
            int j = hit % m.size();
            return msg.format("heatmap.tip", m.roles().get(i), source(m, i), m.roles().get(j), source(m, j),
                    number(m.value(i, j)), m.window(), Trace.day(m.asOf(i, j)));
        }
        Curve c = spark;
        if (c != null && c.size() > 0 && layout.inSpark(x, y)) {
            int k = (int) Math.round((double) (x - layout.sparkX()) / Math.max(1, layout.sparkWidth() - 1)
                    * (c.size() - 1));
            k = Math.max(0, Math.min(c.size() - 1, k));
            return msg.format("heatmap.spark.tip", c.label(), number(c.values()[k]), Trace.day(c.times()[k]),
                    c.source());
        }
        return null;
    }

    private void hover(Event e) {
        String tip = tooltipAt(e.x, e.y);
        if (!java.util.Objects.equals(tip, canvas.getToolTipText())) {
            canvas.setToolTipText(tip);
        }
    }

    private static String source(CorrelationMatrix m, int i) {
        String s = m.series().get(i);
        return s == null ? "?" : s;
    }

    /** The view's font at three quarters of its height, for numbers in small cells; disposed with the canvas. */
    private Font smallFont() {
        if (smallFont == null) {
            FontData[] data = canvas.getFont().getFontData();
            for (FontData d : data) {
                d.setHeight(Math.max(6, d.getHeight() * 3 / 4));
            }
            Font font = new Font(canvas.getDisplay(), data);
            canvas.addListener(SWT.Dispose, e -> font.dispose());
            smallFont = font;
        }
        return smallFont;
    }

    /** A two-decimal correlation without its leading zero: "0.45" to ".45", "-0.32" to "-.32". */
    static String compact(String twoDecimals) {
        return twoDecimals.replaceFirst("^(-?)0(?=\\D)", "$1");
    }

    private String number(double v) {
        return Double.isNaN(v) ? msg.get("heatmap.na") : String.format(msg.locale(), "%+.2f", v);
    }

    /** The caption under the grid as last painted, or {@code null}; for tests. */
    public String caption() {
        return caption;
    }

    /**
     * "Stale: btc 2 d old, us10y 7 mo old" for the roles whose newest bar by {@code asOf} is too
     * old, or null; off the UI thread.
     */
    private String staleNote(List<String> shown, long asOf) {
        Map<String, io.tideline.api.series.SeriesId> bound = data.roles();
        List<String> notes = new ArrayList<>();
        for (String role : shown) {
            io.tideline.api.series.SeriesId id = bound.get(role);
            if (id == null) {
                continue;
            }
            long age = data.staleAge(id, asOf);
            if (age >= 0) {
                notes.add(role + " " + msg.age(age));
            }
        }
        return notes.isEmpty() ? null : msg.format("heatmap.stale", String.join(", ", notes));
    }

    /** The stale-data note under the grid, or null when every role is fresh; for tests. */
    public String staleNote() {
        return staleNote;
    }

    /** Sets the clock ages are measured against when no day is pinned (tests), and loads again. */
    public void clock(java.util.function.LongSupplier now) {
        clock = now;
        refresh();
    }

    /** Whether the last paint wrote the correlation into each cell; for tests. */
    public boolean cellNumbers() {
        return cellNumbers;
    }

    /** The sparkline's title as last painted, or {@code null}; for tests. */
    public String sparkTitle() {
        return sparkTitle;
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        CorrelationMatrix m = matrix;
        List<String> labels = m == null ? roles : m.roles();
        int labelWidth = 0;
        for (String label : labels) {
            labelWidth = Math.max(labelWidth, gc.textExtent(label).x);
        }
        int lineHeight = gc.getFontMetrics().getHeight();
        layout = HeatmapLayout.of(labels.size(), area.width, area.height, labelWidth, lineHeight);
        if (m == null) {
            return;
        }
        paintGrid(gc, m, lineHeight);
        paintLegend(gc, lineHeight);
        paintSpark(gc, lineHeight);
    }

    private void paintGrid(GC gc, CorrelationMatrix m, int lineHeight) {
        HeatmapLayout l = layout;
        int n = m.size();
        int cell = l.cell();
        // No "+" on positive values: "0.45" and "-0.32" leave a narrow cell room for its number.
        String widest = String.format(msg.locale(), "%.2f", -0.99);
        // Numbers sit in the lower part of the cell, clear of its centre, so the centre always
        // shows the pure scale colour (what the eye compares with the legend, and the tests read).
        boolean numbers = gc.textExtent(widest).x + 4 <= cell && 2 * lineHeight + 4 <= cell;
        // A cell one line high still gets its number, centred (the perspectives' panes give
        // cells of ~30 px, and a trader reads the number, not the shade).
        boolean centred = !numbers && gc.textExtent(widest).x + 2 <= cell && lineHeight + 2 <= cell;
        // Narrower still, the number without its leading zero (".45", "-.32"), as desks write
        // correlations: a small pane keeps its numbers rather than only shades.
        Font normal = gc.getFont();
        boolean compact = false;
        if (!numbers && !centred) {
            gc.setFont(smallFont());
            Point small = gc.textExtent(compact(widest));
            compact = small.x + 2 <= cell && small.y + 2 <= cell;
            gc.setFont(normal);
        }
        centred |= compact;
        cellNumbers = numbers || centred;
        for (int i = 0; i < n; i++) {
            String label = m.roles().get(i);
            Point extent = gc.textExtent(label);
            gc.drawText(label, l.gridX() - HeatmapLayout.MARGIN - extent.x, l.centreY(i) - extent.y / 2, true);
            // Column labels read bottom-up so long role names fit above narrow cells.
            Transform t = new Transform(gc.getDevice());
            t.translate(l.centreX(i) - extent.y / 2f, l.gridY() - HeatmapLayout.MARGIN);
            t.rotate(-90);
            gc.setTransform(t);
            gc.drawText(label, 0, 0, true);
            gc.setTransform(null);
            t.dispose();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = m.value(i, j);
                int rgb = ColorScale.diverging(v);
                gc.setBackground(Swt.color(rgb));
                gc.fillRectangle(l.gridX() + j * cell, l.gridY() + i * cell, cell, cell);
                if (numbers || centred) {
                    gc.setForeground(Swt.color(ColorScale.textOn(rgb)));
                    String text = Double.isNaN(v) ? "\u2013" : String.format(msg.locale(), "%.2f", v);
                    text = compact ? compact(text) : text;
                    if (compact) {
                        gc.setFont(smallFont());
                    }
                    Point size = gc.textExtent(text);
                    int y = numbers ? l.gridY() + (i + 1) * cell - size.y - 2 : l.centreY(i) - size.y / 2;
                    gc.drawText(text, l.centreX(j) - size.x / 2, y, true);
                    gc.setFont(normal);
                }
            }
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(l.gridX() - 1, l.gridY() - 1, n * cell + 1, n * cell + 1);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        // Narrow panes get the short wording, and start it at the left margin rather than under the grid.
        String full = msg.format("heatmap.caption", m.window(), asOfText(m, false));
        String brief = msg.format("heatmap.caption.short", m.window(), asOfText(m, true));
        int width = l.width() - l.gridX() - HeatmapLayout.MARGIN;
        int x = l.gridX();
        if (gc.textExtent(brief).x > width && gc.textExtent(full).x > width) {
            x = HeatmapLayout.MARGIN;
            width = l.width() - 2 * HeatmapLayout.MARGIN;
        }
        caption = Swt.fit(gc, width, full, brief);
        gc.drawText(caption, x, l.gridY() + n * cell + 2, true);
        String stale = staleNote;
        if (stale != null) {
            gc.setForeground(Swt.color(STALE));
            // Beside the grid there is one line under it: the note follows the caption there.
            int sx = l.sparkBeside() ? x + gc.textExtent(caption).x + 12 : x;
            int sy = l.gridY() + n * cell + 2 + (l.sparkBeside() ? 0 : lineHeight);
            String shown = Swt.ellipsize(gc, stale, width - (sx - x));
            gc.drawText(shown, sx, sy, true);
            // A cut note reads whole on hover.
            staleArea = new org.eclipse.swt.graphics.Rectangle(sx, sy, gc.textExtent(shown).x, lineHeight);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        }
    }

    private void paintLegend(GC gc, int lineHeight) {
        HeatmapLayout l = layout;
        int top = l.gridY();
        int height = Math.max(40, l.n() * l.cell());
        for (int y = 0; y < height; y++) {
            double v = 1.0 - 2.0 * y / (height - 1);
            gc.setForeground(Swt.color(ColorScale.diverging(v)));
            gc.drawLine(l.legendX(), top + y, l.legendX() + HeatmapLayout.LEGEND_BAR - 1, top + y);
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawRectangle(l.legendX() - 1, top - 1, HeatmapLayout.LEGEND_BAR + 1, height + 1);
        double[] ticks = {1, 0.5, 0, -0.5, -1};
        for (double tick : ticks) {
            int y = top + (int) Math.round((1 - tick) / 2 * (height - 1));
            gc.drawLine(l.legendX() + HeatmapLayout.LEGEND_BAR, y, l.legendX() + HeatmapLayout.LEGEND_BAR + 3, y);
            gc.drawText(String.format(msg.locale(), "%+.1f", tick), l.legendX() + HeatmapLayout.LEGEND_BAR + 5,
                    y - lineHeight / 2, true);
        }
    }

    private void paintSpark(GC gc, int lineHeight) {
        HeatmapLayout l = layout;
        int x0 = l.sparkX();
        int w = l.sparkWidth();
        // Beside the grid the plot is narrow: the title takes two lines (name, then the last value).
        int titleLines = l.sparkBeside() ? 2 : 1;
        int y0 = l.sparkY() + titleLines * lineHeight;
        int h = l.sparkHeight() - titleLines * lineHeight;
        Curve c = spark;
        String title = msg.format("heatmap.spark", SPARK_A, SPARK_B, window);
        String brief = msg.format("heatmap.spark.short", SPARK_A, SPARK_B, window);
        String tail = "";
        if (c != null && c.size() > 0) {
            double last = c.values()[c.size() - 1];
            tail = "  " + msg.format("heatmap.spark.last", number(last), Trace.day(c.times()[c.size() - 1]));
        } else if (sparkError != null) {
            tail = "  " + msg.format("error", sparkError);
        }
        int room = l.width() - x0 - HeatmapLayout.MARGIN;
        if (titleLines == 2) {
            sparkTitle = Swt.fit(gc, room, title, brief) + "\n" + Swt.fit(gc, room, tail.strip());
        } else {
            sparkTitle = Swt.fit(gc, room, title + tail, brief + tail);
        }
        gc.drawText(sparkTitle, x0, l.sparkY(), SWT.DRAW_TRANSPARENT | SWT.DRAW_DELIMITER);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(x0, y0, w - 1, h - 1);
        int zero = y0 + (h - 1) / 2;
        gc.setLineStyle(SWT.LINE_DOT);
        gc.drawLine(x0, zero, x0 + w - 1, zero);
        gc.setLineStyle(SWT.LINE_SOLID);
        // The y-axis: correlation +1 at the top, 0 on the dotted line, -1 at the bottom.
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        String[] ticks = {"+1", "0", "\u22121"};
        int[] at = {y0, zero, y0 + h - 1};
        for (int k = 0; k < ticks.length; k++) {
            Point size = gc.textExtent(ticks[k]);
            int ty = Math.max(y0 - size.y / 2, Math.min(at[k] - size.y / 2, y0 + h - size.y / 2));
            gc.drawText(ticks[k], x0 - 3 - size.x, ty, true);
        }
        if (c == null || c.size() < 2) {
            return;
        }
        double[] v = c.values();
        int prevX = -1;
        int prevY = -1;
        gc.setLineWidth(2);
        for (int k = 0; k < v.length; k++) {
            if (Double.isNaN(v[k])) {
                prevX = -1;
                continue;
            }
            int x = x0 + (int) Math.round((double) k / (v.length - 1) * (w - 1));
            int y = y0 + (int) Math.round((1 - Math.max(-1, Math.min(1, v[k]))) / 2 * (h - 1));
            if (prevX >= 0) {
                gc.setForeground(Swt.color(ColorScale.diverging(Math.signum(v[k]) * Math.max(0.4, Math.abs(v[k])))));
                gc.drawLine(prevX, prevY, x, y);
            }
            prevX = x;
            prevY = y;
        }
        gc.setLineWidth(1);
    }

    /** Splits the comma-separated roles setting; blanks dropped, order kept, duplicates once. */
    static List<String> parseRoles(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String r = part.strip();
            if (!r.isEmpty() && !out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private static int parseWindow(String text) {
        try {
            int w = Integer.parseInt(text.strip());
            for (int allowed : WINDOWS) {
                if (allowed == w) {
                    return w;
                }
            }
        } catch (NumberFormatException e) {
            // A hand-edited layout with a bad window falls back to the default below.
        }
        return DEFAULT_WINDOW;
    }
}
