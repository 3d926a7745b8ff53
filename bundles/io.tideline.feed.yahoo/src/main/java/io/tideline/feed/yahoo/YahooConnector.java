package io.tideline.feed.yahoo;

import io.tideline.api.series.SeriesBuilder;
import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.FeedHealthTracker;
import io.tideline.feed.http.HttpFeedException;
import io.tideline.feed.http.HttpFetcher;
import io.tideline.feed.http.Redaction;
import io.tideline.feed.http.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Yahoo Finance connector: OHLCV bars of indices, ETFs and stocks from Yahoo's chart API,
 * {@code yahoo:SYMBOL} daily ({@link Timeframe#D1}) and {@code yahoo:SYMBOL:1h} hourly
 * ({@link Timeframe#H1}), for the configured symbols and AI-leadership basket (see
 * {@link YahooConfig}).
 *
 * <p>Bar times: a daily bar sits at midnight UTC of the exchange's local trading date (Yahoo's
 * daily timestamp, the session's open, is read in {@code meta.exchangeTimezoneName}, else at
 * {@code meta.gmtoffset}; a 14:30Z New York bar is that day's bar). An hourly bar sits at its UTC
 * timestamp, the start of the hour Yahoo reports (for New York, on the half hour). Bars whose close
 * is {@code null} are left out.
 *
 * <p>Yahoo serves hourly bars for about the last 730 days only and refuses a request starting
 * earlier (HTTP 422). The connector therefore clamps the start of an hourly request to
 * {@value #HOURLY_HISTORY_DAYS} days before now: the answer then simply has no bars before that.
 *
 * <p>A configuration it refuses does not make the connector vanish: it stays registered, offers
 * nothing, and reports {@code DOWN} with the refusal (file, key, value, expectation) as its health.
 *
 * <p>Immutable and thread-safe: a new configuration makes SCR create a new instance.
 */
@Component(service = FeedConnector.class, configurationPid = YahooConnector.PID)
@Designate(ocd = YahooConfig.class)
public final class YahooConnector implements FeedConnector {

    /** The ConfigAdmin PID of this component. */
    public static final String PID = "io.tideline.feed.yahoo";

    /** How far back an hourly request may start; Yahoo allows 730 days, one is kept as margin. */
    static final int HOURLY_HISTORY_DAYS = 729;

    private static final long DAY_SECONDS = 86_400L;

    private final YahooSettings settings;
    private final String rejected;
    private final List<SeriesDescriptor> offered;
    private final HttpFetcher fetcher;
    private final FeedHealthTracker health;
    private final InstantSource clock;

    /**
     * Activated by SCR with the current configuration (or the defaults); {@code properties} is the
     * same configuration untyped, which names the .cfg file and the raw values in a refusal.
     */
    @Activate
    public YahooConnector(YahooConfig config, Map<String, Object> properties) {
        this(ConfigValues.read(PID, properties, values -> YahooSettings.from(config, values)), Sleeper.system(),
                InstantSource.system());
    }

    YahooConnector(YahooSettings settings, Sleeper sleeper, InstantSource clock) {
        this(ConfigValues.Configured.of(settings), sleeper, clock);
    }

    YahooConnector(ConfigValues.Configured<YahooSettings> configured, Sleeper sleeper, InstantSource clock) {
        this.settings = configured.settings();
        this.rejected = configured.problem();
        this.clock = clock;
        this.health = new FeedHealthTracker(clock);
        if (settings == null) {
            this.offered = List.of();
            this.fetcher = null;
            health.recordUnusable(rejected);
            return;
        }
        List<SeriesDescriptor> list = new ArrayList<>();
        for (Timeframe t : settings.intervals()) {
            for (String symbol : settings.allSymbols()) {
                list.add(YahooCatalog.describe(symbol, t));
            }
        }
        this.offered = List.copyOf(list);
        // Yahoo turns away requests without a browser-like User-Agent with HTTP 429.
        this.fetcher = HttpFetcher.builder().requestTimeout(settings.timeout()).maxAttempts(settings.maxAttempts())
                .maxResponseBytes(settings.maxResponseBytes()).sleeper(sleeper)
                .userAgent("Mozilla/5.0 (compatible; Tideline Yahoo Finance feed)").build();
    }

    @Deactivate
    void deactivate() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    @Override
    public String source() {
        return YahooCatalog.SOURCE;
    }

    @Override
    public List<SeriesDescriptor> offered() {
        return offered;
    }

    @Override
    public SeriesData fetch(FetchRequest request) throws FeedException {
        SeriesId series = request.series();
        if (rejected != null) {
            throw new FeedException(series, rejected, false, null);
        }
        Timeframe timeframe = YahooCatalog.timeframe(series);
        if (timeframe == null || !settings.intervals().contains(timeframe)
                || !settings.allSymbols().contains(series.symbol())) {
            throw new FeedException(series, "is not offered by the Yahoo Finance connector, which is configured for "
                    + offered.stream().map(d -> d.id().toString()).collect(Collectors.joining(", "))
                    + "; add the symbol to 'symbols' or 'basket' (and its interval to 'intervals') in the "
                    + "configuration " + PID, false, null);
        }
        long period1;
        long period2;
        if (timeframe == Timeframe.D1) {
            // A daily timestamp is the session's open, which lies within a day of the bar's UTC midnight
            // either way (Tokyo opens at 00:00Z, Auckland the evening before): ask a day wider on each side.
            period1 = (Math.floorDiv(request.fromMillis(), 1000L * DAY_SECONDS) - 1) * DAY_SECONDS;
            period2 = (Math.floorDiv(request.toMillis(), 1000L * DAY_SECONDS) + 2) * DAY_SECONDS;
        } else {
            long earliest = clock.instant().minus(Duration.ofDays(HOURLY_HISTORY_DAYS)).getEpochSecond();
            period1 = Math.max(Math.floorDiv(request.fromMillis(), 1000L), earliest);
            period2 = Math.floorDiv(request.toMillis(), 1000L) + 1;
            if (period1 >= period2) {
                return SeriesBuilder.ohlcv(0L, -1L).build();
            }
        }
        URI uri = YahooRequests.chart(settings, series.symbol(), period1, period2, timeframe);
        String url = Redaction.redact(uri.toString());
        try {
            String body;
            try {
                body = fetcher.getString(series, uri);
            } catch (HttpFeedException e) {
                throw explain(series, e);
            }
            SeriesData data = YahooJson.parse(series, series.symbol(), timeframe, body, url, request.fromMillis(),
                    request.toMillis());
            health.recordSuccess();
            return data;
        } catch (FeedException e) {
            health.recordFailure(e);
            throw e;
        }
    }

    /** Turns Yahoo's error document on a 4xx answer into a refusal naming the symbol and Yahoo's words. */
    private static FeedException explain(SeriesId series, HttpFeedException e) {
        if (e.retryable() || e.statusCode() < 400) {
            return e;
        }
        YahooJson.ChartError error = YahooJson.errorOf(e.bodyExcerpt());
        if (error == null) {
            return e;
        }
        return new HttpFeedException(series, YahooJson.refusal(series.symbol(), error, "HTTP " + e.statusCode()
                + " from " + e.redactedUrl()), false, e, e.statusCode(), e.attempts(), e.redactedUrl(), e.bodyExcerpt());
    }

    @Override
    public FeedHealth health() {
        return health.health();
    }

    @Override
    public String toString() {
        return "YahooConnector[" + (settings == null ? rejected : settings) + "]";
    }
}
