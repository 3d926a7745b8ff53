package io.tideline.feed.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that answers with queued recorded responses, in order, and remembers
 * every request URI it received. A {@link Reply#silence()} reply never answers (until close).
 */
final class LoopbackServer implements AutoCloseable {

    /** One recorded answer. */
    record Reply(int status, String body, String retryAfter, boolean hang, String location) {
        static Reply of(int status, String body) {
            return new Reply(status, body, null, false, null);
        }

        static Reply retryAfter(int status, String seconds) {
            return new Reply(status, "slow down", seconds, false, null);
        }

        static Reply silence() {
            return new Reply(0, null, null, true, null);
        }

        static Reply redirect(String location) {
            return new Reply(302, "", null, false, location);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-http");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<URI> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    LoopbackServer(Reply... queued) throws IOException {
        replies.addAll(List.of(queued));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(exchange.getRequestURI());
        Reply reply;
        synchronized (replies) {
            reply = replies.isEmpty() ? Reply.of(500, "no recorded reply left") : replies.poll();
        }
        if (reply.hang()) {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
        }
        if (reply.location() != null) {
            exchange.getResponseHeaders().add("Location", reply.location());
        }
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The server's URI for the given path and query, e.g. {@code /x?a=1}. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The request URIs received so far, in order. */
    List<URI> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
