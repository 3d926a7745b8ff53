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
}
