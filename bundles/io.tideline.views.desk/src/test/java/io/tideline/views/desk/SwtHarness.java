package io.tideline.views.desk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** A real SWT display (under Xvfb in the build) with helpers to pump events and take screenshots. */
public final class SwtHarness {

    private static Display display;

    private SwtHarness() {
    }

    /** The display of the test thread, created once. */
    public static synchronized Display display() {
        if (display == null || display.isDisposed()) {
            display = Display.getDefault();
        }
        return display;
    }

    /** An open-ready shell at the screen's top left. */
    public static Shell shell(int width, int height) {
        Shell shell = new Shell(display(), SWT.SHELL_TRIM);
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, width, height);
        return shell;
    }

    /** Dispatches events until {@code done} holds; fails after {@code timeoutMillis}. */
    public static void pumpUntil(BooleanSupplier done, long timeoutMillis, String what) {
        Display d = display();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Dispatches events for {@code millis}. */
    public static void pump(long millis) {
        long end = System.currentTimeMillis() + millis;
        pumpUntil(() -> System.currentTimeMillis() >= end, millis + 1000, "time to pass");
    }

    /**
     * Captures the shell's area of the screen (GC copyArea of the display) and writes it to
     * {@code target/screenshots/NAME.png}.
     */
    public static ImageData screenshot(Shell shell, String name) throws Exception {
        Display d = display();
        shell.forceActive();
        pump(300);
        Rectangle b = shell.getBounds();
        Image image = new Image(d, b.width, b.height);
        GC gc = new GC(d);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        Path dir = Path.of(System.getProperty("tideline.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(dir.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        return data;
    }

    /** The colour at ({@code x}, {@code y}) of a captured image. */
    public static RGB rgb(ImageData data, int x, int y) {
        return data.palette.getRGB(data.getPixel(x, y));
    }

    /** How many distinct colours a capture has (a blank window has one or two). */
    public static int colours(ImageData data) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < data.height; y += 2) {
            for (int x = 0; x < data.width; x += 2) {
                seen.add(data.getPixel(x, y));
            }
        }
        return seen.size();
    }
}
