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
    private final Consumer<String> warn;
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong over = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile boolean running = true;
    private long lastWarned;
    private final Thread thread;

    UiWatchdog(Display display, Consumer<String> warn) {
        this.display = display;
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
            while (ran.get() == 0 && running && System.nanoTime() < deadline) {
                sleep(2);
            }
            long waited = (ran.get() == 0 ? System.nanoTime() : ran.get()) - posted;
            samples.incrementAndGet();
            maxNanos.accumulateAndGet(waited, Math::max);
            if (waited > LIMIT_MILLIS * 1_000_000) {
                over.incrementAndGet();
                long now = System.currentTimeMillis();
                if (now - lastWarned > 10_000) {
                    lastWarned = now;
                    warn.accept("the UI thread was blocked for " + waited / 1_000_000 + " ms");
                }
            }
            sleep(PERIOD_MILLIS);
        }
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
                + " samples over " + LIMIT_MILLIS + " ms";
    }

    long maxMillis() {
        return maxNanos.get() / 1_000_000;
    }

    void reset() {
        maxNanos.set(0);
        over.set(0);
        samples.set(0);
    }

    void stop() {
        running = false;
    }
}
