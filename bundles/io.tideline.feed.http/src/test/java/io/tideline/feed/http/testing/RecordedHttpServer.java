package io.tideline.feed.http.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server standing in for a feed's web service in tests: it answers with queued
 * recorded responses, in order, and remembers every request URI it received. Shared by the
 * connectors' tests through this bundle's test jar, so that the real HTTP client, parser and
 * retry code run against real sockets without the internet.
 */
public final class RecordedHttpServer implements AutoCloseable {

    /**
     * One recorded answer.
     *
     * @param status the HTTP status
     * @param body the body
     * @param contentType the Content-Type header
     * @param retryAfter the Retry-After header, or null
     */
    public record Reply(int status, String body, String contentType, String retryAfter) {

        /** 200 with a JSON body. */
        public static Reply json(String body) {
            return new Reply(200, body, "application/json; charset=UTF-8", null);
        }

        /** 200 with a CSV body. */
        public static Reply csv(String body) {
            return new Reply(200, body, "text/csv; charset=UTF-8", null);
        }

        /** Any status with a JSON body. */
        public static Reply status(int status, String body) {
            return new Reply(status, body, "application/json; charset=UTF-8", null);
        }

        /** 429 with the service's own body and a Retry-After in seconds. */
        public static Reply tooManyRequests(String body, String contentType, String retryAfterSeconds) {
            return new Reply(429, body, contentType, retryAfterSeconds);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recorded-http");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<URI> received = new CopyOnWriteArrayList<>();

    /** Starts on a free loopback port with the replies to give, in order. */
    public RecordedHttpServer(Reply... queued) throws IOException {
        replies.addAll(List.of(queued));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fixture from {@code src/test/resources/fixtures/}. */
    public static String fixture(String name) {
        try (InputStream in = RecordedHttpServer.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture fixtures/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(exchange.getRequestURI());
        Reply reply;
        synchronized (replies) {
            reply = replies.isEmpty() ? Reply.status(500, "no recorded reply left") : replies.poll();
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
        }
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request URIs received so far, in order. */
    public List<URI> received() {
        return List.copyOf(received);
    }

    /** The decoded query parameters of a received request, in order. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
