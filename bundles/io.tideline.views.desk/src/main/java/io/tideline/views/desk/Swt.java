package io.tideline.views.desk;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Control;

/** Small SWT helpers the desk views share. Call on the UI thread. */
public final class Swt {

    private Swt() {
    }

    /**
     * The SWT colour of a packed {@code 0xRRGGBB} value. Device-less colours hold no OS resource
     * (SWT 3.115+), so they need no dispose.
     */
    public static Color color(int rgb) {
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /** The control's font, bigger by {@code points} and in {@code style}; disposed with the control. */
    public static Font derivedFont(Control control, int points, int style) {
        FontData[] data = control.getFont().getFontData();
        for (FontData d : data) {
            d.setHeight(d.getHeight() + points);
            d.setStyle(style);
        }
        Font font = new Font(control.getDisplay(), data);
        control.addDisposeListener(e -> font.dispose());
        return font;
    }

    /**
     * A filled circle of {@code rgb} on a transparent square, for traffic lights; disposed with
     * the owner. Built from pixels with an alpha channel so it reads on any background.
     */
    public static Image dot(Control owner, int rgb, int size) {
        ImageData data = new ImageData(size, size, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        double r = size / 2.0 - 0.5;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d = Math.hypot(x - (size - 1) / 2.0, y - (size - 1) / 2.0);
                // One pixel of soft edge instead of a jagged circle.
                int alpha = (int) Math.round(255 * Math.max(0, Math.min(1, r - d + 0.5)));
                data.setPixel(x, y, rgb);
                data.setAlpha(x, y, alpha);
            }
        }
        Image image = new Image(owner.getDisplay(), data);
        owner.addDisposeListener(e -> image.dispose());
        return image;
    }

    /**
     * {@code text} for a label, button or column header, where SWT reads {@code &} as a
     * mnemonic marker: doubled so "P&L" shows as written.
     */
    public static String literal(String text) {
        return text == null ? "" : text.replace("&", "&&");
    }

    /** Draws {@code text} centred on ({@code cx}, {@code cy}). */
    public static void centred(GC gc, String text, int cx, int cy) {
        org.eclipse.swt.graphics.Point extent = gc.textExtent(text);
        gc.drawText(text, cx - extent.x / 2, cy - extent.y / 2, true);
    }

    /**
     * The first of {@code candidates} whose extent fits in {@code width} pixels, else the last
     * one cut with an ellipsis so it does: for captions drawn on canvases that may be narrow.
     */
    public static String fit(GC gc, int width, String... candidates) {
        for (String c : candidates) {
            if (gc.textExtent(c).x <= width) {
                return c;
            }
        }
        return ellipsize(gc, candidates[candidates.length - 1], width);
    }

    /** {@code text} cut at the end with "…" so it fits in {@code width} pixels (at least "…"). */
    public static String ellipsize(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        // Binary search on the kept length: textExtent grows with the prefix.
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (gc.textExtent(text.substring(0, mid).stripTrailing() + "\u2026").x <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo).stripTrailing() + "\u2026";
    }

    /** Pixels added to a packed column so that its widest text is drawn whole, not cut with "…". */
    private static final int PACK_SLACK = 8;

    /** The row's data key of a cell's own tooltip ({@link #cellTip}), followed by the column index. */
    private static final String CELL_TIP = "tideline.tip.";

    /**
     * Makes the table's tooltip the full text of the cell under the mouse, so text cut by a
     * narrow column can still be read (SWT on GTK shows no tooltip for cut cells on its own), or
     * the cell's own tip when it has one ({@link #cellTip}).
     */
    public static void cellTips(org.eclipse.swt.widgets.Table table) {
        // A cut cell ends in "…", so the user sees there is more to hover for.
        ellipsizeCells(table);
        table.addListener(SWT.MouseMove, e -> {
            org.eclipse.swt.widgets.TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            String tip = null;
            if (item != null) {
                for (int i = 0; i < Math.max(1, table.getColumnCount()); i++) {
                    if (item.getBounds(i).contains(e.x, e.y)) {
                        tip = item.getData(CELL_TIP + i) instanceof String own ? own : item.getText(i);
                        break;
                    }
                }
            }
            setTip(table, tip);
        });
    }

    /**
     * Gives one cell of a table with {@link #cellTips} a tooltip of its own instead of its text:
     * the details a short cell stands for.
     */
    public static void cellTip(org.eclipse.swt.widgets.TableItem item, int column, String tip) {
        item.setData(CELL_TIP + column, tip);
    }

    /** As {@link #cellTips(org.eclipse.swt.widgets.Table)}, for trees. */
    public static void cellTips(org.eclipse.swt.widgets.Tree tree) {
        ellipsizeCells(tree);
        tree.addListener(SWT.MouseMove, e -> {
            org.eclipse.swt.widgets.TreeItem item = tree.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            String tip = null;
            if (item != null) {
                for (int i = 0; i < Math.max(1, tree.getColumnCount()); i++) {
                    if (item.getBounds(i).contains(e.x, e.y)) {
                        tip = item.getText(i);
                        break;
                    }
                }
            }
            setTip(tree, tip);
        });
    }

    private static void setTip(Control control, String tip) {
        String t = tip == null || tip.isBlank() ? null : tip;
        if (!java.util.Objects.equals(t, control.getToolTipText())) {
            control.setToolTipText(t);
        }
    }

    /**
     * Gives column {@code fill} of the table whatever width the other columns leave in the
     * visible area (at least {@code min}), now and whenever the table is resized.
     */
    public static void fillColumn(org.eclipse.swt.widgets.Table table, int fill, int min) {
        Runnable fit = () -> {
            int others = 0;
            for (int i = 0; i < table.getColumnCount(); i++) {
                others += i == fill ? 0 : table.getColumn(i).getWidth();
            }
            table.getColumn(fill).setWidth(Math.max(min, table.getClientArea().width - others));
        };
        table.addListener(SWT.Resize, e -> fit.run());
        fit.run();
    }

    /**
     * Draws a cell whose text is wider than its column cut with "…" instead of clipped mid-letter
     * ("unknown (stale: t"); the item keeps its whole text, which {@link #cellTips} shows on hover.
     * Cells that fit are drawn by the toolkit as before.
     */
    public static void ellipsizeCells(org.eclipse.swt.widgets.Table table) {
        ellipsize(table, (item, i) -> ((org.eclipse.swt.widgets.TableItem) item).getText(i),
                (item, i) -> ((org.eclipse.swt.widgets.TableItem) item).getImage(i),
                (item, i) -> ((org.eclipse.swt.widgets.TableItem) item).getBounds(i),
                (item, i) -> ((org.eclipse.swt.widgets.TableItem) item).getTextBounds(i));
    }

    /** As {@link #ellipsizeCells(org.eclipse.swt.widgets.Table)}, for trees. */
    public static void ellipsizeCells(org.eclipse.swt.widgets.Tree tree) {
        ellipsize(tree, (item, i) -> ((org.eclipse.swt.widgets.TreeItem) item).getText(i),
                (item, i) -> ((org.eclipse.swt.widgets.TreeItem) item).getImage(i),
                (item, i) -> ((org.eclipse.swt.widgets.TreeItem) item).getBounds(i),
                (item, i) -> ((org.eclipse.swt.widgets.TreeItem) item).getTextBounds(i));
    }

    /**
     * The text a cell shows in {@code width} pixels of text area: whole when it fits, else cut
     * with "…" (what {@link #ellipsizeCells} draws).
     */
    public static String cellText(GC gc, String text, int width) {
        return gc.textExtent(text).x <= width ? text : ellipsize(gc, text, Math.max(0, width));
    }

    /** The width a cell's text may take: from where its text starts to the end of the cell. */
    public static int textWidth(org.eclipse.swt.graphics.Rectangle cell, org.eclipse.swt.graphics.Rectangle text) {
        return cell.x + cell.width - Math.max(cell.x, text.x) - 4;
    }

    private static void ellipsize(org.eclipse.swt.widgets.Control owner,
            java.util.function.BiFunction<org.eclipse.swt.widgets.Item, Integer, String> text,
            java.util.function.BiFunction<org.eclipse.swt.widgets.Item, Integer, org.eclipse.swt.graphics.Image> image,
            java.util.function.BiFunction<org.eclipse.swt.widgets.Item, Integer, org.eclipse.swt.graphics.Rectangle> cell,
            java.util.function.BiFunction<org.eclipse.swt.widgets.Item, Integer, org.eclipse.swt.graphics.Rectangle> textArea) {
        owner.addListener(SWT.EraseItem, e -> {
            org.eclipse.swt.widgets.Item item = (org.eclipse.swt.widgets.Item) e.item;
            String t = text.apply(item, e.index);
            if (t != null && !t.isEmpty() && e.gc.textExtent(t).x > textWidth(cell.apply(item, e.index),
                    textArea.apply(item, e.index))) {
                // This cell is ours to draw (PaintItem); the background and selection stay the toolkit's.
                e.detail &= ~SWT.FOREGROUND;
            }
        });
        owner.addListener(SWT.PaintItem, e -> {
            org.eclipse.swt.widgets.Item item = (org.eclipse.swt.widgets.Item) e.item;
            String t = text.apply(item, e.index);
            org.eclipse.swt.graphics.Rectangle c = cell.apply(item, e.index);
            org.eclipse.swt.graphics.Rectangle ta = textArea.apply(item, e.index);
            int width = textWidth(c, ta);
            if (t == null || t.isEmpty() || e.gc.textExtent(t).x <= width) {
                return;
            }
            org.eclipse.swt.graphics.Image img = image.apply(item, e.index);
            if (img != null) {
                org.eclipse.swt.graphics.Rectangle ib = img.getBounds();
                e.gc.drawImage(img, Math.max(c.x, ta.x - ib.width - 3), c.y + (c.height - ib.height) / 2);
            }
            String shown = cellText(e.gc, t, width);
            int h = e.gc.textExtent(shown).y;
            e.gc.drawText(shown, Math.max(c.x, ta.x), c.y + (c.height - h) / 2, true);
        });
    }

    /**
     * Sizes the columns of {@code table} to their content (header and cells), then gives column
     * {@code fill} the rest of the visible width, at least {@code minFill}; when the content is
     * wider than the view, the other columns shrink in proportion (their cells end in "…", see
     * {@link #ellipsizeCells}) rather than pushing columns out of sight. Call after filling rows;
     * the table refits itself when resized.
     */
    public static void fitColumns(org.eclipse.swt.widgets.Table table, int fill, int minFill) {
        fitColumns(table, table.getColumns(), fill, minFill, () -> fitColumns(table, fill, minFill));
    }

    /** As {@link #fitColumns(org.eclipse.swt.widgets.Table, int, int)}, for trees. */
    public static void fitColumns(org.eclipse.swt.widgets.Tree tree, int fill, int minFill) {
        fitColumns(tree, tree.getColumns(), fill, minFill, () -> fitColumns(tree, fill, minFill));
    }

    /**
     * The one fitting of table and tree columns: SWT's TableColumn and TreeColumn share no type
     * that can pack or size, so each column goes through {@link ColumnAccess}.
     */
    private static void fitColumns(org.eclipse.swt.widgets.Composite owner, org.eclipse.swt.widgets.Item[] cols,
            int fill, int minFill, Runnable refit) {
        if (owner.getData("tideline.fit") == null) {
            owner.setData("tideline.fit", Boolean.TRUE);
            owner.addListener(SWT.Resize, e -> refit.run());
        }
        ColumnAccess[] c = new ColumnAccess[cols.length];
        for (int i = 0; i < cols.length; i++) {
            c[i] = ColumnAccess.of(cols[i]);
        }
        int[] w = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            if (i != fill) {
                c[i].pack();
                // The toolkit packs to its own cell padding, a few pixels less than the room
                // ellipsizeCells leaves text (textWidth): without the slack a packed cell is cut.
                w[i] = c[i].width() + PACK_SLACK;
            }
        }
        int[] content = w.clone();
        fit(w, fill, minFill, owner.getClientArea().width);
        for (int i = 0; i < cols.length; i++) {
            if (c[i].width() != w[i]) {
                c[i].width(w[i]);
            }
            // A header shrunk below its text is read whole on hover.
            String tip = i != fill && w[i] < content[i] ? cols[i].getText().replace("&&", "&") : null;
            if (!java.util.Objects.equals(tip, c[i].tip())) {
                c[i].tip(tip);
            }
        }
    }

    /** What fitting needs of a table or tree column. */
    private interface ColumnAccess {
        void pack();

        int width();

        void width(int w);

        String tip();

        void tip(String t);

        static ColumnAccess of(org.eclipse.swt.widgets.Item column) {
            if (column instanceof org.eclipse.swt.widgets.TableColumn t) {
                return new ColumnAccess() {
                    public void pack() { t.pack(); }
                    public int width() { return t.getWidth(); }
                    public void width(int w) { t.setWidth(w); }
                    public String tip() { return t.getToolTipText(); }
                    public void tip(String s) { t.setToolTipText(s); }
                };
            }
            org.eclipse.swt.widgets.TreeColumn t = (org.eclipse.swt.widgets.TreeColumn) column;
            return new ColumnAccess() {
                public void pack() { t.pack(); }
                public int width() { return t.getWidth(); }
                public void width(int w) { t.setWidth(w); }
                public String tip() { return t.getToolTipText(); }
                public void tip(String s) { t.setToolTipText(s); }
            };
        }
    }

    /**
     * Column widths for a visible width: {@code w} holds each column's content width (the fill
     * column's is ignored) and receives the widths to set. Package-private for tests.
     */
    static void fit(int[] w, int fill, int minFill, int client) {
        if (client <= 0) {
            return;
        }
        int others = 0;
        for (int i = 0; i < w.length; i++) {
            others += i == fill ? 0 : w[i];
        }
        int budget = Math.max(0, client - minFill);
        if (others > budget) {
            // Cap the widest columns first (the same cap for all), so short columns such as a
            // value or a threshold stay whole and a long state text takes the cut; never below
            // 40 px.
            int lo = 40;
            int hi = 0;
            for (int i = 0; i < w.length; i++) {
                hi = i == fill ? hi : Math.max(hi, w[i]);
            }
            while (lo < hi) {
                int cap = (lo + hi + 1) / 2;
                int sum = 0;
                for (int i = 0; i < w.length; i++) {
                    sum += i == fill ? 0 : Math.min(w[i], cap);
                }
                if (sum <= budget) {
                    lo = cap;
                } else {
                    hi = cap - 1;
                }
            }
            others = 0;
            for (int i = 0; i < w.length; i++) {
                if (i != fill) {
                    w[i] = Math.min(w[i], lo);
                    others += w[i];
                }
            }
        }
        w[fill] = Math.max(minFill, client - others);
    }
}
