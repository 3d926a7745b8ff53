package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded-feed guarantees of docs/feed-safety.md, end to end: the distribution's
 * {@code tideline} script, in its own JVM with a 256 MiB heap, runs {@code feeds run fred yahoo}
 * while a loopback server answers each FRED series with one hostile behaviour (a drip, an endless
 * body, 5 GiB declared, 5 GiB streamed without a length, a redirect loop, {@code Retry-After: 99999},
 * bytes that are not UTF-8) and Yahoo with its recorded chart answer. The command ends, every
 * hostile series fails naming the limit it hit, FRED is DOWN, Yahoo still stored its bars in the
 * same run, and the JVM neither ran out of heap nor ran with more than the 256 MiB it was given.
 *
 * <p>One process for all cases: FRED is one connector, so each case is one of its series, and
 * the server tells them apart by {@code series_id}. There is no assertion on time; the short
 * deadline ({@code timeoutSeconds=2}) and cap ({@code maxResponseMiB=1}) only keep the run quick.
 */
class HostileFeedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIB = 1L << 20;
    /** The size of the two huge answers; streamed from one 64 KiB block, never held. */
    private static final long FIVE_GIB = 5L << 30;
    private static final int HEAP_MIB = 256;
    private static final Path YAHOO_FIXTURE = Path.of("../bundles/io.tideline.feed.yahoo/src/test/resources/fixtures/"
            + "yahoo-chart-SPY-1d-2020-03-02_2020-03-27.json");
    /** A FRED answer declared UTF-8 whose value holds the ISO-8859-1 byte 0xE9 on line 2. */
    private static final byte[] LATIN1_BODY = "{\"observations\":[\n{\"date\":\"2020-03-09\",\"value\":\"caf\u00E9\"}]}\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path work;

    @Test
    void hostileServersEndTheRunWithFredDownWhileYahooFetchesWithinASmallHeap() throws Exception {
        try (HostileServer server = new HostileServer(Files.readAllBytes(YAHOO_FIXTURE))) {
            Path deploy = Files.createDirectories(work.resolve("deploy"));
            // Several values need FileInstall's typed format, and then every value of the file is typed.
            Dist.write(deploy, "io.tideline.feed.fred.cfg", """
                    series=["DRIP","ENDLESS","HUGE","HUGESTREAM","LOOP","RETRY","LATIN1"]
                    baseUrl="%s"
                    .apiKey="k3y-that-must-not-show"
                    timeoutSeconds=I"2"
                    maxAttempts=I"2"
                    maxResponseMiB=I"1"
                    """.formatted(server.baseUrl()));
            Dist.write(deploy, "io.tideline.feed.yahoo.cfg", """
                    symbols=IWM
                    basket=
                    intervals=1d
                    baseUrl=%s
                    timeoutSeconds=2
                    """.formatted(server.baseUrl()));

            Path gcLog = work.resolve("gc.log");
            Map<String, String> env = new HashMap<>();
            env.put("TIDELINE_HOME", null);
            // A class-data archive of this JVM's flags would be written to the user's cache: keep it out.
            env.put("TIDELINE_CDS", "0");
            env.put("TIDELINE_JAVA_OPTS", "-Xmx" + HEAP_MIB + "m -XX:+ExitOnOutOfMemoryError -Xlog:gc,gc+init:file="
                    + gcLog);
            Path logs = work.resolve("log");
            Process process = Launch.start(logs, env, "--headless", "--data-dir", work.resolve("data").toString(),
                    "--deploy-dir", deploy.toString(), "feeds", "run", "fred", "yahoo");
            try {
                Dist.await("tideline --headless feeds run fred yahoo to end", () -> !process.isAlive());
            } finally {
                process.destroyForcibly();
                process.waitFor();
            }
            String out = Files.readString(logs.resolve("out.txt"), StandardCharsets.UTF_8);
            String err = Files.readString(logs.resolve("err.txt"), StandardCharsets.UTF_8);
            String gc = Files.readString(gcLog, StandardCharsets.UTF_8);

            // The heap: the JVM had 256 MiB and needed no more, though the server offered 10 GiB and more.
            assertThat(gc).as("the launched JVM's heap").contains("Heap Max Capacity: " + HEAP_MIB + "M");
            assertThat(out + err).as("standard output and error").doesNotContain("OutOfMemoryError");
            assertThat(process.exitValue()).as("exit code of a run in which a feed failed; " + err).isEqualTo(1);
            assertThat(out + err).doesNotContain("k3y-that-must-not-show");

            // Exactly the configured series ran: the .cfg was applied before the command, so no
            // request went to the real FRED.
            assertThat(out.lines().filter(l -> l.startsWith("  fred:")).map(l -> l.substring(2, l.indexOf(": ")))
                    .toList()).containsExactly("fred:DRIP", "fred:ENDLESS", "fred:HUGE", "fred:HUGESTREAM",
                            "fred:LOOP", "fred:RETRY", "fred:LATIN1");

            // A byte every second, each gap well inside the deadline: only a deadline over the whole
            // body ends it, and the time-out is retried once (maxAttempts=2).
            assertThat(line(out, "fred:DRIP")).contains("FAILED", "did not finish within 2.0 s",
                    "for connecting, headers and body", "of the body had arrived", "gave up after 2 attempts");
            assertThat(server.requests("DRIP")).isEqualTo(2);

            assertThat(line(out, "fred:ENDLESS")).contains("FAILED", "larger than 1 MiB; reading stopped at the cap",
                    "maxResponseMiB", "not retried");
            assertThat(server.requests("ENDLESS")).isEqualTo(1);

            assertThat(line(out, "fred:HUGE")).contains("FAILED", "larger than 1 MiB (it declares 5 GiB); not read",
                    "not retried");
            assertThat(line(out, "fred:HUGESTREAM")).contains("FAILED",
                    "larger than 1 MiB; reading stopped at the cap", "not retried");
            // What left the server: the cap plus what loopback socket buffers hold, far from 5 GiB.
            assertThat(server.written("HUGE")).isLessThan(64 * MIB);
            assertThat(server.written("HUGESTREAM")).isGreaterThan(MIB).isLessThan(MIB + 64 * MIB);

            assertThat(line(out, "fred:LOOP")).contains("FAILED", "redirected more than 5 times: ",
                    server.baseUrl() + "/loop/a -> " + server.baseUrl() + "/loop/b -> " + server.baseUrl() + "/loop/a",
                    "not retried");

            assertThat(line(out, "fred:RETRY")).contains("FAILED", "HTTP 429 (Too Many Requests)",
                    "gave up after 1 attempt ", "the server asked to wait 27.8 h (Retry-After)", "not waited out");
            assertThat(server.requests("RETRY")).isEqualTo(1);

            int badByte = indexOf(LATIN1_BODY, (byte) 0xE9);
            assertThat(line(out, "fred:LATIN1")).contains("FAILED", "is not valid UTF-8 text: at byte " + badByte
                    + " (line 2) the byte 0xE9 does not start or continue a UTF-8 character");

            // The other connector, in the same command after all of that, fetched and stored its bars.
            assertThat(line(out, "yahoo:IWM")).isEqualTo("  yahoo:IWM: " + yahooBars()
                    + " bars (2020-03-02T00:00:00Z .. 2020-03-27T00:00:00Z)");

            // The health the run left for feeds status: FRED DOWN naming the limit of its last
            // series, Yahoo UP.
            JsonNode health = JSON.readTree(work.resolve("data/workspace/feed-health.json").toFile()).get("feeds");
            assertThat(health.at("/fred/state").asText()).isEqualTo("DOWN");
            assertThat(health.at("/fred/lastError").asText()).contains("fred:LATIN1", "is not valid UTF-8 text");
            assertThat(health.at("/yahoo/state").asText()).isEqualTo("UP");
            assertThat(health.at("/yahoo/lastSuccessMillis").asLong()).isPositive();

            System.out.print(out);
            System.out.printf("HostileFeedIT: -Xmx%dm; the largest heap before a collection was %d MiB (%d"
                    + " collections); the server handed %d KiB of the 5 GiB stream to the socket%n", HEAP_MIB,
                    peakHeapMiB(gc), gc.lines().filter(l -> l.contains(" Pause ")).count(),
                    server.written("HUGESTREAM") >> 10);
        }
    }

    /** The line of {@code feeds run} for one series; fails naming the series and the output. */
    private static String line(String out, String series) {
        return out.lines().filter(l -> l.startsWith("  " + series + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + series + " in:\n" + out));
    }

    /** The bars of the recorded Yahoo answer: its timestamps less Yahoo's all-null placeholder bars. */
    private static int yahooBars() throws IOException {
        JsonNode close = JSON.readTree(YAHOO_FIXTURE.toFile()).at("/chart/result/0/indicators/quote/0/close");
        int bars = 0;
        for (JsonNode value : close) {
            bars += value.isNull() ? 0 : 1;
        }
        return bars;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("no byte " + wanted);
    }

    /** The most heap in use before any collection of the GC log ({@code Pause ... 41M->9M(256M)}), in MiB. */
    private static long peakHeapMiB(String gcLog) {
        Matcher m = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)").matcher(gcLog);
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }

    /**
     * A loopback server in the shape of the FRED API whose answer depends on the series asked
     * for, one hostile behaviour each, and that replays a recorded Yahoo chart answer for any
     * symbol. It counts requests and the body bytes handed to the socket per series.
     */
    private static final class HostileServer implements AutoCloseable {

        private static final byte[] BLOCK = new byte[64 * 1024];

        static {
            // Spaces: a JSON parser would take them as the start of a document and wait for more.
            Arrays.fill(BLOCK, (byte) ' ');
        }

        private final byte[] yahoo;
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-feed-it");
            t.setDaemon(true);
            return t;
        });
        private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> written = new ConcurrentHashMap<>();
        private final CountDownLatch closed = new CountDownLatch(1);

        HostileServer(byte[] yahoo) throws IOException {
            this.yahoo = yahoo;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Handlers that drip or stream for ever must not hold up the others.
            server.setExecutor(executor);
            server.createContext("/fred/series/observations", this::fred);
            server.createContext("/loop/", exchange -> {
                String next = exchange.getRequestURI().getPath().equals("/loop/a") ? "/loop/b" : "/loop/a";
                exchange.getResponseHeaders().add("Location", next);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/v8/finance/chart/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, this.yahoo.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(this.yahoo);
                }
            });
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int requests(String series) {
            AtomicInteger n = requests.get(series);
            return n == null ? 0 : n.get();
        }

        long written(String series) {
            AtomicLong n = written.get(series);
            return n == null ? 0 : n.get();
        }

        private void fred(HttpExchange exchange) throws IOException {
            String query = exchange.getRequestURI().getRawQuery();
            String series = query == null ? "" : query.replaceAll("^(?:.*&)?series_id=([^&]*).*$", "$1");
            requests.computeIfAbsent(series, s -> new AtomicInteger()).incrementAndGet();
            AtomicLong count = written.computeIfAbsent(series, s -> new AtomicLong());
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                switch (series) {
                    case "DRIP" -> {
                        exchange.sendResponseHeaders(200, 0);
                        do {
                            body.write(' ');
                            body.flush();
                            count.incrementAndGet();
                        } while (!closed.await(1, TimeUnit.SECONDS));
                    }
                    case "ENDLESS" -> {
                        exchange.sendResponseHeaders(200, 0);
                        while (closed.getCount() > 0) {
                            body.write(BLOCK);
                            count.addAndGet(BLOCK.length);
                        }
                    }
                    case "HUGE", "HUGESTREAM" -> {
                        exchange.sendResponseHeaders(200, series.equals("HUGE") ? FIVE_GIB : 0);
                        for (long sent = 0; sent < FIVE_GIB && closed.getCount() > 0; sent += BLOCK.length) {
                            body.write(BLOCK);
                            count.addAndGet(BLOCK.length);
                        }
                    }
                    case "LOOP" -> {
                        exchange.getResponseHeaders().add("Location", "/loop/a");
                        exchange.sendResponseHeaders(302, -1);
                    }
                    case "RETRY" -> {
                        exchange.getResponseHeaders().add("Retry-After", "99999");
                        send(exchange, body, 429, "{\"error_message\":\"slow down\"}".getBytes(StandardCharsets.UTF_8));
                    }
                    case "LATIN1" -> send(exchange, body, 200, LATIN1_BODY);
                    default -> send(exchange, body, 400, "{\"error_message\":\"Bad Request. The series does not exist.\"}"
                            .getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | InterruptedException e) {
                // The client hung up, or the server is closing: what this server is for.
            }
        }

        private static void send(HttpExchange exchange, OutputStream body, int status, byte[] bytes) throws IOException {
            exchange.sendResponseHeaders(status, bytes.length);
            body.write(bytes);
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
