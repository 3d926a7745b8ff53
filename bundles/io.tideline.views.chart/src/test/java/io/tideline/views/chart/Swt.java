package io.tideline.views.chart;

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
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** SWT helpers for tests: one display on the test thread, event pumping, screenshots. */
final class Swt {

    private Swt() {
    }

    static Display display() {
        return Display.getDefault();
    }

    /** Runs the event loop until {@code done} or the timeout; returns whether it is done. */
    static boolean pump(BooleanSupplier done, long timeoutMillis) {
        Display d = display();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return done.getAsBoolean();
    }

    /** Runs the event loop for a while (painting, timers). */
    static void settle(long millis) {
        pump(() -> false, millis);
    }

    /**
     * Saves what the screen shows of {@code shell} to {@code target/screenshots/<name>.png} and
     * returns the number of distinct colours in it.
     */
    static int screenshot(Shell shell, String name) throws Exception {
        Display d = display();
        shell.forceActive();
        settle(400);
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
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(dir.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 2) {
            for (int x = 0; x < data.width; x += 2) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }
}
