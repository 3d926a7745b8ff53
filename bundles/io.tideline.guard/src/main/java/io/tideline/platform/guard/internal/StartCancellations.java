package io.tideline.platform.guard.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads whose plugin start overran its time limit: a loop checkpoint woven into a plugin's
 * activator ({@link io.tideline.platform.guard.PluginGuard#checkpoint}) throws on them; the
 * platform's deploy starter cancels and releases them. This package is exported to the platform
 * only: with the mandatory attribute {@code tideline=platform}, which no plugin's (woven) import
 * carries, so a plugin, which sees only the guard, does not wire to it and cannot cancel other
 * starts by accident. Thread-safe; the common case (nothing cancelled) costs one volatile read.
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
    public static void cancel(Thread thread) {
        CANCELLED.add(thread);
        any = true;
    }

    /** Lets checkpoints on {@code thread} pass again (its start has ended). */
    public static void release(Thread thread) {
        CANCELLED.remove(thread);
        any = !CANCELLED.isEmpty();
    }
}
