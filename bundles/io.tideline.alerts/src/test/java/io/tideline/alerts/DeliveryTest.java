package io.tideline.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery through a real webhook on a loopback HTTP server and a real command, with the ledger
 * on disk: what arrives, retries, failures with their reasons, and that firing never waits for a
 * receiver. The ledger's own file handling is {@link LedgerTest}'s.
 */
class DeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-value-never-logged";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> secrets = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<Delivery> deliveries = new ArrayList<>();

    @AfterEach
    void stop() {
        deliveries.forEach(Delivery::close);
        if (server != null) {
            server.stop(0);
        }
    }

    /** A loopback server answering each POST with the next status of {@code statuses} (the last repeats). */
    private URI serve(CountDownLatch hold, int... statuses) throws IOException {
        AtomicInteger n = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            secrets.add(exchange.getRequestHeaders().getFirst("X-Tideline-Secret"));
            if (hold != null) {
                try {
                    hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = statuses[Math.min(n.getAndIncrement(), statuses.length - 1)];
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook/abc-token");
    }

    private Path ledgerFile() {
        return dir.resolve("workspace").resolve(Ledger.FILE_NAME);
    }

    private Delivery delivery(Channel... channels) {
        Delivery d = new Delivery(new Ledger(ledgerFile(), 100, 200), List.of(channels), warnings::add);
        deliveries.add(d);
        return d;
    }

    private static WebhookChannel webhook(URI url, Duration timeout) {
        return new WebhookChannel(url, "X-Tideline-Secret", SECRET, timeout, 3, Duration.ofMillis(10), d -> { });
    }

    private static final AlertRule RULE = new AlertRule("regime", AlertKind.REGIME_CHANGE, null, null, null,
            null, Duration.ofHours(6));

    private static Alert alert(long t) {
        return Evaluator.alert(RULE, t, "2026-03-02", "regime", "EXPANSION", "RISK_OFF", null, null, "checklist",
                "Regime changed from EXPANSION to RISK_OFF as of 2026-03-02");
    }

    private List<JsonNode> ledgerLines() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(ledgerFile(), UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void aWebhookReceivesTheAlertAsJsonWithTheSecretHeaderAndTheLedgerSaysDelivered() throws Exception {
        URI url = serve(null, 200);
        Delivery d = delivery(webhook(url, Duration.ofSeconds(10)));
        d.fire(alert(1_000), RULE).get(30, TimeUnit.SECONDS);

        assertThat(bodies).hasSize(1);
        JsonNode body = JSON.readTree(bodies.get(0));
        assertThat(body.get("rule").asText()).isEqualTo("regime");
        assertThat(body.get("kind").asText()).isEqualTo("regime-change");
        assertThat(body.get("previous").asText()).isEqualTo("EXPANSION");
        assertThat(body.get("current").asText()).isEqualTo("RISK_OFF");
        assertThat(body.get("asOf").asText()).isEqualTo("2026-03-02");
        assertThat(secrets).containsExactly(SECRET);

        List<JsonNode> lines = ledgerLines();
        assertThat(lines).extracting(l -> l.get("state").asText()).containsExactly("fired", "delivered");
        assertThat(lines.get(1).get("channel").asText()).isEqualTo("webhook");
        assertThat(Files.readString(ledgerFile())).doesNotContain(SECRET);
        assertThat(d.recent(10).get(0).states()).containsEntry("webhook", "delivered");
    }

    @Test
    void aServerErrorIsRetriedUntilItIsDelivered() throws Exception {
        URI url = serve(null, 500, 503, 200);
        Delivery d = delivery(webhook(url, Duration.ofSeconds(10)));
        d.fire(alert(1_000), RULE).get(30, TimeUnit.SECONDS);

        assertThat(bodies).hasSize(3);
        assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
        assertThat(ledgerLines()).extracting(l -> l.get("state").asText()).containsExactly("fired", "delivered");
    }

    @Test
    void aServerThatKeepsFailingIsGivenUpAfterTheAttemptsWithTheStatusInTheLedger() throws Exception {
        URI url = serve(null, 500);
        Delivery d = delivery(webhook(url, Duration.ofSeconds(10)));
        d.fire(alert(1_000), RULE).get(30, TimeUnit.SECONDS);

        assertThat(bodies).hasSize(3);
        JsonNode failed = ledgerLines().get(1);
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("reason").asText()).isEqualTo(
                "HTTP 500 from http://127.0.0.1:" + url.getPort() + " after 3 attempts");
    }

    @Test
    void anUnreachableWebhookFailsInTheLedgerWithTheReasonAndNoSecret() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Delivery d = delivery(webhook(URI.create("http://127.0.0.1:" + port + "/hook"), Duration.ofSeconds(5)));
        d.fire(alert(1_000), RULE).get(60, TimeUnit.SECONDS);

        JsonNode failed = ledgerLines().get(1);
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("channel").asText()).isEqualTo("webhook");
        assertThat(failed.get("reason").asText()).isEqualTo(
                "cannot connect to http://127.0.0.1:" + port + " (connection refused or unreachable) after 3 attempts");
        assertThat(d.recent(1).get(0).states().get("webhook")).startsWith("failed: cannot connect");
        assertThat(Files.readString(ledgerFile())).doesNotContain(SECRET);
    }

    @Test
    void aHangingServerRunsIntoTheTimeLimitAndFailsWhileFiringNeverWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        URI url = serve(release, 200);
        Delivery d = delivery(new WebhookChannel(url, "X-Tideline-Secret", "", Duration.ofSeconds(1), 1,
                Duration.ZERO, x -> { }));
        try {
            // fire returns while the server still holds the request: the caller (an event thread) is free.
            Future<?> first = d.fire(alert(1_000), RULE);
            assertThat(first).isNotNull();
            assertThat(release.getCount()).isEqualTo(1);
            first.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        JsonNode failed = ledgerLines().get(1);
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("reason").asText()).isEqualTo(
                "no answer from http://127.0.0.1:" + url.getPort() + " within 1 s after 1 attempt");
    }

    @Test
    void firingReturnsBeforeTheReceiverAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        URI url = serve(release, 200);
        Delivery d = delivery(webhook(url, Duration.ofSeconds(60)));
        Future<?> pending = d.fire(alert(1_000), RULE);
        try {
            assertThat(pending.isDone()).as("the delivery waits for the server, the caller does not").isFalse();
            assertThat(d.fire(alert(2_000 + Duration.ofHours(7).toMillis()), RULE)).isNotNull();
        } finally {
            release.countDown();
        }
        pending.get(30, TimeUnit.SECONDS);
        assertThat(ledgerLines().get(1).get("state").asText()).isEqualTo("delivered");
    }

    @Test
    void aRepeatInsideTheRulesIntervalIsSuppressedAlsoAfterARestart() throws Exception {
        URI url = serve(null, 200);
        Delivery d = delivery(webhook(url, Duration.ofSeconds(10)));
        long t = 1_000_000;
        d.fire(alert(t), RULE).get(30, TimeUnit.SECONDS);
        assertThat(d.fire(alert(t + Duration.ofHours(1).toMillis()), RULE)).as("an hour later: flapping").isNull();
        d.close();

        Delivery restarted = delivery(webhook(url, Duration.ofSeconds(10)));
        assertThat(restarted.recent(10)).hasSize(1);
        assertThat(restarted.recent(10).get(0).states()).containsEntry("webhook", "delivered");
        assertThat(restarted.fire(alert(t + Duration.ofHours(5).toMillis()), RULE)).as("still inside 6 h").isNull();
        restarted.fire(alert(t + Duration.ofHours(6).toMillis()), RULE).get(30, TimeUnit.SECONDS);
        assertThat(bodies).hasSize(2);
    }

    @Test
    void theCommandHookGetsTheAlertOnItsInputAndAFailingOneIsRecordedWithItsExitCode() throws Exception {
        Path got = dir.resolve("got.json");
        Delivery d = delivery(new CommandChannel("cat > '" + got + "'", Duration.ofSeconds(30)),
                new CommandChannel("echo 'no route to pager' >&2; exit 3", Duration.ofSeconds(30)),
                new CommandChannel("sleep 60", Duration.ofSeconds(1)));
        d.fire(alert(1_000), RULE).get(60, TimeUnit.SECONDS);

        assertThat(JSON.readTree(Files.readString(got)).get("current").asText()).isEqualTo("RISK_OFF");
        List<JsonNode> lines = ledgerLines();
        assertThat(lines).extracting(l -> l.get("state").asText()).containsExactly("fired", "delivered", "failed",
                "failed");
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("the command exited with 3: no route to pager");
        assertThat(lines.get(3).get("reason").asText()).isEqualTo("the command did not finish within 1 s (stopped)");
    }
}
