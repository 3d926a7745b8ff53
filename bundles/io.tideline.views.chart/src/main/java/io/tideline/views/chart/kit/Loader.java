package io.tideline.views.chart.kit;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Runs work off the UI thread and hands its result (or its failure) back on the UI thread,
 * dropping it when the view was closed meanwhile.
 */
public final class Loader {

    private Loader() {
    }

    /**
     * Runs {@code work} on {@code executor}; then, on {@code owner}'s display thread and only if
     * {@code owner} is still alive, calls {@code onResult} or {@code onError}.
     */
    public static <T> void load(Executor executor, Control owner, Callable<T> work, Consumer<T> onResult,
            Consumer<Exception> onError) {
        Display display = owner.getDisplay();
        try {
            executor.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    deliver(display, owner, () -> onError.accept(e));
                    return;
                }
                deliver(display, owner, () -> onResult.accept(result));
            });
        } catch (RejectedExecutionException e) {
            // The bundle is stopping: the view is about to be disposed, nothing to show.
            onError.accept(e);
        }
    }

    private static void deliver(Display display, Control owner, Runnable r) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (!owner.isDisposed()) {
                r.run();
            }
        });
    }
}
