package io.tideline.feed.yahoo;

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
 * A loopback HTTP server standing in for Yahoo Finance: it answers with queued recorded responses, in
 * order, and remembers every request URI it received.
 */
final class YahooLoopback implements AutoCloseable {

    /** One recorded answer. */
    record Reply(int status, String body, String contentType, String retryAfter) {
        static Reply json(String body) {
            return new Reply(200, body, "application/json; charset=UTF-8", null);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, "application/json; charset=UTF-8", null);
        }

        static Reply tooManyRequests(String retryAfterSeconds) {
            return new Reply(429, "Too Many Requests\r\n",
                    "text/plain; charset=UTF-8", retryAfterSeconds);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "yahoo-loopback");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<URI> received = new CopyOnWriteArrayList<>();

    YahooLoopback(Reply... queued) throws IOException {
        replies.addAll(List.of(queued));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fixture from {@code src/test/resources/fixtures/}. */
    static String fixture(String name) {
        try (InputStream in = YahooLoopback.class.getResourceAsStream("/fixtures/" + name)) {
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
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request URIs received so far, in order. */
    List<URI> received() {
        return List.copyOf(received);
    }

    /** The decoded query parameters of a received request, in order. */
    static Map<String, String> query(URI uri) {
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
