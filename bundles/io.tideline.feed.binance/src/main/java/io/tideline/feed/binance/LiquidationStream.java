package io.tideline.feed.binance;

import io.tideline.feed.http.FeedHealthTracker;
import io.tideline.feed.http.Printable;
import io.tideline.feed.http.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps one perpetual's {@code forceOrder} stream open on a daemon thread and adds every
 * liquidation to its {@link LiquidationBook}. When the stream drops (Binance closes every
 * connection after 24 hours, networks fail) it reconnects after a wait that doubles from the
 * initial backoff up to {@value #MAX_BACKOFF_SECONDS} s, and starts over from the initial backoff
 * once a connection was made. Drops and malformed messages are logged and recorded in the
 * stream's health; a malformed message is skipped, never the stream.
 *
 * <p>Binance pushes at most one liquidation per symbol per second (the latest as a snapshot), so
 * the hourly sums are a floor of what was liquidated, not exchange totals.
 *
 * <p>Thread-safe: {@link #start()} once, {@link #close()} from any thread.
 */
final class LiquidationStream implements AutoCloseable {

    static final int MAX_BACKOFF_SECONDS = 60;

    /**
     * A connection silent this long is taken for dead and reopened: Binance pings every 3 minutes,
     * so a half-open TCP connection (a laptop waking from sleep) would otherwise wait forever.
     */
    static final Duration SILENCE_LIMIT = Duration.ofMinutes(10);

    /** The longest message kept while its parts arrive; a liquidation event is a few hundred characters. */
    static final int MAX_MESSAGE_CHARS = 1 << 20;

    private static final System.Logger LOG = System.getLogger(LiquidationStream.class.getName());

    private volatile boolean outageReported;

    private final HttpClient client;
    private final URI uri;
    private final String symbol;
    private final LiquidationBook book;
    private final FeedHealthTracker health;
    private final Duration initialBackoff;
    private final Duration connectTimeout;
    private final Sleeper sleeper;
    private final Thread thread;
    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile int connections;

    LiquidationStream(HttpClient client, URI uri, String symbol, LiquidationBook book, FeedHealthTracker health,
            Duration initialBackoff, Duration connectTimeout, Sleeper sleeper) {
        this.client = client;
        this.uri = uri;
        this.symbol = symbol;
        this.book = book;
        this.health = health;
        this.initialBackoff = initialBackoff;
        this.connectTimeout = connectTimeout;
        this.sleeper = sleeper;
        this.thread = new Thread(this::run, "tideline-binance-liquidations-" + symbol);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** How many connections were opened so far. */
    int connections() {
        return connections;
    }

    /** Whether the stream's thread still runs. */
    boolean running() {
        return thread.isAlive();
    }

    private void run() {
        Duration wait = initialBackoff;
        while (!closed) {
            Listener listener = new Listener();
            try {
                WebSocket ws = client.newWebSocketBuilder().connectTimeout(connectTimeout)
                        .buildAsync(uri, listener).get(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                socket = ws;
                connections++;
                health.recordSuccess();
                outageReported = false;
                wait = initialBackoff;
                if (closed) {
                    ws.abort();
                    return;
                }
                String why = listener.awaitEnd(ws);
                if (!closed) {
                    drop("the liquidation stream " + uri + " of " + symbol + " ended: " + why);
                }
            } catch (InterruptedException e) {
                return; // close() interrupts the wait
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                if (!closed) {
                    drop("could not open the liquidation stream " + uri + " of " + symbol + ": " + cause);
                }
            }
            if (closed) {
                return;
            }
            try {
                LOG.log(System.Logger.Level.DEBUG, "Reconnecting to {0} in {1} ms", uri, wait.toMillis());
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            long doubled = Math.min(wait.toMillis() * 2, MAX_BACKOFF_SECONDS * 1000L);
            wait = Duration.ofMillis(Math.max(doubled, initialBackoff.toMillis()));
        }
    }

    private void drop(String message) {
        // Said once per outage (offline, the stream retries every minute); feeds status shows the rest.
        if (!outageReported) {
            LOG.log(System.Logger.Level.WARNING, message + "; retrying in the background");
            outageReported = true;
        }
        health.recordFailure(message + "; reconnecting", true);
    }

    /** Closes the stream and stops reconnecting; waits briefly for the thread to end. */
    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Receives one connection's messages; {@link #done} completes with why it ended. */
    private final class Listener implements WebSocket.Listener {

        final CompletableFuture<String> done = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile long lastHeardNanos = System.nanoTime();

        /** Waits until the connection ends, aborting it when it stayed silent for {@link #SILENCE_LIMIT}. */
        String awaitEnd(WebSocket ws) throws InterruptedException, ExecutionException {
            while (true) {
                try {
                    return done.get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() - lastHeardNanos > SILENCE_LIMIT.toNanos()) {
                        ws.abort();
                        return "nothing (not even a ping) arrived for " + SILENCE_LIMIT.toMinutes() + " minutes";
                    }
                }
            }
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastHeardNanos = System.nanoTime(); // the JDK answers the ping with a pong by itself
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeardNanos = System.nanoTime();
            partial.append(data);
            if (partial.length() > MAX_MESSAGE_CHARS) {
                // A message that never ends must not fill the heap: drop the connection, the stream reconnects.
                partial.setLength(0);
                webSocket.abort();
                done.complete("sent a message longer than " + MAX_MESSAGE_CHARS + " characters (a liquidation event is "
                        + "a few hundred)");
                return null;
            }
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                try {
                    book.add(BinanceJson.liquidation(message));
                } catch (IllegalArgumentException e) {
                    String what = Printable.of("skipped a message of the liquidation stream " + uri + ": "
                            + Printable.shortened(e.getMessage(), 300));
                    LOG.log(System.Logger.Level.WARNING, what);
                    health.recordFailure(what, true);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            done.complete("closed by the server (status " + statusCode + (reason == null || reason.isEmpty() ? ""
                    : ", '" + Printable.shortened(reason, Printable.VALUE_CHARS) + "'") + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            done.complete("failed: " + Printable.of(String.valueOf(error)));
        }
    }
}
