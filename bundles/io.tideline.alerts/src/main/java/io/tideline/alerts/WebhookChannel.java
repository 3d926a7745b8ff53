package io.tideline.alerts;

import io.tideline.api.alerts.Alert;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * POSTs the alert as JSON ({@code Content-Type: application/json}) to the configured URL. A
 * connection error, a time-out, HTTP 429 or 5xx is tried again after a wait that doubles each
 * time, up to {@code attempts} requests; any other status outside 2xx fails at once. The secret,
 * when set, goes in its header only: never in a reason, {@link #toString()} or a log line; reasons
 * name the URL by scheme, host and port only (a webhook's path often holds a token).
 */
final class WebhookChannel implements Channel {

    /** Sleeps between attempts; tests pass one that does not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final URI url;
    /** The URL as shown in reasons: scheme, host and port only, as a path or query may hold a token. */
    private final String where;
    private final String secretHeader;
    private final String secret;
    private final Duration timeout;
    private final int attempts;
    private final Duration firstBackoff;
    private final Sleeper sleeper;
    private final HttpClient client;

    /**
     * @param secret the header's value, or empty for none
     * @param timeout the bound on connecting and on the whole answer of one request
     * @param attempts the most requests per alert, at least 1
     * @param firstBackoff the wait after the first failed request (doubled after each)
     */
    WebhookChannel(URI url, String secretHeader, String secret, Duration timeout, int attempts,
            Duration firstBackoff, Sleeper sleeper) {
        this.url = Objects.requireNonNull(url, "url");
        this.where = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        this.secretHeader = secretHeader;
        this.secret = secret == null ? "" : secret;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.firstBackoff = firstBackoff;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(Alert alert, String json) throws DeliveryException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "Tideline alerts")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (!secret.isEmpty()) {
            request.header(secretHeader, secret);
        }
        HttpRequest built = request.build();
        Duration wait = firstBackoff;
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2);
            }
            try {
                // The answer's body is not read beyond discarding it: a webhook only acknowledges.
                HttpResponse<Void> answer = client.send(built, HttpResponse.BodyHandlers.discarding());
                int status = answer.statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                last = "HTTP " + status + " from " + where;
                if (status != 429 && status < 500) {
                    throw new DeliveryException(last + " (not retried)");
                }
            } catch (HttpConnectTimeoutException e) {
                last = "no connection to " + where + " within " + timeout.toSeconds() + " s";
            } catch (HttpTimeoutException e) {
                last = "no answer from " + where + " within " + timeout.toSeconds() + " s";
            } catch (ConnectException e) {
                last = "cannot connect to " + where + " (connection refused or unreachable)";
            } catch (IOException e) {
                last = "cannot reach " + where + ": " + (e.getMessage() == null ? "input/output error" : e.getMessage());
            }
        }
        throw new DeliveryException(last + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"));
    }

    @Override
    public void close() {
        // A new configuration makes a new channel: do not leave this client's threads behind.
        client.shutdownNow();
    }

    @Override
    public String toString() {
        return "webhook " + where + (secret.isEmpty() ? "" : " (with " + secretHeader + ")");
    }
}
