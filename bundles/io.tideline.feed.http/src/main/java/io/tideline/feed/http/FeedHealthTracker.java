package io.tideline.feed.http;

import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps what a connector reports as its {@link FeedHealth}: the last success, the last error
 * (redacted), the consecutive failures and the next scheduled run.
 *
 * <p>The state is {@code UNKNOWN} before any fetch, {@code UP} after a success,
 * {@code DEGRADED} after one or two failed requests in a row (or a failure before any success
 * that may pass), and {@code DOWN} after {@value #DOWN_AFTER} failed requests in a row or a
 * first-ever failure that will not pass by retrying. Failures are counted per request, not per
 * fetch: a fetch that used up three attempts on HTTP 500 leaves the feed {@code DOWN}, while a
 * fetch refused once (a 404 for one series) leaves it {@code DEGRADED}. A request stopped by one
 * of {@link HttpFetcher}'s limits ({@link HttpFeedException#guard()}: a body over the cap, the
 * deadline, a redirect loop, a {@code Retry-After} beyond the retry ceiling, text in no valid
 * encoding) makes the feed {@code DOWN} at once: that server is not having a bad minute.
 *
 * <p>Errors are kept redacted ({@link Redaction}) and printable ({@link Printable}).
 *
 * <p>Thread-safe: each update replaces one immutable snapshot atomically, so a reader never sees
 * half an update.
 */
public final class FeedHealthTracker {

    /** Consecutive failures after which a feed is {@code DOWN}. */
    public static final int DOWN_AFTER = 3;

    private final InstantSource clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.INITIAL);

    /** A tracker on the system clock. */
    public FeedHealthTracker() {
        this(InstantSource.system());
    }

    /** A tracker on the given clock (tests pass a fixed one). */
    public FeedHealthTracker(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a successful fetch now. */
    public void recordSuccess() {
        long now = clock.millis();
        snapshot.updateAndGet(s -> new Snapshot(true, now, s.lastError, 0, false, false, s.nextRunMillis));
    }

    /**
     * Records a failed fetch; its message and retryability are kept, and the requests it made
     * ({@link HttpFeedException#attempts()}, else one) count as failures.
     */
    public void recordFailure(FeedException failure) {
        int attempts = failure instanceof HttpFeedException http ? http.attempts() : 1;
        boolean stopped = failure instanceof HttpFeedException http && http.guard().isPresent();
        record(failure.getMessage(), failure.retryable(), attempts, stopped);
    }

    /**
     * Records a failed fetch of one request.
     *
     * @param error what failed; redacted before it is kept
     * @param retryable whether it may pass by retrying later
     */
    public void recordFailure(String error, boolean retryable) {
        recordFailure(error, retryable, 1);
    }

    /**
     * Records a failed fetch.
     *
     * @param error what failed; redacted before it is kept
     * @param retryable whether it may pass by retrying later
     * @param failedRequests how many requests of the fetch failed, at least 1
     */
    public void recordFailure(String error, boolean retryable, int failedRequests) {
        record(error, retryable, failedRequests, false);
    }

    /**
     * Records that the connector cannot fetch at all, e.g. because its settings were rejected:
     * the feed is {@code DOWN} with this error until a fetch succeeds.
     *
     * @param error what is wrong; redacted and made printable before it is kept
     * @since 1.1
     */
    public void recordUnusable(String error) {
        record(error, false, 1, true);
    }

    private void record(String error, boolean retryable, int failedRequests, boolean down) {
        String kept = Printable.of(Redaction.redact(Objects.requireNonNullElse(error, "unknown error")));
        int count = Math.max(1, failedRequests);
        snapshot.updateAndGet(s -> new Snapshot(true, s.lastSuccessMillis, kept,
                s.consecutiveFailures + count, !retryable, down, s.nextRunMillis));
    }

    /** Records when the next fetch is scheduled, epoch ms UTC, or 0 for none. */
    public void scheduleNext(long epochMillis) {
        snapshot.updateAndGet(s -> new Snapshot(s.fetched, s.lastSuccessMillis, s.lastError,
                s.consecutiveFailures, s.lastFailurePermanent, s.lastFailureDown, epochMillis));
    }

    /** When the next fetch is scheduled, epoch ms UTC, or 0 if none is. */
    public long nextRunMillis() {
        return snapshot.get().nextRunMillis;
    }

    /** Failed requests since the last success (or since the start). */
    public int consecutiveFailures() {
        return snapshot.get().consecutiveFailures;
    }

    /** The current health. */
    public FeedHealth health() {
        Snapshot s = snapshot.get();
        return new FeedHealth(s.state(), s.lastSuccessMillis, s.lastError);
    }

    @Override
    public String toString() {
        Snapshot s = snapshot.get();
        return "FeedHealthTracker[" + s.state() + ", " + s.consecutiveFailures + " consecutive failures]";
    }

    private record Snapshot(boolean fetched, long lastSuccessMillis, String lastError, int consecutiveFailures,
            boolean lastFailurePermanent, boolean lastFailureDown, long nextRunMillis) {

        static final Snapshot INITIAL = new Snapshot(false, 0L, null, 0, false, false, 0L);

        FeedHealth.State state() {
            if (!fetched) {
                return FeedHealth.State.UNKNOWN;
            }
            if (consecutiveFailures == 0) {
                return FeedHealth.State.UP;
            }
            boolean neverSucceeded = lastSuccessMillis == 0L;
            if (lastFailureDown || consecutiveFailures >= DOWN_AFTER || (neverSucceeded && lastFailurePermanent)) {
                return FeedHealth.State.DOWN;
            }
            return FeedHealth.State.DEGRADED;
        }
    }
}
