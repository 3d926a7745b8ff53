package io.tideline.platform.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads whose plugin start overran its time limit: a loop checkpoint woven into a plugin's
 * activator ({@link io.tideline.platform.guard.PluginGuard#checkpoint}) throws on them. Kept in
 * this private package so that plugins, which see only the guard, cannot cancel other starts.
 * Thread-safe; the common case (nothing cancelled) costs one volatile read.
 */
public final class StartCancellations {

    private static final Set<Thread> CANCELLED = ConcurrentHashMap.newKeySet();
    private static volatile boolean any;

    private StartCancellations() {
    }

    /** Whether the start running on {@code thread} was cancelled. */
    public static boolean cancelled(Thread thread) {
        return any && CANCELLED.contains(thread);
    }

    /** Makes the checkpoints on {@code thread} throw until {@link #release}. */
    static void cancel(Thread thread) {
        CANCELLED.add(thread);
        any = true;
    }

    /** Lets checkpoints on {@code thread} pass again (its start has ended). */
    static void release(Thread thread) {
        CANCELLED.remove(thread);
        any = !CANCELLED.isEmpty();
    }
}
