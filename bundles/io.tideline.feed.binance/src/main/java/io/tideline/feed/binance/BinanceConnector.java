package io.tideline.feed.binance;

import io.tideline.api.series.SeriesBuilder;
import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.feed.binance.BinanceCatalog.BinanceSeries;
import io.tideline.feed.binance.BinanceCatalog.Type;
import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.FeedHealthTracker;
import io.tideline.feed.http.HttpFeedException;
import io.tideline.feed.http.HttpFetcher;
import io.tideline.feed.http.Redaction;
import io.tideline.feed.http.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Binance USD-M futures connector: public market data of the configured perpetuals (see
 * {@link BinanceCatalog} for the ids), no key.
 *
 * <ul>
 * <li>Price bars from {@code fapi/v1/klines}, stamped at their open time, 1,500 per request: a long
 * range is read page after page (the next page starts 1 ms after the last open time), at most
 * {@value #MAX_PAGES} pages per fetch. The bar still forming at the end of the range is included
 * (the store's upsert replaces it on the next fetch).</li>
 * <li>Funding rates from {@code fapi/v1/fundingRate}, one value per 8-hour funding event at its
 * funding time (a fraction: 0.0001 = 0.01% per 8 hours).</li>
 * <li>Open interest from {@code futures/data/openInterestHist}, hourly, in USD
 * ({@code sumOpenInterestValue}). Binance keeps only about 30 days of it: the connector asks for
 * at most the last {@value #OPEN_INTEREST_HISTORY_DAYS} days, and earlier hours stay empty.</li>
 * <li>Liquidations, live only: with {@code liveLiquidations} each symbol's {@code forceOrder}
 * stream is held open on a daemon thread (see {@link LiquidationStream}); a SELL liquidation order
 * closes a long position, a BUY a short one, and filled quantity times average price is summed
 * per UTC hour. A fetch returns the complete hours seen since the component started.</li>
 * </ul>
 *
 * <p>Rate limits (HTTP 429 and 5xx with {@code Retry-After}) are waited out by {@link HttpFetcher};
 * an IP ban (HTTP 418) is reported as retryable later. Binance's error documents
 * ({@code {"code":-1121,"msg":"Invalid symbol."}}) become failures that name the symbol and
 * Binance's words and are not retried.
 *
 * <p>A configuration it refuses does not make the connector vanish: it stays registered, offers
 * nothing, opens no stream, and reports {@code DOWN} with the refusal (file, key, value,
 * expectation) as its health.
 *
 * <p>Thread-safe: a new configuration makes SCR create a new instance; the liquidation books are
 * synchronized.
 */
@Component(service = FeedConnector.class, configurationPid = BinanceConnector.PID)
@Designate(ocd = BinanceConfig.class)
public final class BinanceConnector implements FeedConnector {

    /** The ConfigAdmin PID of this component. */
    public static final String PID = "io.tideline.feed.binance";

    /** The most requests of one fetch. */
    static final int MAX_PAGES = 100;

    /** How far back an open-interest request may start; Binance keeps about 30 days. */
    static final int OPEN_INTEREST_HISTORY_DAYS = 29;

    private final BinanceSettings settings;
    private final String rejected;
    private final List<SeriesDescriptor> offered;
    private final HttpFetcher fetcher;
    private final FeedHealthTracker health;
    private final FeedHealthTracker streamHealth;
    private final InstantSource clock;
    private final Map<String, LiquidationBook> books;
    private final HttpClient streamClient;
    private final List<LiquidationStream> streams;

    /**
     * Activated by SCR with the current configuration (or the defaults); opens the liquidation
     * streams, except in a headless one-shot command, which must not open network connections
     * behind the user's back ({@code serve}, headless too, opens them).
     */
    @Activate
    public BinanceConnector(BinanceConfig config, BundleContext context, Map<String, Object> properties) {
        this(ConfigValues.read(PID, properties, values -> BinanceSettings.from(config, values)), Sleeper.system(),
                InstantSource.system(), Duration.ofSeconds(1),
                !Boolean.parseBoolean(context.getProperty("tideline.headless"))
                        || Boolean.parseBoolean(context.getProperty("tideline.serve")));
    }

    BinanceConnector(BinanceSettings settings, Sleeper sleeper, InstantSource clock, Duration streamBackoff) {
        this(ConfigValues.Configured.of(settings), sleeper, clock, streamBackoff, true);
    }

    BinanceConnector(ConfigValues.Configured<BinanceSettings> configured, Sleeper sleeper, InstantSource clock,
            Duration streamBackoff, boolean streamsAllowed) {
        this.settings = configured.settings();
        this.rejected = configured.problem();
        this.clock = clock;
        this.health = new FeedHealthTracker(clock);
        this.streamHealth = new FeedHealthTracker(clock);
        if (settings == null) {
            this.offered = List.of();
            this.fetcher = null;
            this.books = Map.of();
            this.streamClient = null;
            this.streams = List.of();
            health.recordUnusable(rejected);
            return;
        }
        this.offered = BinanceCatalog.offered(settings).stream().map(BinanceCatalog::describe).toList();
        this.fetcher = HttpFetcher.builder().requestTimeout(settings.timeout()).maxAttempts(settings.maxAttempts())
                .maxResponseBytes(settings.maxResponseBytes()).sleeper(sleeper).userAgent("Tideline Binance feed")
                .build();
        Map<String, LiquidationBook> map = new LinkedHashMap<>();
        settings.symbols().forEach(s -> map.put(s, new LiquidationBook()));
        this.books = Map.copyOf(map);
        List<LiquidationStream> list = new ArrayList<>();
        if (streamsAllowed && settings.liveLiquidations() && !settings.symbols().isEmpty()) {
            this.streamClient = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
            for (String symbol : settings.symbols()) {
                // The streams reconnect on their own threads; their waits are real, never the fetch sleeper's.
                list.add(new LiquidationStream(streamClient, BinanceRequests.forceOrderStream(settings, symbol), symbol,
                        books.get(symbol), streamHealth, streamBackoff, settings.timeout(), Sleeper.system()));
            }
        } else {
            this.streamClient = null;
        }
        this.streams = List.copyOf(list);
        streams.forEach(LiquidationStream::start);
    }

    @Deactivate
    void deactivate() {
        streams.forEach(LiquidationStream::close);
        if (streamClient != null) {
            streamClient.shutdownNow();
        }
        if (fetcher != null) {
            fetcher.close();
        }
    }

    @Override
    public String source() {
        return BinanceCatalog.SOURCE;
    }

    @Override
    public List<SeriesDescriptor> offered() {
        return offered;
    }

    @Override
    public SeriesData fetch(FetchRequest request) throws FeedException {
        SeriesId id = request.series();
        if (rejected != null) {
            throw new FeedException(id, rejected, false, null);
        }
        BinanceSeries series = BinanceCatalog.parse(id);
        if (series == null || offered.stream().noneMatch(d -> d.id().equals(id))) {
            throw new FeedException(id, "is not offered by the Binance connector, which is configured for "
                    + offered.stream().map(d -> d.id().toString()).collect(Collectors.joining(", "))
                    + "; add the symbol to 'symbols' (and the interval to 'intervals', or turn on "
                    + "'liveLiquidations') in the configuration " + PID, false, null);
        }
        long from = request.fromMillis();
        long to = request.toMillis();
        if (series.type() == Type.LIQ_LONG || series.type() == Type.LIQ_SHORT) {
            return books.get(series.symbol()).completedHours(series.type() == Type.LIQ_LONG, from, to, clock.millis());
        }
        try {
            SeriesData data = switch (series.type()) {
                case KLINES -> klines(id, series.symbol(), series.timeframe(), from, to);
                case FUNDING -> funding(id, series.symbol(), from, to);
                default -> openInterest(id, series.symbol(), from, to);
            };
            health.recordSuccess();
            return data;
        } catch (FeedException e) {
            health.recordFailure(e);
            throw e;
        }
    }

    private SeriesData klines(SeriesId id, String symbol, Timeframe interval, long from, long to) throws FeedException {
        SeriesBuilder bars = SeriesBuilder.ohlcv(from, to);
        pages(id, from, to, BinanceRequests.KLINES_LIMIT,
                start -> BinanceRequests.klines(settings, symbol, interval, start, to),
                (body, url) -> BinanceJson.klines(id, body, url, from, to, bars));
        return bars.build();
    }

    private SeriesData funding(SeriesId id, String symbol, long from, long to) throws FeedException {
        SeriesBuilder rates = SeriesBuilder.values(Long.MIN_VALUE, Long.MAX_VALUE);
        pages(id, from, to, BinanceRequests.FUNDING_LIMIT,
                start -> BinanceRequests.fundingRate(settings, symbol, start, to),
                (body, url) -> BinanceJson.fundingRates(id, body, url, from, to, rates));
        return rates.build();
    }

    private SeriesData openInterest(SeriesId id, String symbol, long from, long to) throws FeedException {
        long start = Math.max(from, clock.millis() - Duration.ofDays(OPEN_INTEREST_HISTORY_DAYS).toMillis());
        if (start > to) {
            return SeriesData.empty();
        }
        SeriesBuilder oi = SeriesBuilder.values(Long.MIN_VALUE, Long.MAX_VALUE);
        pages(id, start, to, BinanceRequests.OPEN_INTEREST_LIMIT,
                s -> BinanceRequests.openInterestHist(settings, symbol, s, to),
                (body, url) -> BinanceJson.openInterest(id, body, url, from, to, oi));
        return oi.build();
    }

    /** Reads one page's body into the columns being filled. */
    @FunctionalInterface
    private interface PageReader {
        BinanceJson.Page read(String body, String url) throws FeedException;
    }

    /**
     * Requests page after page from {@code start}: a full page ({@code limit} records) whose last
     * record lies before {@code end} is followed by one starting 1 ms after that record.
     */
    private void pages(SeriesId id, long start, long end, int limit, LongFunction<URI> uriFrom, PageReader reader)
            throws FeedException {
        long next = start;
        for (int page = 1;; page++) {
            URI uri = uriFrom.apply(next);
            BinanceJson.Page read = reader.read(get(id, uri), Redaction.redact(uri.toString()));
            if (read.count() < limit || read.lastTime() >= end) {
                return;
            }
            if (page == MAX_PAGES) {
                throw new FeedException(id, "the range needs more than " + MAX_PAGES + " requests of " + limit
                        + " records (the last one reached " + read.lastTime() + " of " + end
                        + "); fetch a shorter range", false, null);
            }
            next = read.lastTime() + 1;
        }
    }

    private String get(SeriesId id, URI uri) throws FeedException {
        String body;
        try {
            body = fetcher.getString(id, uri);
        } catch (HttpFeedException e) {
            throw explain(id, e);
        }
        BinanceJson.ApiError error = BinanceJson.apiError(body);
        if (error != null) {
            throw new FeedException(id, refusal(id, error, "HTTP 200 from " + Redaction.redact(uri.toString())), false,
                    null);
        }
        return body;
    }

    /** Turns Binance's error answers into what the user should do about them. */
    private static FeedException explain(SeriesId id, HttpFeedException e) {
        if (e.statusCode() == 418) {
            return new HttpFeedException(id, "Binance has banned this IP address for a while for sending too many "
                    + "requests (HTTP 418 from " + e.redactedUrl() + "); fetches resume once the ban ends. " + "Binance said: '"
                    + e.bodyExcerpt() + "'", true, e, e.statusCode(), e.attempts(), e.redactedUrl(), e.bodyExcerpt());
        }
        if (e.retryable()) {
            return e;
        }
        BinanceJson.ApiError error = BinanceJson.apiError(e.bodyExcerpt());
        if (error == null) {
            return e;
        }
        return new HttpFeedException(id, refusal(id, error, "HTTP " + e.statusCode() + " from " + e.redactedUrl()),
                false, e, e.statusCode(), e.attempts(), e.redactedUrl(), e.bodyExcerpt());
    }

    private static String refusal(SeriesId id, BinanceJson.ApiError error, String how) {
        String said = "code " + error.code() + ", '" + Redaction.redact(String.valueOf(error.msg())) + "'";
        if (error.code() == -1121) {
            return "Binance does not know the symbol '" + id.symbol() + "' (" + said + ", answered " + how
                    + "); check the symbol (a USD-M perpetual such as BTCUSDT) in 'symbols' of " + PID;
        }
        return "Binance refused the request for '" + id.symbol() + "' (" + said + ", answered " + how + ")";
    }

    @Override
    public FeedHealth health() {
        FeedHealth rest = health.health();
        FeedHealth stream = streamHealth.health();
        boolean streamTrouble = stream.state() == FeedHealth.State.DEGRADED || stream.state() == FeedHealth.State.DOWN;
        if (!streamTrouble || rest.state() == FeedHealth.State.DOWN) {
            return rest;
        }
        // The REST endpoints work (or were not used yet) but a liquidation stream is reconnecting.
        return new FeedHealth(FeedHealth.State.DEGRADED, rest.lastSuccessMillis(), stream.lastError());
    }

    /** The liquidation book of a configured symbol (tests watch it fill). */
    LiquidationBook book(String symbol) {
        return books.get(symbol);
    }

    /** The liquidation streams (tests count their connections). */
    List<LiquidationStream> streams() {
        return streams;
    }

    @Override
    public String toString() {
        return "BinanceConnector[" + (settings == null ? rejected : settings) + "]";
    }
}
