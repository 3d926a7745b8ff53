package io.tideline.views.admin;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Control;

/** Small SWT helpers shared by the admin views. */
public final class Ui {

    private Ui() {
    }

    /** A bold variant of the control's font, disposed with the control. */
    public static Font bold(Control control) {
        FontData[] data = control.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
            d.setHeight(d.getHeight() + 1);
        }
        Font font = new Font(control.getDisplay(), data);
        control.addDisposeListener(e -> font.dispose());
        return font;
    }

    /**
     * Text for a {@code Label} or {@code Button} taken from data (a metatype description, a
     * setting's name): SWT reads '&' as a mnemonic marker and drops it ("S&P" showed as "SP"),
     * so each is doubled.
     */
    public static String literal(String text) {
        return text == null ? "" : text.replace("&", "&&");
    }

    /**
     * Draws an entry of a one-column tree that is wider than the tree cut with "…" (rather than
     * clipped mid-letter at the border) and shows its whole text as the tooltip on hover.
     */
    public static void ellipsizeItems(org.eclipse.swt.widgets.Tree tree) {
        tree.addListener(org.eclipse.swt.SWT.EraseItem, e -> {
            if (!fits(e.gc, tree, (org.eclipse.swt.widgets.TreeItem) e.item)) {
                e.detail &= ~org.eclipse.swt.SWT.FOREGROUND;
            }
        });
        tree.addListener(org.eclipse.swt.SWT.PaintItem, e -> {
            org.eclipse.swt.widgets.TreeItem item = (org.eclipse.swt.widgets.TreeItem) e.item;
            if (fits(e.gc, tree, item)) {
                return;
            }
            org.eclipse.swt.graphics.Rectangle text = item.getTextBounds(0);
            String shown = shown(e.gc, item.getText(), room(tree, text));
            e.gc.drawText(shown, text.x, text.y + (text.height - e.gc.textExtent(shown).y) / 2, true);
        });
        tree.addListener(org.eclipse.swt.SWT.MouseMove, e -> {
            org.eclipse.swt.widgets.TreeItem item = tree.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            GC gc = new GC(tree);
            String tip;
            try {
                tip = item != null && !fits(gc, tree, item) ? item.getText() : null;
            } finally {
                gc.dispose();
            }
            if (!java.util.Objects.equals(tip, tree.getToolTipText())) {
                tree.setToolTipText(tip);
            }
        });
    }

    /** The text an entry shows in {@code width} pixels: whole, or cut with "…". */
    public static String shown(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        int n = text.length();
        while (n > 0 && gc.textExtent(text.substring(0, n).stripTrailing() + "\u2026").x > width) {
            n--;
        }
        return text.substring(0, n).stripTrailing() + "\u2026";
    }

    /** The width an entry's text may take: from where it starts to the tree's visible edge. */
    public static int room(org.eclipse.swt.widgets.Tree tree, org.eclipse.swt.graphics.Rectangle text) {
        org.eclipse.swt.graphics.Rectangle client = tree.getClientArea();
        return client.x + client.width - text.x - 4;
    }

    private static boolean fits(GC gc, org.eclipse.swt.widgets.Tree tree, org.eclipse.swt.widgets.TreeItem item) {
        return gc.textExtent(item.getText()).x <= room(tree, item.getTextBounds(0));
    }
}
