package io.tideline.workbench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread could not run its event loop: a heartbeat timer (every 20 ms,
 * {@link Display#timerExec}) fires from the loop between two events, so its lateness is how long
 * one event, one paint or one posted task held the thread, whichever loop runs (a modal dialog's
 * too). Work queued behind other work does not count as a stall: the loop answers the user
 * between two tasks. A lateness over the limit is logged once per 10 s with where the UI thread
 * was while it was held (a stack taken by a second thread during the stall) and how much of the
 * time it was on a CPU (little means it waited for a lock or I/O, or the machine gave it no core).
 * Work that blocks the UI thread is a bug: connectors and computations run elsewhere.
 * Thread-safe.
 */
final class UiWatchdog {

    static final long LIMIT_MILLIS = 100;
    static final long PERIOD_MILLIS = 20;
    private static final long PERIOD_NANOS = PERIOD_MILLIS * 1_000_000;
    private static final long LIMIT_NANOS = LIMIT_MILLIS * 1_000_000;

    private final Display display;
    private final Thread ui;
    private final Consumer<String> warn;
    private final long warnEveryMillis;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Runnable beat = this::beat;
    private final Thread sampler;
    private volatile boolean running = true;

    // Written by the UI thread (beat), read by the sampler and by report().
    private volatile long lastBeat;
    private long lastBeatCpu;
    private volatile long lastWarned;

    // Since the last reset; guarded by this.
    private long maxNanos;
    /** The most CPU time the UI thread spent between two beats: its own work, whatever the machine's load. */
    private long maxCpuMillis;
    private long over;
    private long samples;
    private String lastStall = "";
    /** The longest hold since the reset, with where and CPU, when it passed half the limit. */
    private String longest = "";

    /** Where the UI thread was while held past the limit, taken by the sampler; cleared by each beat. */
    private volatile String where;

    /** Starts watching, logging at most one stall per 10 s; call on the UI thread. */
    UiWatchdog(Display display, Consumer<String> warn) {
        this(display, warn, 10_000);
    }

    /** Starts watching, logging at most one stall per {@code warnEveryMillis}; call on the UI thread. */
    UiWatchdog(Display display, Consumer<String> warn, long warnEveryMillis) {
        this.warnEveryMillis = warnEveryMillis;
        this.display = display;
        this.ui = Thread.currentThread();
        this.warn = warn;
        lastBeat = System.nanoTime();
        lastBeatCpu = threads.getCurrentThreadCpuTime();
        display.timerExec((int) PERIOD_MILLIS, beat);
        sampler = new Thread(this::sample, "tideline-ui-watchdog");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** On the UI thread: how late this beat is, then the next one. */
    private void beat() {
        long now = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long late = Math.max(0, now - lastBeat - PERIOD_NANOS);
        long cpuMillis = lastBeatCpu >= 0 && cpu >= 0 ? (cpu - lastBeatCpu) / 1_000_000 : -1;
        String at = where;
        where = null;
        lastBeat = now;
        lastBeatCpu = cpu;
        String stall = null;
        synchronized (this) {
            samples++;
            maxCpuMillis = Math.max(maxCpuMillis, cpuMillis);
            String text = late <= LIMIT_NANOS / 2 ? ""
                    : late / 1_000_000 + " ms" + (cpuMillis >= 0 ? " (" + cpuMillis + " ms of it on a CPU)" : "")
                            + (at == null ? "" : " in " + at);
            if (late > maxNanos) {
                maxNanos = late;
                longest = text;
            }
            if (late > LIMIT_NANOS) {
                over++;
                stall = text;
                lastStall = stall;
            }
        }
        if (stall != null) {
            long wall = System.currentTimeMillis();
            if (wall - lastWarned >= warnEveryMillis) {
                lastWarned = wall;
                warn.accept("the UI thread was blocked for " + stall);
            }
        }
        if (running && !display.isDisposed()) {
            display.timerExec((int) PERIOD_MILLIS, beat);
        }
    }

    /** On the sampler thread: a stack of the UI thread once it is held past half the limit. */
    private void sample() {
        while (running && !display.isDisposed()) {
            // Half the limit: the longest hold is named even while it stays under the limit.
            if (where == null && System.nanoTime() - lastBeat - PERIOD_NANOS > LIMIT_NANOS / 2) {
                where = where(ui.getStackTrace());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
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

    /** How long the UI thread has been held now, 0 when it is running its loop. */
    private long heldNanos() {
        return Math.max(0, System.nanoTime() - lastBeat - PERIOD_NANOS);
    }

    /**
     * "max MS, N of M beats late by over 100 ms" since the last reset, including a stall still
     * going on, and "; most CPU in one hold: MS ms" (the UI thread's own work between two beats;
     * wall-clock lateness also counts the time a busy machine gave it no core, CPU time does not).
     */
    synchronized String report() {
        long held = heldNanos();
        String now = held > LIMIT_NANOS ? "; held now for " + held / 1_000_000 + " ms"
                + (where == null ? "" : " in " + where) : "";
        return "max " + Math.max(maxNanos, held) / 1_000_000 + " ms, " + over + " of " + samples
                + " beats late by over " + LIMIT_MILLIS + " ms" + (lastStall.isEmpty() ? "" : "; last: " + lastStall)
                + (longest.isEmpty() || longest.equals(lastStall) ? "" : "; longest: " + longest) + now
                + "; most CPU in one hold: " + maxCpuMillis + " ms";
    }

    /** The most CPU time the UI thread spent in one hold (between two beats) since the last reset. */
    synchronized long maxCpuMillis() {
        return maxCpuMillis;
    }

    /** Whether the sampler has taken the UI thread's stack during the hold going on now. */
    boolean named() {
        return where != null;
    }

    synchronized long maxMillis() {
        return Math.max(maxNanos, heldNanos()) / 1_000_000;
    }

    /** Starts a new measurement; the next stall is logged even within 10 s of the last warning. */
    synchronized void reset() {
        lastWarned = 0;
        lastStall = "";
        longest = "";
        maxNanos = 0;
        maxCpuMillis = 0;
        over = 0;
        samples = 0;
    }

    void stop() {
        running = false;
        sampler.interrupt();
    }
}
