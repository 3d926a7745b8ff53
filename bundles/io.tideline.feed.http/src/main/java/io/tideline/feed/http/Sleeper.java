package io.tideline.feed.http;

import java.time.Duration;

/**
 * Waits between attempts. {@link HttpFetcher} sleeps only through this interface, so tests can
 * record the waits that would have happened instead of spending them.
 *
 * <p>Implementations must be thread-safe: one fetcher may retry on several threads at once.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given time.
     *
     * @param duration how long to wait, never negative
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return Thread::sleep;
    }
}
