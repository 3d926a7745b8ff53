package io.tideline.workbench.internal;

import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;

/**
 * {@code --timing}: when the views' content was drawn at start, and how long the UI thread was
 * held until then. The workbench cannot know when a view has its data (a chart shows
 * "Loading…" first, then its panes), so "drawn" is read from the screen, as a browser's
 * "visually complete": the end of the last paint inside a view, once every bundle has started
 * (the launcher starts them while the window opens), every view of the layout was created, each
 * view shown has painted what it shows now (not the placeholder it had while its plugin
 * started) and none marks a visible control as loading ({@link #LOADING}), after which no view
 * painted for {@link #QUIET_MILLIS}. Then it prints {@code process start to views drawn N ms (at
 * WALL, P view paints)} and the watchdog's report since the window opened ({@code UI thread
 * during start: max ...}). Views that are not drawn within {@link #GIVE_UP_MILLIS} are reported
 * as such. UI thread only.
 */
final class StartTiming {

    /** How long the views must stay unpainted for the last paint to count as the drawn one. */
    static final long QUIET_MILLIS = 3_000;
    /** How long after the window opened the measurement gives up. */
    static final long GIVE_UP_MILLIS = 60_000;
    private static final int CHECK_MILLIS = 100;
    /**
     * Widget data a view sets to {@code Boolean.TRUE} on a visible control while it has no content
     * to show yet (a chart view's "Loading…"), so its first paint does not count as drawn.
     */
    static final String LOADING = "tideline.loading";

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
    /** The views' contents that painted at least once (weak: views come and go). */
    private final java.util.Set<Control> painted = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

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
        if (e.widget instanceof Control c) {
            Control content = viewContent(c);
            if (content != null) {
                // The filter runs before the widget's own paint listeners: the end of this paint is
                // after them, so take the time once the paint event is handled.
                viewPaints++;
                display.asyncExec(() -> {
                    lastPaintWall = System.currentTimeMillis();
                    lastPaintNanos = System.nanoTime();
                    painted.add(content);
                });
            }
        }
    }

    /** What a view's holder shows (its view's control or a placeholder) that {@code c} is part of, or null. */
    private static Control viewContent(Control c) {
        Control child = null;
        for (Control p = c; p != null; p = p.getParent()) {
            if (p.getData("tideline.instance") instanceof String) {
                return child;
            }
            child = p;
        }
        return null;
    }

    /**
     * Whether every view shown has painted what its holder shows now (not only a placeholder it
     * had before its plugin started) and none says it is still loading ({@link #LOADING}).
     */
    private boolean viewsPainted() {
        for (ViewHost h : ui.hosts().values()) {
            if (h.state() == null) {
                return false;
            }
            if (h.holder().isDisposed() || !h.holder().isVisible()) {
                continue;
            }
            for (Control content : h.holder().getChildren()) {
                if (!painted.contains(content) || loading(content)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean loading(Control c) {
        if (Boolean.TRUE.equals(c.getData(LOADING))) {
            return true;
        }
        if (c instanceof Composite k) {
            for (Control child : k.getChildren()) {
                if (child.isVisible() && loading(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void check() {
        if (display.isDisposed() || ui.shell().isDisposed()) {
            return;
        }
        long now = System.nanoTime();
        boolean ready = started.getAsBoolean() && viewsPainted();
        if (ready && lastPaintNanos != 0 && now - lastPaintNanos >= QUIET_MILLIS * 1_000_000) {
            finish("process start to views drawn " + (lastPaintWall - jvmStart()) + " ms (at " + lastPaintWall
                    + ", " + viewPaints + " view paints)");
            return;
        }
        if (now - opened > GIVE_UP_MILLIS * 1_000_000) {
            finish("views not drawn: " + (ready ? "they kept painting" : "not every bundle started or view painted")
                    + " within " + GIVE_UP_MILLIS / 1000 + " s");
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
