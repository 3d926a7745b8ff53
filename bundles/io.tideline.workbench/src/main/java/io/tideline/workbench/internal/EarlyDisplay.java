package io.tideline.workbench.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;

/**
 * The workbench's UI thread, started with its bundle so that the display opens (GTK's start, a
 * third of a second or more) while the OSGi runtime and the workbench component start, instead
 * of after them; beside it, the layout file is read (Jackson's first use, a fifth of a second
 * cold) on a thread of its own. The component hands the thread its event loop ({@link #handOver});
 * a display no component took is disposed on its own thread when the bundle stops ({@link #cancel}).
 *
 * <p>Thread-safe: {@link #handOver} and {@link #cancel} may race; the first of them wins.
 */
final class EarlyDisplay {

    private final CompletableFuture<BiConsumer<Display, Throwable>> loop = new CompletableFuture<>();
    private final AtomicBoolean decided = new AtomicBoolean();
    private final Thread thread;
    private final CompletableFuture<WorkbenchWindow.LayoutRead> layoutRead;

    private EarlyDisplay(String threadName, BundleContext context) {
        this.thread = new Thread(this::run, threadName);
        thread.start();
        this.layoutRead = WorkbenchWindow.readLayout(context, task -> {
            Thread reader = new Thread(task, "tideline-layout-read");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /**
     * Starts a thread named {@code threadName} that opens a display at once, and reads the
     * layout file of the data directory {@code context} names on another.
     */
    static EarlyDisplay open(String threadName, BundleContext context) {
        return new EarlyDisplay(threadName, context);
    }

    /** The layout file and what it holds, once read. */
    CompletableFuture<WorkbenchWindow.LayoutRead> layoutRead() {
        return layoutRead;
    }

    /**
     * Hands the thread the event loop: it is called on the thread with the display, or with null
     * and the reason the display could not open. False if the display was already handed over or
     * cancelled; then the caller opens its own.
     */
    boolean handOver(BiConsumer<Display, Throwable> eventLoop) {
        if (!decided.compareAndSet(false, true)) {
            return false;
        }
        loop.complete(eventLoop);
        return true;
    }

    /** No event loop will come: the thread disposes its display and ends. */
    void cancel() {
        if (decided.compareAndSet(false, true)) {
            loop.cancel(false);
        }
    }

    /** The UI thread, to join when the window closes. */
    Thread thread() {
        return thread;
    }

    private void run() {
        Display display = null;
        Throwable failure = null;
        try {
            display = new Display();
        } catch (Throwable t) {
            // Handed to the event loop, which says it in the workbench's log.
            failure = t;
        }
        BiConsumer<Display, Throwable> eventLoop;
        try {
            eventLoop = loop.get();
        } catch (CancellationException | ExecutionException e) {
            eventLoop = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            eventLoop = null;
        }
        if (eventLoop == null) {
            if (display != null) {
                display.dispose();
            }
            return;
        }
        eventLoop.accept(display, failure);
    }
}
