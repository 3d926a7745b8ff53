package io.tideline.support.command;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits briefly for something a command needs that may still be on its way: a command service
 * whose bundle is starting, a connector that a plugin registers on a thread of its own or that
 * is being activated again with new settings.
 */
public final class Appearing {

    /** How often {@link #await} looks again. */
    static final long POLL_MILLIS = 25;

    private Appearing() {
    }

    /**
     * Reads {@code probe} until {@code ready} accepts what it gives or {@code maxMillis} have
     * passed, looking every {@value #POLL_MILLIS} ms.
     *
     * @return the last value read: accepted, or as it was when the time ran out or the thread
     *         was interrupted (its interrupt flag is then set again)
     */
    public static <T> T await(Supplier<T> probe, Predicate<? super T> ready, long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        T value = probe.get();
        while (!ready.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = probe.get();
        }
        return value;
    }
}
