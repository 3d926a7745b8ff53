package io.tideline.feed.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tideline.api.series.SeriesId;
import io.tideline.feed.http.LoopbackServer.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link HttpFetcher} against a real loopback server; waits are recorded, not spent. */
class HttpFetcherTest {

    private static final SeriesId SERIES = SeriesId.of("test", "S1");

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpFetcher fetcher(int attempts) {
        // jitter source fixed at 0.5: each computed wait is base * 1.25, so the test can name it
        return HttpFetcher.builder().maxAttempts(attempts).requestTimeout(Duration.ofSeconds(5))
                .initialBackoff(Duration.ofSeconds(1)).jitter(0.5, () -> 0.5).sleeper(sleeper).build();
    }

    @Test
    void returnsTheBodyOfASuccessfulAnswerWithoutWaiting() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Reply.of(200, "date,value\n2020-03-09,0.54\n"));
                HttpFetcher fetcher = fetcher(3)) {
            assertThat(fetcher.getString(SERIES, server.uri("/data?id=S1"))).isEqualTo("date,value\n2020-03-09,0.54\n");
            assertThat(server.received()).extracting(URI::toString).containsExactly("/data?id=S1");
            assertThat(sleeper.waits()).isEmpty();
        }
    }

    @Test
    void bytesAreReturnedUnchanged() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Reply.of(200, "ä,ö"));
                HttpFetcher fetcher = fetcher(3)) {
            assertThat(fetcher.getBytes(SERIES, server.uri("/b"))).isEqualTo("ä,ö".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOn429ThenSucceeds() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Reply.retryAfter(429, "7"), Reply.of(200, "ok"));
                HttpFetcher fetcher = fetcher(3)) {
            assertThat(fetcher.getString(SERIES, server.uri("/x"))).isEqualTo("ok");
            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void backsOffExponentiallyWithJitterWhenNoRetryAfterIsGiven() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Reply.of(503, ""), Reply.of(502, ""), Reply.of(200, "ok"));
                HttpFetcher fetcher = fetcher(3)) {
            assertThat(fetcher.getString(SERIES, server.uri("/x"))).isEqualTo("ok");
            assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1250), Duration.ofMillis(2500));
        }
    }

    @Test
    void jitterStaysWithinHalfTheBaseWait() {
        HttpFetcher random = HttpFetcher.builder().initialBackoff(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 200; i++) {
            assertThat(random.backoff(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1500));
            assertThat(random.backoff(3)).isBetween(Duration.ofMillis(4000), Duration.ofMillis(6000));
        }
        assertThat(random.backoff(30)).isEqualTo(Duration.ofSeconds(30)); // capped at maxBackoff
        random.close();
    }

    @Test
    void threeServerErrorsGiveARetryableFailureNamingStatusAttemptsAndUrl() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Reply.of(500, "boom"), Reply.of(500, "boom"),
                Reply.of(500, "database unavailable"));
                HttpFetcher fetcher = fetcher(3)) {
            HttpFeedException e = catchThrowableOfType(HttpFeedException.class,
                    () -> fetcher.getString(SERIES, server.uri("/obs?id=S1")));
            assertThat(e.retryable()).isTrue();
            assertThat(e.series()).isEqualTo(SERIES);
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("test:S1: HTTP 500 (Internal Server Error) from " + server.uri("/obs?id=S1"))
                    .contains("gave up after 3 attempts", "database unavailable", "waited 3.8 s");
            assertThat(server.received()).hasSize(3);
            assertThat(sleeper.waits()).hasSize(2);
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Reply.of(404, "no such thing"), Reply.of(200, "never"));
                HttpFetcher fetcher = fetcher(3)) {
            HttpFeedException e = catchThrowableOfType(HttpFeedException.class,
                    () -> fetcher.getString(SERIES, server.uri("/missing")));
            assertThat(e.retryable()).isFalse();
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.getMessage()).contains("HTTP 404 (Not Found)", "attempt 1, not retried",
                    "check the URL and the series id", "no such thing");
            assertThat(server.received()).hasSize(1);
            assertThat(sleeper.waits()).isEmpty();
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        HttpFetcher fetcher = HttpFetcher.builder().maxAttempts(2).requestTimeout(Duration.ofMillis(300))
                .sleeper(sleeper).build();
        try (LoopbackServer server = new LoopbackServer(Reply.silence(), Reply.silence()); fetcher) {
            long start = System.nanoTime();
            HttpFeedException e = catchThrowableOfType(HttpFeedException.class,
                    () -> fetcher.getString(SERIES, server.uri("/slow")));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(e.retryable()).isTrue();
            assertThat(e.statusCode()).isEqualTo(HttpFeedException.NO_STATUS);
            assertThat(e.getMessage()).contains("no answer from " + server.uri("/slow") + " within 300 ms",
                    "time-out", "gave up after 2 attempts");
            assertThat(server.received()).hasSize(2);
            assertThat(sleeper.waits()).hasSize(1);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there any more
        }
        try (HttpFetcher fetcher = fetcher(2)) {
            HttpFeedException e = catchThrowableOfType(HttpFeedException.class,
                    () -> fetcher.getString(SERIES, URI.create("http://127.0.0.1:" + port + "/x?token=t0p")));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("could not reach http://127.0.0.1:" + port + "/x?token=***",
                    "gave up after 2 attempts").doesNotContain("t0p");
            assertThat(sleeper.waits()).hasSize(1);
        }
    }

    @Test
    void aRetryAfterBeyondTheMaximumTotalWaitStopsAtOnce() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Reply.retryAfter(429, "3600"), Reply.of(200, "late"));
                HttpFetcher fetcher = HttpFetcher.builder().maxAttempts(5).maxTotalWait(Duration.ofSeconds(60))
                        .sleeper(sleeper).build()) {
            HttpFeedException e = catchThrowableOfType(HttpFeedException.class,
                    () -> fetcher.getString(SERIES, server.uri("/x")));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 429 (Too Many Requests)", "gave up after 1 attempt ",
                    "the server asked to wait 60.0 min (Retry-After), more than the 60.0 s left");
            assertThat(e.guard()).contains(HttpFeedException.Guard.RETRY_CEILING);
            assertThat(sleeper.waits()).isEmpty();
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void secretsInTheUrlAndInTheErrorBodyAreMasked() throws Exception {
        String secret = "f00dcafe1234";
        try (LoopbackServer server = new LoopbackServer(
                Reply.of(400, "{\"error_message\":\"Bad request for /obs?api_key=" + secret + "\"}"));
                HttpFetcher fetcher = fetcher(3)) {
            HttpFeedException e = catchThrowableOfType(HttpFeedException.class,
                    () -> fetcher.getString(SERIES, server.uri("/obs?series_id=S1&api_key=" + secret + "&file_type=json")));
            assertThat(e.getMessage()).doesNotContain(secret)
                    .contains(server.uri("/obs?series_id=S1&api_key=***&file_type=json").toString())
                    .contains("Bad request for /obs?api_key=***");
            assertThat(e.redactedUrl()).doesNotContain(secret);
            assertThat(e.bodyExcerpt()).doesNotContain(secret);
            assertThat(String.valueOf(e)).doesNotContain(secret);
        }
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> HttpFetcher.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> HttpFetcher.builder().requestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> HttpFetcher.builder().initialBackoff(Duration.ofMinutes(5)).build())
                .hasMessageContaining("longer than maxBackoff");
        assertThatThrownBy(() -> HttpFetcher.builder().maxResponseBytes(0)).hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> HttpFetcher.builder().maxRedirects(-1)).hasMessageContaining("maxRedirects");
    }

    @Test
    void aRedirectWithinTheLimitIsFollowedAndAnHttpsDowngradeIsNot() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Reply.redirect("/final"), Reply.of(200, "moved here"));
                HttpFetcher fetcher = fetcher(3)) {
            assertThat(fetcher.getString(SERIES, server.uri("/start"))).isEqualTo("moved here");
            assertThat(server.received()).extracting(URI::getPath).containsExactly("/start", "/final");
        }
        try (LoopbackServer server = new LoopbackServer(Reply.redirect("file:///etc/passwd"));
                HttpFetcher fetcher = fetcher(3)) {
            HttpFeedException e = catchThrowableOfType(HttpFeedException.class,
                    () -> fetcher.getString(SERIES, server.uri("/start")));
            assertThat(e.getMessage()).contains("redirected to 'file:///etc/passwd', which is not an http(s) URL; "
                    + "not followed");
            assertThat(e.guard()).contains(HttpFeedException.Guard.REDIRECTS);
        }
    }

    @Test
    void sizesAndDurationsReadAsWords() {
        assertThat(HttpFetcher.size(512)).isEqualTo("512 bytes");
        assertThat(HttpFetcher.size(1536)).isEqualTo("1.5 KiB");
        assertThat(HttpFetcher.size(64L << 20)).isEqualTo("64 MiB");
        assertThat(HttpFetcher.size(5L << 30)).isEqualTo("5 GiB");
        assertThat(HttpFetcher.format(Duration.ofMillis(300))).isEqualTo("300 ms");
        assertThat(HttpFetcher.format(Duration.ofSeconds(90))).isEqualTo("90.0 s");
        assertThat(HttpFetcher.format(Duration.ofSeconds(3600))).isEqualTo("60.0 min");
        assertThat(HttpFetcher.format(Duration.ofSeconds(99999))).isEqualTo("27.8 h");
    }
}
