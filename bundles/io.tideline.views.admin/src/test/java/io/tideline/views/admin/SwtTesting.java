package io.tideline.views.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.ui.ViewContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** Real SWT (under Xvfb in the build) for the view tests: pumping events, a view context, screenshots. */
public final class SwtTesting {

    private SwtTesting() {
    }

    /** The display of the test thread; created once, left open for the JVM's lifetime. */
    public static Display display() {
        return Display.getDefault();
    }

    /** Runs the event loop until the condition holds; fails naming what was awaited. */
    public static void pumpUntil(String what, BooleanSupplier condition) {
        Display display = display();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 10 s waiting for: " + what);
            }
            while (display.readAndDispatch()) {
                // drain
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Runs the event loop for a while, so a shell is painted. */
    public static void pumpFor(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        pumpUntil("time", () -> System.nanoTime() > end);
    }

    /**
     * Saves a picture of the shell to {@code target/screenshots/NAME.png} and checks that it is not
     * blank (a blank window has a handful of colours; text and widgets give many more).
     *
     * @return the number of distinct colours
     */
    public static int screenshot(Shell shell, String name) throws IOException {
        pumpFor(300);
        Rectangle area = shell.getClientArea();
        Image image = new Image(shell.getDisplay(), area.width, area.height);
        try {
            GC gc = new GC(image);
            try {
                shell.print(gc);
            } finally {
                gc.dispose();
            }
            ImageData data = image.getImageData();
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < data.height; y += 2) {
                for (int x = 0; x < data.width; x += 2) {
                    colours.add(data.getPixel(x, y));
                }
            }
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            Path png = dir.resolve(name + ".png");
            loader.save(png.toString(), SWT.IMAGE_PNG);
            assertThat(png).exists();
            assertThat(colours.size()).as("distinct colours in " + png + " (a blank picture has one or two)")
                    .isGreaterThan(20);
            return colours.size();
        } finally {
            image.dispose();
        }
    }

    /** A view context as the workbench gives one, recording what the view tells it. */
    public static final class TestContext implements ViewContext {
        private final Locale locale;
        private Map<String, String> settings = new HashMap<>();
        /** Every status message, in order. */
        public final List<String> statuses = new ArrayList<>();

        /** A context in the given language. */
        public TestContext(Locale locale) {
            this.locale = locale;
        }

        @Override
        public String instanceId() {
            return "test-1";
        }

        @Override
        public Map<String, String> settings() {
            return Map.copyOf(settings);
        }

        @Override
        public void updateSettings(Map<String, String> newSettings) {
            settings = new HashMap<>(newSettings);
        }

        @Override
        public void status(String message) {
            statuses.add(message);
        }

        @Override
        public Locale locale() {
            return locale;
        }
    }
}
