package io.tideline.workbench.internal;

import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;

/**
 * {@code --timing}: when the views' content was drawn at start, and how long the UI thread was
 * held until then. The workbench cannot know when a view has its data (a chart shows
 * "Loading…" first, then its panes), so "drawn" is read from the screen, as a browser's
 * "visually complete": the end of the last paint inside a view, once every bundle has started
 * (the launcher starts them while the window opens) and every view of the layout was created (a
 * view whose plugin is still starting shows a placeholder first), after which no view painted
 * for {@link #QUIET_MILLIS}. Then it prints {@code process start to views drawn N ms (at WALL,
 * P view paints)} and the watchdog's report since the window opened ({@code UI thread during
 * start: max ...}). Views that do not go quiet within {@link #GIVE_UP_MILLIS} are reported as
 * such. UI thread only.
 */
final class StartTiming {

    /** How long the views must stay unpainted for the last paint to count as the drawn one. */
    static final long QUIET_MILLIS = 3_000;
    /** How long after the window opened the measurement gives up. */
    static final long GIVE_UP_MILLIS = 60_000;
    private static final int CHECK_MILLIS = 100;

    private final Display display;
    private final WorkbenchUi ui;
    private final Supplier<UiWatchdog> watchdog;
    private final BooleanSupplier started;
    private final Consumer<String> out;
    private final long opened = System.nanoTime();
    private final Listener paints = this::painted;
    /** The wall clock and monotonic time at the end of the last paint inside a view; 0: none yet. */
    private long lastPaintWall;
    private long lastPaintNanos;
    private int viewPaints;

    /**
     * Starts measuring; call on the UI thread right after the window opened.
     *
     * @param watchdog the UI watchdog started with the window (read when the views are drawn)
     * @param started whether every bundle has started
     * @param out where the two timing lines go (standard error for the launcher's {@code --timing})
     */
    StartTiming(Display display, WorkbenchUi ui, Supplier<UiWatchdog> watchdog, BooleanSupplier started,
            Consumer<String> out) {
        this.display = display;
        this.ui = ui;
        this.watchdog = watchdog;
        this.started = started;
        this.out = out;
        display.addFilter(SWT.Paint, paints);
        display.timerExec(CHECK_MILLIS, this::check);
    }

    private void painted(Event e) {
        if (e.widget instanceof Control c && insideView(c)) {
            // The filter runs before the widget's own paint listeners: the end of this paint is
            // after them, so take the time once the paint event is handled.
            viewPaints++;
            display.asyncExec(() -> {
                lastPaintWall = System.currentTimeMillis();
                lastPaintNanos = System.nanoTime();
            });
        }
    }

    private boolean insideView(Control c) {
        for (Control p = c; p != null; p = p.getParent()) {
            if (p.getData("tideline.instance") instanceof String) {
                return true;
            }
        }
        return false;
    }

    private void check() {
        if (display.isDisposed() || ui.shell().isDisposed()) {
            return;
        }
        long now = System.nanoTime();
        boolean created = started.getAsBoolean() && ui.hosts().values().stream().allMatch(h -> h.state() != null);
        if (created && lastPaintNanos != 0 && now - lastPaintNanos >= QUIET_MILLIS * 1_000_000) {
            finish("process start to views drawn " + (lastPaintWall - jvmStart()) + " ms (at " + lastPaintWall
                    + ", " + viewPaints + " view paints)");
            return;
        }
        if (now - opened > GIVE_UP_MILLIS * 1_000_000) {
            finish("views not drawn: " + (created ? "they painted" : "not every bundle started or view created")
                    + " within " + GIVE_UP_MILLIS / 1000 + " s without " + QUIET_MILLIS + " ms of quiet");
            return;
        }
        display.timerExec(CHECK_MILLIS, this::check);
    }

    private void finish(String line) {
        display.removeFilter(SWT.Paint, paints);
        out.accept(line);
        UiWatchdog w = watchdog.get();
        if (w != null) {
            out.accept("UI thread during start: " + w.report());
        }
    }

    /** The JVM's start, as the launcher's and the first paint's timing lines use. */
    static long jvmStart() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
