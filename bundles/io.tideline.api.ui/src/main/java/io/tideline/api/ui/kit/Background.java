package io.tideline.api.ui.kit;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Runs a view's slow work (store reads, indicator passes, replays) off the UI thread and hands
 * the result back on it, once, only while the view's control lives. Each kind of work has a key:
 * a newer request of the same key makes the older one's result stale, and a stale result is
 * dropped, so a user who flips a selector twice sees the last choice, not the slowest.
 *
 * <p>Work never runs on the UI thread: work that finds itself on a thread with an SWT display
 * (an executor that runs tasks in the caller) fails with an {@link IllegalStateException}
 * given to the error consumer instead of freezing the window. Work requested after the owner
 * was disposed, or refused by an executor that is shutting down, is dropped: there is no view
 * left to show it.
 *
 * <p>The work of all views shares {@link #SHARED_RUNS} places (one fewer than the machine's
 * cores, at least one), so a core stays with the UI thread: when every view loaded at once, as a
 * window's start does, the UI thread waited for a core and held still 100-230 ms by the clock for
 * 30-80 ms of its own work. A run that takes longer than {@link #LEASE_MILLIS} gives its place
 * to the next and goes on beside it, so a long replay holds up a quick load by that much at most.
 *
 * <p>Created and used on the UI thread; {@link #later} may be called from any thread.
 */
public final class Background {

    /** How many runs of view work go on at once, over all views (a run past its lease aside). */
    static final int SHARED_RUNS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    /** How long a run keeps its place before the next may start beside it, in milliseconds. */
    static final long LEASE_MILLIS = 500;
    private static final Semaphore PLACES = new Semaphore(SHARED_RUNS, true);
    /** Ends leases; its thread ends when idle, so a stopped bundle leaves none behind. */
    private static final ScheduledThreadPoolExecutor LEASES = leases();

    private final Control owner;
    private final Display display;
    private final Executor executor;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private Consumer<Boolean> busyListener = busy -> { };

    /**
     * Work for {@code owner} on two daemon threads of its own, named
     * {@code tideline-view-<name>-<n>} (two so a long replay does not hold up a quick load);
     * they end when {@code owner} is disposed.
     */
    public Background(Control owner, String name) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.display = owner.getDisplay();
        Objects.requireNonNull(name, "name");
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tideline-view-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor = threads;
        owner.addDisposeListener(e -> threads.shutdownNow());
    }

    /**
     * Work for {@code owner} on {@code executor}, which the caller owns and shuts down (e.g. one
     * executor a bundle's data service shares among its views).
     */
    public Background(Control owner, Executor executor) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.display = owner.getDisplay();
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Called on the UI thread with {@code true} when work starts and {@code false} when none is
     * left (e.g. to say "computing…"); replaces the previous listener.
     */
    public void onBusy(Consumer<Boolean> listener) {
        this.busyListener = Objects.requireNonNull(listener, "listener");
    }

    /** Whether any work is queued or running. */
    public boolean busy() {
        return running.get() > 0;
    }

    /**
     * Runs {@code work} in the background and gives its result to {@code onResult} (or its
     * failure to {@code onError}) on the UI thread, unless the owner is disposed by then or a
     * newer request of the same {@code key} was made meanwhile.
     */
    public <T> void run(String key, Callable<T> work, Consumer<? super T> onResult, Consumer<Exception> onError) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onResult, "onResult");
        Objects.requireNonNull(onError, "onError");
        if (owner.isDisposed()) {
            return;
        }
        long generation = generations.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        if (running.getAndIncrement() == 0) {
            busyListener.accept(true);
        }
        try {
            executor.execute(() -> {
                T result = null;
                Exception failure = null;
                try {
                    if (Display.getCurrent() != null) {
                        throw new IllegalStateException("view work ran on the UI thread: give Background an executor"
                                + " with threads of its own");
                    }
                    result = inPlace(work);
                } catch (Exception e) {
                    failure = e;
                }
                deliver(key, generation, result, failure, onResult, onError);
            });
        } catch (RejectedExecutionException e) {
            // The owner was disposed or the executor's bundle is stopping: nothing left to show.
            running.decrementAndGet();
        }
    }

    /** Runs {@code work} in one of the shared places, given up at the end or when the lease ends. */
    private static <T> T inPlace(Callable<T> work) throws Exception {
        PLACES.acquire();
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable giveUp = () -> {
            if (held.getAndSet(false)) {
                PLACES.release();
            }
        };
        ScheduledFuture<?> lease = LEASES.schedule(giveUp, LEASE_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return work.call();
        } finally {
            lease.cancel(false);
            giveUp.run();
        }
    }

    private static ScheduledThreadPoolExecutor leases() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tideline-view-leases");
            t.setDaemon(true);
            return t;
        });
        e.setKeepAliveTime(1, TimeUnit.SECONDS);
        e.allowCoreThreadTimeOut(true);
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    private <T> void deliver(String key, long generation, T result, Exception failure,
            Consumer<? super T> onResult, Consumer<Exception> onError) {
        Runnable hand = () -> {
            boolean idle = running.decrementAndGet() == 0;
            if (owner.isDisposed()) {
                return;
            }
            if (generations.get(key).get() == generation) {
                if (failure == null) {
                    onResult.accept(result);
                } else {
                    onError.accept(failure);
                }
            }
            if (idle) {
                busyListener.accept(false);
            }
        };
        // Queued without the owner check of later(): the count must drop also for a disposed view.
        if (!queue(display, hand)) {
            running.decrementAndGet();
        }
    }

    private static boolean queue(Display display, Runnable r) {
        if (display.isDisposed()) {
            return false;
        }
        try {
            display.asyncExec(r);
            return true;
        } catch (SWTException e) {
            // The display went away meanwhile: the window is closing, nothing left to update.
            return false;
        }
    }

    /**
     * Runs {@code r} on {@code owner}'s UI thread later, unless {@code owner} is disposed by then;
     * callable from any thread (the display must have been read on the UI thread, e.g. when the
     * view was built).
     *
     * @return whether {@code r} was queued (false when the display is closing)
     */
    public static boolean later(Display display, Control owner, Runnable r) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(r, "r");
        return queue(display, () -> {
            if (!owner.isDisposed()) {
                r.run();
            }
        });
    }

    /** {@link #later(Display, Control, Runnable)} on this background's owner. */
    public void later(Runnable r) {
        later(display, owner, r);
    }
}
