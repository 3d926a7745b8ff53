package io.tideline.feed.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FeedHealth.State;
import io.tideline.api.series.SeriesId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FeedHealthTrackerTest {

    private static final Instant NOW = Instant.parse("2020-03-09T21:00:00Z");

    private final FeedHealthTracker tracker = new FeedHealthTracker(InstantSource.fixed(NOW));

    @Test
    void isUnknownBeforeAnyFetch() {
        assertThat(tracker.health()).isEqualTo(FeedHealth.unknown());
    }

    @Test
    void isUpAfterASuccess() {
        tracker.recordSuccess();
        assertThat(tracker.health()).isEqualTo(new FeedHealth(State.UP, NOW.toEpochMilli(), null));
    }

    @Test
    void isDegradedAfterARetryableFailureFollowingSuccessAndDownAfterThree() {
        tracker.recordSuccess();
        tracker.recordFailure("HTTP 500 from https://x.test/?api_key=s3cr3t", true);
        assertThat(tracker.health().state()).isEqualTo(State.DEGRADED);
        assertThat(tracker.health().lastError()).isEqualTo("HTTP 500 from https://x.test/?api_key=***");
        assertThat(tracker.health().lastSuccessMillis()).isEqualTo(NOW.toEpochMilli());
        tracker.recordFailure("again", true);
        assertThat(tracker.health().state()).isEqualTo(State.DEGRADED);
        tracker.recordFailure("and again", true);
        assertThat(tracker.health().state()).isEqualTo(State.DOWN);
        assertThat(tracker.consecutiveFailures()).isEqualTo(3);
        tracker.recordSuccess();
        assertThat(tracker.health().state()).isEqualTo(State.UP);
        assertThat(tracker.consecutiveFailures()).isZero();
    }

    @Test
    void aFirstFailureThatRetryingCannotFixIsDown() {
        tracker.recordFailure("HTTP 403: check the API key", false);
        assertThat(tracker.health().state()).isEqualTo(State.DOWN);
    }

    @Test
    void aFetchThatUsedUpThreeAttemptsIsDown() {
        tracker.recordSuccess();
        tracker.recordFailure(new HttpFeedException(SeriesId.of("fred", "DGS10"), "HTTP 500 ... gave up after 3 attempts",
                true, null, 500, 3, "https://x.test/", ""));
        assertThat(tracker.health().state()).isEqualTo(State.DOWN);
        assertThat(tracker.health().lastError()).isEqualTo("fred:DGS10: HTTP 500 ... gave up after 3 attempts");
    }

    @Test
    void aRequestStoppedByALimitIsDownAtOnceEvenAfterSuccess() {
        tracker.recordSuccess();
        tracker.recordFailure(new HttpFeedException(SeriesId.of("fred", "DGS10"), "response larger than 64 MiB",
                false, null, 200, 1, "https://x.test/", "", HttpFeedException.Guard.BODY_SIZE));
        assertThat(tracker.health().state()).isEqualTo(State.DOWN);
        tracker.recordSuccess();
        assertThat(tracker.health().state()).isEqualTo(State.UP);
    }

    @Test
    void anUnusableConnectorIsDownWithItsReason() {
        tracker.recordUnusable("settings rejected: x.cfg: timeoutSeconds = 'abc'");
        assertThat(tracker.health()).isEqualTo(new FeedHealth(State.DOWN, 0L,
                "settings rejected: x.cfg: timeoutSeconds = 'abc'"));
    }

    @Test
    void keepsTheNextScheduledRun() {
        tracker.scheduleNext(NOW.plusSeconds(3600).toEpochMilli());
        assertThat(tracker.nextRunMillis()).isEqualTo(NOW.plusSeconds(3600).toEpochMilli());
        assertThat(tracker.health().state()).isEqualTo(State.UNKNOWN);
    }

    @Test
    void countsEveryFailureFromConcurrentThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    tracker.recordFailure("x", true);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(tracker.consecutiveFailures()).isEqualTo(4000);
    }
}
