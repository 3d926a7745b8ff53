package io.tideline.views.admin;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Small SWT helpers shared by the admin views. */
public final class Ui {

    private Ui() {
    }

    /**
     * Runs {@code task} on the UI thread of {@code owner} unless the control (or the display) was
     * disposed meanwhile, as happens when the user closes a view while a background job runs.
     * Callable from any thread.
     */
    public static void async(Control owner, Runnable task) {
        Display display;
        try {
            if (owner.isDisposed()) {
                return;
            }
            display = owner.getDisplay();
        } catch (SWTException e) {
            return;
        }
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!owner.isDisposed()) {
                    task.run();
                }
            });
        } catch (SWTException e) {
            // The display went away between the check and the call: nothing left to update.
        }
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
}
