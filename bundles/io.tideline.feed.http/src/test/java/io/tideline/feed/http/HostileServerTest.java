package io.tideline.feed.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.series.SeriesId;
import io.tideline.feed.http.HttpFeedException.Guard;
import io.tideline.feed.http.testing.HostileHttpServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpFetcher} against a server that drips, never ends, sends 5 GiB, loops redirects, asks
 * to wait a day, sends bytes that are not UTF-8 or escape sequences: each fetch ends with a
 * failure naming the limit, the feed's health is DOWN, and what the client read stays at the cap.
 * Bounds on time are generous multiples of the deadline: they catch a hang, not a slow machine.
 */
class HostileServerTest {

    private static final SeriesId SERIES = SeriesId.of("test", "S1");
    private static final long MIB = 1L << 20;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private HostileHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HostileHttpServer(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpFetcher.Builder fetcher() {
        return HttpFetcher.builder().maxAttempts(2).requestTimeout(Duration.ofSeconds(1)).sleeper(sleeper)
                .jitter(0, () -> 0);
    }

    private static HttpFeedException fail(HttpFetcher fetcher, java.net.URI uri) {
        return catchThrowableOfType(HttpFeedException.class, () -> fetcher.getString(SERIES, uri));
    }

    private static FeedHealth healthAfter(HttpFeedException e) {
        FeedHealthTracker tracker = new FeedHealthTracker();
        tracker.recordSuccess(); // even a feed that worked before is DOWN once a limit stops it
        tracker.recordFailure(e);
        return tracker.health();
    }

    @Test
    void aDrippingBodyEndsAtTheDeadlineOfEachAttempt() throws Exception {
        try (HttpFetcher fetcher = fetcher().build()) {
            long start = System.nanoTime();
            HttpFeedException e = fail(fetcher, server.uri("/drip"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e.guard()).contains(Guard.DEADLINE);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.getMessage()).contains("the answer from " + server.uri("/drip") + " did not finish within 1.0 s",
                    "for connecting, headers and body", "of the body had arrived", "gave up after 2 attempts");
            // Two attempts of a 1 s deadline; without the deadline this call would never return.
            assertThat(took).isLessThan(Duration.ofSeconds(2 * 5));
            assertThat(server.requests("/drip")).isEqualTo(2);
            assertThat(healthAfter(e).state()).isEqualTo(FeedHealth.State.DOWN);
            assertThat(server.awaitWritersStopped(30)).as("the server saw the client hang up").isTrue();
        }
    }

    @Test
    void anEndlessBodyStopsAtTheCapAndIsNotRetried() throws Exception {
        try (HttpFetcher fetcher = fetcher().maxResponseBytes(MIB).requestTimeout(Duration.ofSeconds(30)).build()) {
            HttpFeedException e = fail(fetcher, server.uri("/endless"));

            assertThat(e.guard()).contains(Guard.BODY_SIZE);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("response from " + server.uri("/endless") + " larger than 1 MiB",
                    "reading stopped at the cap", "maxResponseMiB", "attempt 1, not retried");
            assertThat(server.requests("/endless")).isEqualTo(1);
            assertThat(server.awaitWritersStopped(30)).as("the client closed the connection").isTrue();
            // What left the server: the cap plus what the loopback socket buffers hold, not an endless stream.
            assertThat(server.written("/endless")).isGreaterThan(MIB).isLessThan(MIB + 64 * MIB);
            assertThat(healthAfter(e).state()).isEqualTo(FeedHealth.State.DOWN);
        }
    }

    @Test
    void aDeclaredFiveGigabyteBodyIsRefusedBeforeItIsRead() throws Exception {
        try (HttpFetcher fetcher = fetcher().requestTimeout(Duration.ofSeconds(30)).build()) {
            HttpFeedException e = fail(fetcher, server.uri("/huge"));

            assertThat(e.guard()).contains(Guard.BODY_SIZE);
            assertThat(e.getMessage()).contains("larger than 64 MiB (it declares 5 GiB); not read");
            assertThat(server.awaitWritersStopped(30)).isTrue();
            assertThat(server.written("/huge")).isLessThan(64 * MIB);
        }
    }

    @Test
    void aFiveGigabyteStreamWithoutLengthStopsAtTheDefaultCap() throws Exception {
        try (HttpFetcher fetcher = fetcher().requestTimeout(Duration.ofSeconds(60)).build()) {
            HttpFeedException e = fail(fetcher, server.uri("/huge-chunked"));

            assertThat(e.guard()).contains(Guard.BODY_SIZE);
            assertThat(e.getMessage()).contains("larger than 64 MiB; reading stopped at the cap");
            assertThat(server.awaitWritersStopped(30)).isTrue();
            long written = server.written("/huge-chunked");
            assertThat(written).isGreaterThan(64 * MIB).isLessThan(128 * MIB);
            assertThat(written).isLessThan(HostileHttpServer.HUGE / 40);
        }
    }

    @Test
    void aRedirectLoopIsReportedWithItsChain() throws Exception {
        try (HttpFetcher fetcher = fetcher().build()) {
            HttpFeedException e = fail(fetcher, server.uri("/loop/a"));

            String a = server.uri("/loop/a").toString();
            String b = server.uri("/loop/b").toString();
            assertThat(e.guard()).contains(Guard.REDIRECTS);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("redirected more than 5 times: " + a + " -> " + b + " -> " + a + " -> "
                    + b + " -> " + a + " -> " + b + " -> " + a).doesNotContain("refused");
            assertThat(server.requests("/loop/a") + server.requests("/loop/b")).isEqualTo(6);
            assertThat(healthAfter(e).state()).isEqualTo(FeedHealth.State.DOWN);
        }
    }

    @Test
    void aRetryAfterOfADayIsNotWaitedOut() throws Exception {
        try (HttpFetcher fetcher = fetcher().maxAttempts(3).build()) {
            HttpFeedException e = fail(fetcher, server.uri("/retry-after"));

            assertThat(e.guard()).contains(Guard.RETRY_CEILING);
            assertThat(e.getMessage()).contains("HTTP 429 (Too Many Requests)", "gave up after 1 attempt ",
                    "the server asked to wait 27.8 h (Retry-After)", "of the 60.0 s a fetch may spend waiting",
                    "not waited out");
            assertThat(sleeper.waits()).isEmpty();
            assertThat(healthAfter(e).state()).isEqualTo(FeedHealth.State.DOWN);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreReportedInWords() throws Exception {
        try (HttpFetcher fetcher = fetcher().build()) {
            HttpFeedException e = fail(fetcher, server.uri("/latin1"));

            assertThat(e.guard()).contains(Guard.ENCODING);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("the answer from " + server.uri("/latin1") + " is not valid UTF-8 text: "
                    + "at byte 25 (line 2) the byte 0xE9 does not start or continue a UTF-8 character",
                    "another encoding than it declares");
            assertThat(healthAfter(e).state()).isEqualTo(FeedHealth.State.DOWN);
        }
    }

    @Test
    void escapeSequencesInAnErrorBodyNeverReachTheMessage() throws Exception {
        try (HttpFetcher fetcher = fetcher().build()) {
            HttpFeedException e = fail(fetcher, server.uri("/escapes"));

            assertThat(e.getMessage()).contains("HTTP 500", "database unavailable FAKE LOG LINE")
                    .doesNotContain("\u001B", "\u0007", "\r", "\n", "pwned");
            assertThat(e.bodyExcerpt()).doesNotContain("\u001B", "\u0007");
            FeedHealthTracker tracker = new FeedHealthTracker();
            tracker.recordFailure("from a plug-in: \u001B[2J\u001B]0;x\u0007cleared", false);
            assertThat(tracker.health().lastError()).isEqualTo("from a plug-in: cleared");
        }
    }

    @Test
    void otherFetchesGoOnWhileOneServerHangs() throws Exception {
        try (HttpFetcher slow = fetcher().requestTimeout(Duration.ofSeconds(5)).maxAttempts(1).maxResponseBytes(MIB)
                .build();
                HttpFetcher healthy = fetcher().build()) {
            CompletableFuture<HttpFeedException> dripping = CompletableFuture.supplyAsync(() -> fail(slow,
                    server.uri("/drip")));
            CompletableFuture<HttpFeedException> endless = CompletableFuture.supplyAsync(() -> fail(slow,
                    server.uri("/endless")));
            for (int i = 0; i < 3; i++) {
                assertThat(healthy.getString(SERIES, server.uri("/ok"))).isEqualTo(HostileHttpServer.OK_BODY);
            }
            assertThat(dripping.get(5 * 5, TimeUnit.SECONDS).guard()).contains(Guard.DEADLINE);
            assertThat(endless.get(5 * 5, TimeUnit.SECONDS).guard()).contains(Guard.BODY_SIZE);
        }
    }
}
