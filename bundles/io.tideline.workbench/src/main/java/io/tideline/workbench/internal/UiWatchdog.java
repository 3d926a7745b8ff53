package io.tideline.workbench.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread takes to run a tiny task posted every 20 ms: the longest wait
 * since the last reset is how long the window was frozen. A wait over the limit is logged once
 * per 10 s (work that blocks the UI thread is a bug: connectors and computations run elsewhere).
 * Thread-safe.
 */
final class UiWatchdog {

    static final long LIMIT_MILLIS = 100;
    private static final long PERIOD_MILLIS = 20;

    private final Display display;
    private final Thread ui;
    private final Consumer<String> warn;
    private volatile String lastStall = "";
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong over = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile boolean running = true;
    private long lastWarned;
    private final Thread thread;

    /** Starts watching; call on the UI thread. */
    UiWatchdog(Display display, Consumer<String> warn) {
        this.display = display;
        this.ui = Thread.currentThread();
        this.warn = warn;
        thread = new Thread(this::run, "tideline-ui-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running && !display.isDisposed()) {
            long posted = System.nanoTime();
            AtomicLong ran = new AtomicLong();
            try {
                display.asyncExec(() -> ran.set(System.nanoTime()));
            } catch (org.eclipse.swt.SWTException e) {
                return; // the display went away
            }
            long deadline = posted + 5_000_000_000L;
            String where = null;
            while (ran.get() == 0 && running && System.nanoTime() < deadline) {
                sleep(2);
                if (where == null && System.nanoTime() - posted > LIMIT_MILLIS * 1_000_000) {
                    // Still blocked past the limit: what is the UI thread doing?
                    where = where(ui.getStackTrace());
                }
            }
            long waited = (ran.get() == 0 ? System.nanoTime() : ran.get()) - posted;
            samples.incrementAndGet();
            maxNanos.accumulateAndGet(waited, Math::max);
            if (waited > LIMIT_MILLIS * 1_000_000) {
                over.incrementAndGet();
                long now = System.currentTimeMillis();
                lastStall = waited / 1_000_000 + " ms" + (where == null ? "" : " in " + where);
                if (now - lastWarned > 10_000) {
                    lastWarned = now;
                    warn.accept("the UI thread was blocked for " + lastStall);
                }
            }
            sleep(PERIOD_MILLIS);
        }
    }

    /** The top frame and the first Tideline frame of a stack, e.g. where a view works too long. */
    static String where(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(stack[0].toString());
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("io.tideline.") && f != stack[0]) {
                sb.append(" <- ").append(f);
                break;
            }
        }
        return sb.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "max MS, over N of M samples" since the last reset. */
    String report() {
        return "max " + maxNanos.get() / 1_000_000 + " ms, " + over.get() + " of " + samples.get()
                + " samples over " + LIMIT_MILLIS + " ms" + (lastStall.isEmpty() ? "" : "; last: " + lastStall);
    }

    long maxMillis() {
        return maxNanos.get() / 1_000_000;
    }

    void reset() {
        lastStall = "";
        maxNanos.set(0);
        over.set(0);
        samples.set(0);
    }

    void stop() {
        running = false;
    }
}
