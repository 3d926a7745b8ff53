package io.tideline.example.feed;

import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The example feed: daily OHLCV bars of the configured symbols as {@code example:SYMBOL}, from an
 * HTTP JSON service (see {@link RawDailyBars} for its answer). It fetches and normalises, and
 * nothing else: Tideline's feed scheduler calls {@link #fetch} and upserts what it returns.
 *
 * <p>A failed request is not retried here: the scheduler asks again at its next run, and a
 * retryable {@link FeedException} (HTTP 429, 5xx, network) says that this may help.
 *
 * <p>Immutable settings and thread-safe: SCR makes a new instance for a new configuration, the
 * JDK {@link HttpClient} serves concurrent fetches, and health is one atomically swapped value.
 * The API key goes in a request header, never in a URL; every answer is cleaned of it before it
 * is read, so no message, cause, {@link #toString()} or service property can carry it.
 */
@Component(service = FeedConnector.class, configurationPid = ExampleFeedConnector.PID)
@Designate(ocd = ExampleFeedConfig.class)
public final class ExampleFeedConnector implements FeedConnector {

    /** The ConfigAdmin PID: {@code deploy/io.tideline.example.feed.cfg}. */
    public static final String PID = "io.tideline.example.feed";

    /** The source namespace: series are {@code example:SYMBOL}. */
    public static final String SOURCE = "example";

    /** The header that carries the API key. */
    static final String KEY_HEADER = "X-Api-Key";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int EXCERPT_CHARS = 200;

    // Exactly one of the two is set: a bad setting is reported by health() where the user looks
    // (feeds status), rather than as a component that silently fails to activate.
    private final ExampleFeedSettings settings;
    private final String problem;
    private final List<SeriesDescriptor> offered;
    private final HttpClient http;
    private final AtomicReference<Health> health = new AtomicReference<>(Health.NONE);

    /** Activated by SCR with the current configuration (or the defaults). */
    @Activate
    public ExampleFeedConnector(ExampleFeedConfig config) {
        this(config.baseUrl(), List.of(config.symbols()), config._apiKey());
    }

    ExampleFeedConnector(String baseUrl, List<String> symbols, String apiKey) {
        ExampleFeedSettings valid = null;
        String invalid = null;
        try {
            valid = ExampleFeedSettings.of(baseUrl, symbols, apiKey);
        } catch (IllegalArgumentException e) {
            invalid = e.getMessage() + "; fix it in deploy/" + PID + ".cfg or the Settings view";
        }
        this.settings = valid;
        this.problem = invalid;
        // A real connector would describe each series from the source's metadata.
        this.offered = valid == null ? List.of() : valid.symbols().stream()
                .map(s -> new SeriesDescriptor(SeriesId.of(SOURCE, s), s + " (example feed)", "USD", SeriesKind.PRICE,
                        AssetClass.EQUITY, Timeframe.D1))
                .toList();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Deactivate
    void deactivate() {
        http.close();
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<SeriesDescriptor> offered() {
        return offered;
    }

    @Override
    public SeriesData fetch(FetchRequest request) throws FeedException {
        try {
            SeriesData data = fetchOrThrow(request);
            health.updateAndGet(h -> h.succeeded(request.series(), System.currentTimeMillis()));
            return data;
        } catch (FeedException e) {
            health.updateAndGet(h -> h.failed(request.series(), e.getMessage()));
            throw e;
        }
    }

    private SeriesData fetchOrThrow(FetchRequest request) throws FeedException {
        SeriesId series = request.series();
        if (problem != null) {
            throw new FeedException(series, problem, false, null);
        }
        if (offered.stream().noneMatch(d -> d.id().equals(series))) {
            throw new FeedException(series, "is not offered by the example feed, which is configured for "
                    + settings.symbols() + "; add the symbol to 'symbols' in deploy/" + PID + ".cfg", false, null);
        }
        if (!settings.hasApiKey()) {
            throw new FeedException(series, "no API key is configured; put '.apiKey=YOUR_KEY' into deploy/" + PID
                    + ".cfg", false, null);
        }
        DailyQuery query = DailyQuery.of(request);
        if (query == null) {
            return SeriesData.empty();
        }
        URI uri = query.uri(settings.baseUrl());
        String body = get(series, uri);
        try {
            RawDailyBars raw = RawDailyBars.read(body);
            return DailyBars.normalise(query, raw, request.fromMillis(), request.toMillis());
        } catch (RawDailyBars.Unreadable e) {
            throw new FeedException(series, "the service answered HTTP 200 from " + uri + " but " + e.getMessage(),
                    e.retryable(), e);
        } catch (DailyBars.Rejected e) {
            throw new FeedException(series, "the service answered HTTP 200 from " + uri + " but " + e.getMessage(),
                    false, e);
        }
    }

    /** One GET; the body of a 200 answer, or a FeedException naming the status and what to do. */
    private String get(SeriesId series, URI uri) throws FeedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .header(KEY_HEADER, settings.apiKey()).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FeedException(series, "could not reach " + uri.getHost() + ":" + port(uri) + " ("
                    + describe(e) + "); a later run may succeed", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException(series, "the fetch from " + uri + " was interrupted", true, e);
        }
        String body = withoutKey(response.body());
        int status = response.statusCode();
        if (status == 200) {
            return body;
        }
        String said = excerpt(body);
        String advice = switch (status) {
            case 401, 403 -> "the service refused the API key; check '.apiKey' in deploy/" + PID + ".cfg";
            case 404 -> "the service has no symbol '" + series.symbol() + "'; check 'symbols' in deploy/" + PID
                    + ".cfg";
            case 429 -> "the service limits requests (too many requests" + response.headers().firstValue("Retry-After")
                    .map(s -> ", retry after " + s + " s").orElse("") + "); a later run may succeed";
            default -> status >= 500 ? "the service failed (server error); a later run may succeed"
                    : "the service did not accept the request";
        };
        boolean retryable = status == 429 || status >= 500;
        throw new FeedException(series, advice + ". It answered HTTP " + status + " from " + uri
                + (said.isEmpty() ? "" : ": '" + said + "'"), retryable, null);
    }

    /** The body with every occurrence of the API key masked, as an error body may echo the request. */
    private String withoutKey(String body) {
        return body == null ? "" : settings.hasApiKey() ? body.replace(settings.apiKey(), "***") : body;
    }

    private static String excerpt(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS) + "…";
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A network failure in words; the JDK's messages are often empty or name a class. */
    private static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within 10 s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "the connection was refused or the host is unknown";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "the connection failed" : e.getMessage();
    }

    @Override
    public FeedHealth health() {
        return problem != null ? new FeedHealth(FeedHealth.State.DOWN, 0L, problem)
                : health.get().toFeedHealth(offered.size());
    }

    @Override
    public String toString() {
        return "ExampleFeedConnector[" + (problem != null ? problem : settings) + "]";
    }

    /**
     * What the feed reports: when a fetch last succeeded, which series fail now, and the newest
     * error. Immutable; {@link #fetch} swaps in a new one.
     */
    private record Health(long lastSuccessMillis, Set<SeriesId> failing, String lastError) {

        static final Health NONE = new Health(0L, Set.of(), null);

        Health succeeded(SeriesId series, long now) {
            Set<SeriesId> still = new HashSet<>(failing);
            still.remove(series);
            return new Health(now, Set.copyOf(still), still.isEmpty() ? null : lastError);
        }

        Health failed(SeriesId series, String error) {
            Set<SeriesId> now = new HashSet<>(failing);
            now.add(series);
            return new Health(lastSuccessMillis, Set.copyOf(now), error);
        }

        /** UP when nothing fails, DOWN when every series fails, DEGRADED in between. */
        FeedHealth toFeedHealth(int series) {
            FeedHealth.State state;
            if (failing.isEmpty()) {
                state = lastSuccessMillis == 0 ? FeedHealth.State.UNKNOWN : FeedHealth.State.UP;
            } else {
                state = failing.size() >= series ? FeedHealth.State.DOWN : FeedHealth.State.DEGRADED;
            }
            return new FeedHealth(state, lastSuccessMillis, lastError);
        }
    }
}
