package io.tideline.feed.http;

import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * GETs a URL with the JDK {@link HttpClient}, retrying what may go away by itself: HTTP 429,
 * HTTP 5xx, connection failures and time-outs. Waits grow exponentially with random jitter; a
 * {@code Retry-After} header (in seconds) on a 429 or 5xx answer is honoured instead. It stops
 * after {@link Builder#maxAttempts(int)} attempts, or earlier when the next wait would take the
 * total past {@link Builder#maxTotalWait(Duration)}. Other 4xx answers are not retried.
 *
 * <p>Every failure is a {@link HttpFeedException} whose message names the status (or the
 * network problem), the attempts made and the URL with its secrets masked by
 * {@link Redaction}, plus a short redacted excerpt of an error body.
 *
 * <p>Immutable and thread-safe. {@link #close()} shuts down the client if the fetcher created it.
 */
public final class HttpFetcher implements AutoCloseable {

    private static final int EXCERPT_CHARS = 200;

    private final HttpClient client;
    private final boolean ownsClient;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxTotalWait;
    private final double jitter;
    private final DoubleSupplier random;
    private final Sleeper sleeper;
    private final String userAgent;

    private HttpFetcher(Builder b) {
        this.requestTimeout = b.requestTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxTotalWait = b.maxTotalWait;
        this.jitter = b.jitter;
        this.random = b.random;
        this.sleeper = b.sleeper;
        this.userAgent = b.userAgent;
        this.ownsClient = b.client == null;
        this.client = ownsClient
                ? HttpClient.newBuilder()
                        .connectTimeout(min(requestTimeout, Duration.ofSeconds(10)))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build()
                : b.client;
    }

    /** A builder with the defaults: 30 s per request, 3 attempts, 1 s first wait, 60 s in all. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * GETs the URI and returns its body decoded with the charset of its {@code Content-Type}
     * (UTF-8 when none is given).
     *
     * @param series the series this fetch is for, named in any failure
     * @param uri an absolute http or https URI
     * @throws HttpFeedException when no 2xx answer arrived within the attempts allowed
     */
    public String getString(SeriesId series, URI uri) throws HttpFeedException {
        HttpResponse<byte[]> response = send(series, uri);
        return new String(response.body(), charsetOf(response));
    }

    /**
     * GETs the URI and returns its body as bytes.
     *
     * @param series the series this fetch is for, named in any failure
     * @param uri an absolute http or https URI
     * @throws HttpFeedException when no 2xx answer arrived within the attempts allowed
     */
    public byte[] getBytes(SeriesId series, URI uri) throws HttpFeedException {
        return send(series, uri).body();
    }

    private HttpResponse<byte[]> send(SeriesId series, URI uri) throws HttpFeedException {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(uri, "uri");
        String url = Redaction.redact(uri.toString());
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout)
                .header("User-Agent", userAgent).build();
        Duration waited = Duration.ZERO;
        for (int attempt = 1;; attempt++) {
            Failure failure;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response;
                }
                String excerpt = excerpt(response.body(), charsetOf(response));
                if (status != 429 && status < 500) {
                    throw new HttpFeedException(series, "HTTP " + status + describe(status) + " from " + url
                            + " (attempt " + attempt + ", not retried: " + hint(status) + ")" + bodyPart(excerpt),
                            false, null, status, attempt, url, excerpt);
                }
                failure = new Failure("HTTP " + status + describe(status) + " from " + url + bodyPart(excerpt),
                        status, excerpt, retryAfter(response), null);
            } catch (HttpTimeoutException e) {
                failure = new Failure("no answer from " + url + " within " + format(requestTimeout)
                        + " (time-out; the server may be slow or unreachable)", HttpFeedException.NO_STATUS, "", null, e);
            } catch (IOException e) {
                failure = new Failure("could not reach " + url + ": " + Redaction.redact(String.valueOf(e)),
                        HttpFeedException.NO_STATUS, "", null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpFeedException(series, "interrupted while fetching " + url + " (attempt " + attempt + ")",
                        true, e, HttpFeedException.NO_STATUS, attempt, url, "");
            }
            if (attempt >= maxAttempts) {
                throw giveUp(series, url, failure, attempt, waited, "the maximum of " + maxAttempts + " attempts");
            }
            Duration wait = failure.retryAfter != null ? failure.retryAfter : backoff(attempt);
            if (waited.plus(wait).compareTo(maxTotalWait) > 0) {
                String why = (failure.retryAfter != null ? "the server asked to wait " + format(wait) : "the next wait of "
                        + format(wait)) + " would pass the maximum total wait of " + format(maxTotalWait);
                throw giveUp(series, url, failure, attempt, waited, why);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpFeedException(series, "interrupted while waiting to retry " + url + " after "
                        + failure.problem, true, e, failure.status, attempt, url, failure.excerpt);
            }
            waited = waited.plus(wait);
        }
    }

    private static HttpFeedException giveUp(SeriesId series, String url, Failure failure, int attempts,
            Duration waited, String limit) {
        String message = failure.problem + "; gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + " (waited " + format(waited) + " between them; stopped at " + limit
                + "). This may pass: try again later";
        return new HttpFeedException(series, message, true, failure.cause, failure.status, attempts, url,
                failure.excerpt);
    }

    /** The exponential wait after the given attempt, with jitter: base * 2^(attempt-1) * (1 + jitter * u). */
    Duration backoff(int attempt) {
        long baseMillis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        baseMillis = Math.min(baseMillis, maxBackoff.toMillis());
        long withJitter = Math.round(baseMillis * (1.0 + jitter * random.getAsDouble()));
        return Duration.ofMillis(Math.min(withJitter, maxBackoff.toMillis()));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        // Only delta-seconds are understood; an HTTP-date falls back to the computed backoff.
        return response.headers().firstValue("Retry-After").map(String::trim)
                .filter(v -> v.matches("\\d{1,9}")).map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private static Charset charsetOf(HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        for (String part : type.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8; // an unknown charset name: UTF-8 is FRED's and most APIs' choice
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String excerpt(byte[] body, Charset charset) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), charset)
                .replaceAll("\\s+", " ").trim();
        if (text.length() > EXCERPT_CHARS) {
            text = text.substring(0, EXCERPT_CHARS) + "...";
        }
        return Redaction.redact(text);
    }

    private static String bodyPart(String excerpt) {
        return excerpt.isEmpty() ? "" : ", body: '" + excerpt + "'";
    }

    private static String describe(int status) {
        String text = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> "check the API key or credentials";
            case 404 -> "check the URL and the series id";
            default -> "the server refused the request as it stands";
        };
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Shuts down the HTTP client if this fetcher created it; a client passed in is left alone. */
    @Override
    public void close() {
        if (ownsClient) {
            client.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "HttpFetcher[timeout " + format(requestTimeout) + ", " + maxAttempts + " attempts, backoff "
                + format(initialBackoff) + ".." + format(maxBackoff) + ", total wait <= " + format(maxTotalWait) + "]";
    }

    private record Failure(String problem, int status, String excerpt, Duration retryAfter, Throwable cause) {
    }

    /** Builds an {@link HttpFetcher}; not thread-safe, use one per fetcher. */
    public static final class Builder {
        private HttpClient client;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxTotalWait = Duration.ofSeconds(60);
        private double jitter = 0.5;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Sleeper sleeper = Sleeper.system();
        private String userAgent = "Tideline";

        private Builder() {
        }

        /** Uses this client instead of creating one; {@link HttpFetcher#close()} leaves it open. */
        public Builder client(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The time-out of one request, from sending to the end of the headers. Default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** How many requests at most, the first included; at least 1. Default 3. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** The wait after the first failed attempt, before jitter; doubles per attempt. Default 1 s. */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = positive(backoff, "initialBackoff");
            return this;
        }

        /** The longest computed wait (a {@code Retry-After} may ask for more). Default 30 s. */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = positive(backoff, "maxBackoff");
            return this;
        }

        /** The most time spent waiting between attempts of one fetch. Default 60 s. */
        public Builder maxTotalWait(Duration wait) {
            Objects.requireNonNull(wait, "maxTotalWait");
            if (wait.isNegative()) {
                throw new IllegalArgumentException("maxTotalWait must not be negative, was " + wait);
            }
            this.maxTotalWait = wait;
            return this;
        }

        /**
         * The jitter: each computed wait is multiplied by {@code 1 + jitter * u}, {@code u} drawn
         * from {@code random} in [0, 1). Default 0.5 with a thread-local random.
         */
        public Builder jitter(double jitter, DoubleSupplier random) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
            }
            this.jitter = jitter;
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How to wait between attempts. Default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The {@code User-Agent} header sent. Default {@code Tideline}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /** The fetcher. */
        public HttpFetcher build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalArgumentException("initialBackoff " + format(initialBackoff)
                        + " is longer than maxBackoff " + format(maxBackoff));
            }
            return new HttpFetcher(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
