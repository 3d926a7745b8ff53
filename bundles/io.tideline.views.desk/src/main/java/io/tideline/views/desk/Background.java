package io.tideline.views.desk;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Runs a view's slow work (store reads, indicator passes, checklist replays) off the UI thread
 * and hands the result back on it, once, only while the view lives. Each kind of work has a key:
 * a newer request of the same key makes the older one's result stale, and a stale result is
 * dropped, so a user who flips the window selector twice sees the last choice, not the slowest.
 *
 * <p>Created and used on the UI thread; the threads die with the owner control.
 */
public final class Background {

    private final Control owner;
    private final Display display;
    private final ExecutorService executor;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private Consumer<Boolean> busyListener = busy -> { };

    /**
     * Work for {@code owner}, on two daemon threads named after {@code name} (two so a long
     * replay does not hold up a quick one-day load).
     */
    public Background(Control owner, String name) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.display = owner.getDisplay();
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tideline-view-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        owner.addDisposeListener(e -> executor.shutdownNow());
    }

    /** Called on the UI thread with {@code true} when work starts and {@code false} when none is left. */
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
        long generation = generations.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        if (running.getAndIncrement() == 0) {
            busyListener.accept(true);
        }
        try {
            executor.execute(() -> {
                T result = null;
                Exception failure = null;
                try {
                    result = work.call();
                } catch (Exception e) {
                    failure = e;
                }
                deliver(key, generation, result, failure, onResult, onError);
            });
        } catch (RejectedExecutionException e) {
            // The owner was disposed between the check and the call: nothing left to show.
            running.decrementAndGet();
        }
    }

    private <T> void deliver(String key, long generation, T result, Exception failure,
            Consumer<? super T> onResult, Consumer<Exception> onError) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
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
            });
        } catch (org.eclipse.swt.SWTException e) {
            // The display went away while we computed: the window is closing, nothing to show.
        }
    }
}
