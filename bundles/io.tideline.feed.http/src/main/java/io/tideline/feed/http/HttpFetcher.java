package io.tideline.feed.http;

import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesId;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * GETs a URL with the JDK {@link HttpClient}, retrying what may go away by itself: HTTP 429,
 * HTTP 5xx, connection failures and time-outs. Waits grow exponentially with random jitter; a
 * {@code Retry-After} header (in seconds) on a 429 or 5xx answer is honoured instead. It stops
 * after {@link Builder#maxAttempts(int)} attempts, or earlier when the next wait would take the
 * total past {@link Builder#maxTotalWait(Duration)}. Other 4xx answers are not retried.
 *
 * <p>A server cannot hang or exhaust the caller. Each request has one deadline,
 * {@link Builder#requestTimeout(Duration)}, for connecting, the headers and the whole body (a body
 * that drips a byte every few seconds ends there). A body is read as it streams in and never past
 * {@link Builder#maxResponseBytes(long)} (a larger {@code Content-Length} is refused before a byte
 * is read). Redirects are followed by the fetcher itself, at most {@link Builder#maxRedirects(int)}
 * in a row, never from https to http nor to another scheme, and a loop is reported with its chain.
 * A {@code Retry-After} beyond the retry ceiling ({@code maxTotalWait}) is not waited out. Text
 * that is not valid in its declared charset (UTF-8 by default) is refused with the offset of the
 * first bad byte. A failure of one of these limits carries its {@link HttpFeedException.Guard}.
 *
 * <p>Every failure is a {@link HttpFeedException} whose message names the status (or the
 * network problem), the attempts made and the URL with its secrets masked by
 * {@link Redaction}, plus a short redacted excerpt of an error body with control characters
 * removed by {@link Printable}.
 *
 * <p>Immutable and thread-safe. {@link #close()} shuts down the client if the fetcher created it.
 */
public final class HttpFetcher implements AutoCloseable {

    /** The default cap of one response body: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

    /** The default number of redirects followed in a row. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    private static final int EXCERPT_CHARS = 200;
    private static final int EXCERPT_BYTES = EXCERPT_CHARS * 4;

    private final HttpClient client;
    private final boolean ownsClient;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxTotalWait;
    private final long maxResponseBytes;
    private final int maxRedirects;
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
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxRedirects = b.maxRedirects;
        this.jitter = b.jitter;
        this.random = b.random;
        this.sleeper = b.sleeper;
        this.userAgent = b.userAgent;
        this.ownsClient = b.client == null;
        // Redirects are followed here, not by the client, so that the limit and the chain are ours to report.
        this.client = ownsClient
                ? HttpClient.newBuilder()
                        .connectTimeout(min(requestTimeout, Duration.ofSeconds(10)))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build()
                : b.client;
    }

    /**
     * A builder with the defaults: 30 s per request (connect, headers and body), 3 attempts, 1 s
     * first wait, 60 s of waiting in all, 64 MiB per response, 5 redirects.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * GETs the URI and returns its body decoded with the charset of its {@code Content-Type}
     * (UTF-8 when none is given).
     *
     * @param series the series this fetch is for, named in any failure
     * @param uri an absolute http or https URI
     * @throws HttpFeedException when no 2xx answer arrived within the attempts allowed, or its
     *         body is not valid text in its charset ({@link HttpFeedException.Guard#ENCODING})
     */
    public String getString(SeriesId series, URI uri) throws HttpFeedException {
        Response response = send(series, uri);
        Charset charset = charsetOf(response.headers());
        String url = Redaction.redact(response.uri().toString());
        CappedBody.Bytes body = response.body();
        String problem = TextCheck.firstError(body.bytes(), body.length(), charset);
        if (problem != null) {
            throw new HttpFeedException(series, "the answer from " + url + " is not valid " + charset.name() + " text: "
                    + problem + "; the server sent another encoding than it declares (Content-Type charset) or a "
                    + "damaged answer", false, null, response.status(), response.attempts(), url, "",
                    HttpFeedException.Guard.ENCODING);
        }
        return new String(body.bytes(), 0, body.length(), charset);
    }

    /**
     * GETs the URI and returns its body as bytes.
     *
     * @param series the series this fetch is for, named in any failure
     * @param uri an absolute http or https URI
     * @throws HttpFeedException when no 2xx answer arrived within the attempts allowed
     */
    public byte[] getBytes(SeriesId series, URI uri) throws HttpFeedException {
        CappedBody.Bytes body = send(series, uri).body();
        return body.bytes().length == body.length() ? body.bytes() : Arrays.copyOf(body.bytes(), body.length());
    }

    /** A 2xx answer: its status, headers, body, the URL it finally came from and the attempts it took. */
    private record Response(int status, HttpHeaders headers, CappedBody.Bytes body, URI uri, int attempts) {
    }

    private Response send(SeriesId series, URI uri) throws HttpFeedException {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(uri, "uri");
        String url = Redaction.redact(uri.toString());
        Duration waited = Duration.ZERO;
        for (int attempt = 1;; attempt++) {
            Failure failure;
            try {
                Response response = exchange(uri, attempt);
                int status = response.status();
                String from = Redaction.redact(response.uri().toString());
                if (status >= 200 && status < 300) {
                    return response;
                }
                String excerpt = excerpt(response.body(), charsetOf(response.headers()));
                if (status != 429 && status < 500) {
                    throw new HttpFeedException(series, "HTTP " + status + describe(status) + " from " + from
                            + " (attempt " + attempt + ", not retried: " + hint(status) + ")" + bodyPart(excerpt),
                            false, null, status, attempt, from, excerpt);
                }
                failure = new Failure("HTTP " + status + describe(status) + " from " + from + bodyPart(excerpt),
                        status, excerpt, retryAfter(response.headers()), null, null);
            } catch (Stopped stop) {
                if (!stop.retryable) {
                    throw new HttpFeedException(series, stop.getMessage() + " (attempt " + attempt + ", not retried)",
                            false, null, stop.status, attempt, url, "", stop.guard);
                }
                failure = new Failure(stop.getMessage(), HttpFeedException.NO_STATUS, "", null, stop.getCause(),
                        stop.guard);
            } catch (IOException e) {
                failure = new Failure("could not reach " + url + ": " + Printable.of(Redaction.redact(String.valueOf(e))),
                        HttpFeedException.NO_STATUS, "", null, e, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpFeedException(series, "interrupted while fetching " + url + " (attempt " + attempt + ")",
                        true, e, HttpFeedException.NO_STATUS, attempt, url, "");
            }
            if (attempt >= maxAttempts) {
                throw giveUp(series, url, failure, attempt, waited, "the maximum of " + maxAttempts + " attempts",
                        failure.guard);
            }
            Duration wait = failure.retryAfter != null ? failure.retryAfter : backoff(attempt);
            if (waited.plus(wait).compareTo(maxTotalWait) > 0) {
                if (failure.retryAfter != null) {
                    throw giveUp(series, url, failure, attempt, waited, "the retry ceiling: the server asked to wait "
                            + format(wait) + " (Retry-After), more than the " + format(maxTotalWait.minus(waited))
                            + " left of the " + format(maxTotalWait) + " a fetch may spend waiting, so it was not waited out",
                            HttpFeedException.Guard.RETRY_CEILING);
                }
                throw giveUp(series, url, failure, attempt, waited, "the next wait of " + format(wait)
                        + " would pass the maximum total wait of " + format(maxTotalWait), failure.guard);
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

    /**
     * One request under one deadline: sends it, follows redirects, and reads the body within the
     * cap. Returns the first answer that is not a followed redirect.
     *
     * @throws Stopped when a limit stopped it (retryable only for the deadline)
     */
    private Response exchange(URI uri, int attempt) throws IOException, InterruptedException, Stopped {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        List<URI> chain = new ArrayList<>(List.of(uri));
        URI current = uri;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw deadlineMissed(current, false, 0, null);
            }
            HttpRequest request = HttpRequest.newBuilder(current).GET().timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", userAgent).build();
            CappedBody body = new CappedBody(maxResponseBytes, EXCERPT_BYTES);
            CompletableFuture<HttpResponse<CappedBody.Bytes>> future = client.sendAsync(request, body);
            HttpResponse<CappedBody.Bytes> response;
            try {
                response = future.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                Stopped missed = deadlineMissed(current, body.headersArrived(), body.received(), e);
                body.abort(missed);
                future.cancel(true);
                throw missed;
            } catch (InterruptedException e) {
                body.abort(e);
                future.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Exception failure = failureOf(e.getCause(), current, body);
                if (failure instanceof Stopped stopped) {
                    throw stopped;
                }
                throw (IOException) failure;
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(status) || location.isEmpty()) {
                return new Response(status, response.headers(), response.body(), current, attempt);
            }
            URI next = follow(current, location.get(), status);
            if (chain.size() > maxRedirects) {
                chain.add(next);
                throw new Stopped("redirected more than " + maxRedirects + " times: " + chain.stream()
                        .map(u -> Redaction.redact(u.toString())).collect(Collectors.joining(" -> "))
                        + "; a redirect loop or a misconfigured server", false, HttpFeedException.Guard.REDIRECTS,
                        status, null);
            }
            chain.add(next);
            current = next;
        }
    }

    /** The target of a redirect from {@code from}, refused when it is unusable or leaves https. */
    private static URI follow(URI from, String location, int status) throws Stopped {
        String shown = Printable.shortened(Redaction.redact(location), Printable.VALUE_CHARS);
        String at = "HTTP " + status + " from " + Redaction.redact(from.toString()) + " redirected to ";
        URI next;
        try {
            next = from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new Stopped(at + "'" + shown + "', which is not a valid URL; not followed", false,
                    HttpFeedException.Guard.REDIRECTS, status, e);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
            throw new Stopped(at + "'" + shown + "', which is not an http(s) URL; not followed", false,
                    HttpFeedException.Guard.REDIRECTS, status, null);
        }
        if (scheme.equals("http") && "https".equalsIgnoreCase(from.getScheme())) {
            throw new Stopped(at + "'" + shown + "', from https to plain http; not followed (the request would "
                    + "travel unencrypted)", false, HttpFeedException.Guard.REDIRECTS, status, null);
        }
        return next;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private Stopped deadlineMissed(URI at, boolean headersArrived, long bodyBytes, Throwable cause) {
        String url = Redaction.redact(at.toString());
        String message = headersArrived
                ? "the answer from " + url + " did not finish within " + format(requestTimeout)
                        + " (the deadline of one request, for connecting, headers and body; " + size(bodyBytes)
                        + " of the body had arrived)"
                : "no answer from " + url + " within " + format(requestTimeout)
                        + " (the deadline of one request; time-out: the server may be slow or unreachable)";
        return new Stopped(message, true, HttpFeedException.Guard.DEADLINE, HttpFeedException.NO_STATUS, cause);
    }

    /** What a failed exchange means: the cap, the deadline, or a network failure to retry. */
    private Exception failureOf(Throwable cause, URI at, CappedBody body) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge large) {
                String url = Redaction.redact(at.toString());
                return new Stopped("response from " + url + " larger than " + size(large.cap)
                        + (large.declared > large.cap ? " (it declares " + size(large.declared) + "); not read"
                                : "; reading stopped at the cap")
                        + " (the cap of one response; a connector's maxResponseMiB setting raises it)", false,
                        HttpFeedException.Guard.BODY_SIZE, 200, large);
            }
            if (t instanceof HttpTimeoutException) {
                return deadlineMissed(at, body.headersArrived(), body.received(), t);
            }
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(String.valueOf(cause), cause);
    }

    /** A limit stopped the request; {@code retryable} only for the deadline, which may pass. */
    private static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        final boolean retryable;
        final HttpFeedException.Guard guard;
        final int status;

        Stopped(String message, boolean retryable, HttpFeedException.Guard guard, int status, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
            this.guard = guard;
            this.status = status;
        }
    }

    private static HttpFeedException giveUp(SeriesId series, String url, Failure failure, int attempts,
            Duration waited, String limit, HttpFeedException.Guard guard) {
        String message = failure.problem + "; gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + " (waited " + format(waited) + " between them; stopped at " + limit
                + "). This may pass: try again later";
        return new HttpFeedException(series, message, true, failure.cause, failure.status, attempts, url,
                failure.excerpt, guard);
    }

    /** The exponential wait after the given attempt, with jitter: base * 2^(attempt-1) * (1 + jitter * u). */
    Duration backoff(int attempt) {
        long baseMillis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        baseMillis = Math.min(baseMillis, maxBackoff.toMillis());
        long withJitter = Math.round(baseMillis * (1.0 + jitter * random.getAsDouble()));
        return Duration.ofMillis(Math.min(withJitter, maxBackoff.toMillis()));
    }

    private static Duration retryAfter(HttpHeaders headers) {
        // Only delta-seconds are understood; an HTTP-date falls back to the computed backoff. A
        // number too long to parse is a wait beyond any ceiling, not one to ignore.
        return headers.firstValue("Retry-After").map(String::trim).filter(v -> v.matches("\\d+"))
                .map(v -> Duration.ofSeconds(v.length() > 12 ? 999_999_999_999L : Long.parseLong(v))).orElse(null);
    }

    private static Charset charsetOf(HttpHeaders headers) {
        String type = headers.firstValue("Content-Type").orElse("");
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

    private static String excerpt(CappedBody.Bytes body, Charset charset) {
        if (body == null || body.length() == 0) {
            return "";
        }
        String text = Printable.of(new String(body.bytes(), 0, Math.min(body.length(), EXCERPT_BYTES), charset))
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
            case 301, 302, 303, 307, 308 -> "a redirect without a Location header";
            default -> "the server refused the request as it stands";
        };
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        if (ms < 7_200_000) {
            return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
        }
        return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000.0);
    }

    /** A byte count in words: {@code 512 bytes}, {@code 1.5 KiB}, {@code 64 MiB}, {@code 5 GiB}. */
    static String size(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
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
        return "HttpFetcher[deadline " + format(requestTimeout) + ", " + maxAttempts + " attempts, backoff "
                + format(initialBackoff) + ".." + format(maxBackoff) + ", total wait <= " + format(maxTotalWait)
                + ", body <= " + size(maxResponseBytes) + ", redirects <= " + maxRedirects + "]";
    }

    private record Failure(String problem, int status, String excerpt, Duration retryAfter, Throwable cause,
            HttpFeedException.Guard guard) {
    }

    /** Builds an {@link HttpFetcher}; not thread-safe, use one per fetcher. */
    public static final class Builder {
        private HttpClient client;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxTotalWait = Duration.ofSeconds(60);
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
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

        /**
         * The deadline of one request: connecting, the headers and the whole body, redirects
         * included. Default 30 s.
         */
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

        /**
         * The most time spent waiting between attempts of one fetch, the retry ceiling: a
         * {@code Retry-After} asking for more is not waited out. Default 60 s.
         */
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

        /**
         * The most bytes of one response body; a larger body is refused ({@code Content-Length})
         * or stops being read at the cap. Default {@value #DEFAULT_MAX_RESPONSE_BYTES} (64 MiB).
         *
         * @since 1.1
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("maxResponseBytes must be from 1 to " + (Integer.MAX_VALUE - 16)
                        + ", was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * The most redirects followed in a row within one request. Default
         * {@value #DEFAULT_MAX_REDIRECTS}; 0 follows none.
         *
         * @since 1.1
         */
        public Builder maxRedirects(int redirects) {
            if (redirects < 0 || redirects > 20) {
                throw new IllegalArgumentException("maxRedirects must be from 0 to 20, was " + redirects);
            }
            this.maxRedirects = redirects;
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
