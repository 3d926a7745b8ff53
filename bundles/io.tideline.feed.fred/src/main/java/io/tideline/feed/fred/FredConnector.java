package io.tideline.feed.fred;

import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.FeedHealthTracker;
import io.tideline.feed.http.HttpFeedException;
import io.tideline.feed.http.HttpFetcher;
import io.tideline.feed.http.Redaction;
import io.tideline.feed.http.Sleeper;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The FRED connector: daily series of the Federal Reserve Bank of St. Louis as {@code fred:ID}.
 * With an API key it reads the FRED API's JSON, without one FRED's key-less CSV download (see
 * {@link FredConfig}). Each observation becomes a bar at midnight UTC of its date; missing
 * values ("." or empty) are left out.
 *
 * <p>A configuration it refuses (a time-out of {@code abc}, a {@code file:} base URL) does not
 * make the connector vanish: it stays registered, offers nothing, and reports {@code DOWN} with
 * the refusal (file, key, value, expectation) as its health, so {@code feeds status} shows it.
 *
 * <p>Immutable and thread-safe: a new configuration makes SCR create a new instance. The API key
 * never appears in a message, a log line, {@link #toString()} or a service property.
 */
@Component(service = FeedConnector.class, configurationPid = FredConnector.PID)
@Designate(ocd = FredConfig.class)
public final class FredConnector implements FeedConnector {

    /** The ConfigAdmin PID of this component. */
    public static final String PID = "io.tideline.feed.fred";

    private final FredSettings settings;
    private final String rejected;
    private final List<SeriesDescriptor> offered;
    private final HttpFetcher fetcher;
    private final FeedHealthTracker health;

    /**
     * Activated by SCR with the current configuration (or the defaults); {@code properties} is the
     * same configuration untyped, which names the .cfg file and the raw values in a refusal.
     */
    @Activate
    public FredConnector(FredConfig config, Map<String, Object> properties) {
        this(ConfigValues.read(PID, properties, values -> FredSettings.from(config, values)), Sleeper.system(),
                InstantSource.system());
    }

    FredConnector(FredSettings settings, Sleeper sleeper, InstantSource clock) {
        this(ConfigValues.Configured.of(settings), sleeper, clock);
    }

    FredConnector(ConfigValues.Configured<FredSettings> configured, Sleeper sleeper, InstantSource clock) {
        this.settings = configured.settings();
        this.rejected = configured.problem();
        this.health = new FeedHealthTracker(clock);
        if (settings == null) {
            this.offered = List.of();
            this.fetcher = null;
            health.recordUnusable(rejected);
            return;
        }
        this.offered = settings.series().stream().map(FredCatalog::describe).toList();
        this.fetcher = HttpFetcher.builder().requestTimeout(settings.timeout()).maxAttempts(settings.maxAttempts())
                .maxResponseBytes(settings.maxResponseBytes()).sleeper(sleeper).userAgent("Tideline FRED feed").build();
    }

    @Deactivate
    void deactivate() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    @Override
    public String source() {
        return FredCatalog.SOURCE;
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
        if (!FredCatalog.SOURCE.equals(series.source()) || series.field() != null
                || !settings.series().contains(series.symbol())) {
            throw new FeedException(series, "is not offered by the FRED connector, which is configured for "
                    + offered.stream().map(d -> d.id().toString()).collect(Collectors.joining(", "))
                    + "; add the FRED id to 'series' in the configuration " + PID, false, null);
        }
        // Bars sit at midnight UTC: the first wanted day is the first midnight at or after 'from'.
        LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(request.fromMillis() + DailyColumns.DAY_MILLIS - 1,
                DailyColumns.DAY_MILLIS));
        LocalDate end = LocalDate.ofInstant(Instant.ofEpochMilli(request.toMillis()), ZoneOffset.UTC);
        if (start.isAfter(end)) {
            return SeriesData.empty();
        }
        try {
            SeriesData data = settings.hasApiKey() ? fromApi(request, start, end) : fromGraphCsv(request, start, end);
            health.recordSuccess();
            return data;
        } catch (FeedException e) {
            health.recordFailure(e);
            throw e;
        }
    }

    private SeriesData fromApi(FetchRequest request, LocalDate start, LocalDate end) throws FeedException {
        URI uri = FredRequests.observations(settings, request.series().symbol(), start, end);
        String url = Redaction.redact(uri.toString());
        String body;
        try {
            body = fetcher.getString(request.series(), uri);
        } catch (HttpFeedException e) {
            throw explain(request.series(), e);
        }
        return FredJson.parse(request.series(), body, url, request.fromMillis(), request.toMillis());
    }

    private SeriesData fromGraphCsv(FetchRequest request, LocalDate start, LocalDate end) throws FeedException {
        URI uri = FredRequests.graphCsv(settings, request.series().symbol(), start, end);
        String body = fetcher.getString(request.series(), uri);
        return FredGraphCsv.parse(request.series(), body, Redaction.redact(uri.toString()), request.fromMillis(),
                request.toMillis());
    }

    /** Turns FRED's documented 400 answers into what the user should do about them. */
    private static HttpFeedException explain(SeriesId series, HttpFeedException e) {
        String said = e.bodyExcerpt().toLowerCase(Locale.ROOT);
        String advice;
        if (e.statusCode() == 400 && said.contains("series does not exist")) {
            advice = "FRED has no series '" + series.symbol() + "'; check the id at https://fred.stlouisfed.org and "
                    + "the 'series' setting of " + PID;
        } else if ((e.statusCode() == 400 || e.statusCode() == 403) && said.contains("api_key")) {
            advice = "FRED refused the API key; check '.apiKey' in the configuration " + PID
                    + " (or remove it to use the key-less download)";
        } else {
            return e;
        }
        return new HttpFeedException(series, advice + ". FRED answered HTTP " + e.statusCode() + " from "
                + e.redactedUrl() + ": '" + e.bodyExcerpt() + "'", false, e, e.statusCode(), e.attempts(),
                e.redactedUrl(), e.bodyExcerpt());
    }

    @Override
    public FeedHealth health() {
        return health.health();
    }

    @Override
    public String toString() {
        return "FredConnector[" + (settings == null ? rejected : settings) + "]";
    }
}
