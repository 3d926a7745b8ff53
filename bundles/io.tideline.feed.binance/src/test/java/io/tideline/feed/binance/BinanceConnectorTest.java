package io.tideline.feed.binance;

import io.tideline.feed.http.testing.RecordedHttpServer;
import static io.tideline.feed.http.testing.RecordedHttpServer.fixture;
import static io.tideline.feed.http.testing.RecordedHttpServer.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth.State;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.feed.http.testing.RecordedHttpServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Binance connector's REST side against a loopback server replaying recorded Binance answers. */
class BinanceConnectorTest {

    private static final SeriesId BTC = new SeriesId("binance", "BTCUSDT", "perp");
    private static final Instant NOW = Instant.parse("2026-07-23T12:00:00Z");
    private static final String DAILY = "binance-klines-BTCUSDT-1d-2020-02-24_2020-03-31.json";
    private static final long FROM = millis("2020-02-24T00:00:00Z");
    private static final long TO = millis("2020-03-31T00:00:00Z");

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private BinanceConnector connector(RecordedHttpServer server, String... symbols) {
        return new BinanceConnector(new BinanceSettings(List.of(symbols.length == 0 ? new String[] {"BTCUSDT"} : symbols),
                List.of(Timeframe.H1, Timeframe.H4, Timeframe.D1),
                BinanceSettings.url("baseUrl", server.baseUrl(), "http", "https"),
                BinanceSettings.url("wsUrl", "ws://127.0.0.1:9", "ws", "wss"), false, Duration.ofSeconds(5), 3),
                waits::add, InstantSource.fixed(NOW), Duration.ofMillis(10));
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static void assertMatchesBtcCsv(SeriesData data, long from, long to) throws IOException {
        List<BtcReference.Bar> expected = BtcReference.bars(from, to);
        assertThat(expected).isNotEmpty();
        assertThat(data.fields()).containsExactlyInAnyOrder(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);
        assertThat(data.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            BtcReference.Bar bar = expected.get(i);
            assertThat(data.time(i)).as("time of bar %d", i).isEqualTo(bar.openTime());
            assertThat(data.get(Field.OPEN, i)).as("open of bar %d", i).isEqualTo(bar.open());
            assertThat(data.get(Field.HIGH, i)).as("high of bar %d", i).isEqualTo(bar.high());
            assertThat(data.get(Field.LOW, i)).as("low of bar %d", i).isEqualTo(bar.low());
            assertThat(data.get(Field.CLOSE, i)).as("close of bar %d", i).isEqualTo(bar.close());
            assertThat(data.get(Field.VOLUME, i)).as("volume of bar %d", i).isEqualTo(bar.volume());
        }
    }

    @Test
    void dailyKlinesMatchTheSampleDataAndSendTheDocumentedParameters() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(DAILY)))) {
            BinanceConnector binance = connector(server);
            SeriesData data = binance.fetch(new FetchRequest(BTC, FROM, TO));

            assertMatchesBtcCsv(data, FROM, TO);
            int march12 = java.util.Arrays.binarySearch(data.copyTimes(), 1583971200000L);
            assertThat(data.get(Field.CLOSE, march12)).isEqualTo(4800.0);
            URI received = server.received().get(0);
            assertThat(received.getPath()).isEqualTo("/fapi/v1/klines");
            assertThat(query(received)).containsExactly(entry("symbol", "BTCUSDT"), entry("interval", "1d"),
                    entry("startTime", Long.toString(FROM)), entry("endTime", Long.toString(TO)), entry("limit", "1500"));
            assertThat(binance.health().state()).isEqualTo(State.UP);
        }
    }

    @Test
    void aLongRangeIsReadPageByPageEachStartingAfterTheLastOpenTime() throws Exception {
        long from = millis("2017-08-17T00:00:00Z");
        long to = millis("2021-12-31T00:00:00Z");
        try (RecordedHttpServer server = new RecordedHttpServer(
                Reply.json(fixture("binance-klines-BTCUSDT-1d-page1-2017-08-17_2021-09-24.json")),
                Reply.json(fixture("binance-klines-BTCUSDT-1d-page2-2021-09-25_2021-12-31.json")))) {
            SeriesData data = connector(server).fetch(new FetchRequest(BTC, from, to));

            assertMatchesBtcCsv(data, from, to);
            assertThat(data.size()).isEqualTo(1598);
            assertThat(server.received()).hasSize(2);
            long lastOfPage1 = millis("2021-09-24T00:00:00Z");
            assertThat(query(server.received().get(0))).contains(entry("startTime", Long.toString(from)),
                    entry("endTime", Long.toString(to)), entry("limit", "1500"));
            assertThat(query(server.received().get(1))).contains(entry("startTime", Long.toString(lastOfPage1 + 1)),
                    entry("endTime", Long.toString(to)), entry("limit", "1500"));
        }
    }

    @Test
    void hourlyAndFourHourBarsAskForTheirInterval() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json("[]"), Reply.json("[]"))) {
            BinanceConnector binance = connector(server);
            assertThat(binance.fetch(new FetchRequest(new SeriesId("binance", "BTCUSDT", "perp.1h"), FROM, TO)).isEmpty())
                    .isTrue();
            binance.fetch(new FetchRequest(new SeriesId("binance", "BTCUSDT", "perp.4h"), FROM, TO));
            assertThat(query(server.received().get(0))).contains(entry("interval", "1h"));
            assertThat(query(server.received().get(1))).contains(entry("interval", "4h"));
        }
    }

    @Test
    void fundingRatesAreOneValuePerFundingEvent() throws Exception {
        SeriesId funding = new SeriesId("binance", "BTCUSDT", "funding8h");
        long from = millis("2020-03-11T00:00:00Z");
        long to = millis("2020-03-13T23:59:59Z");
        try (RecordedHttpServer server = new RecordedHttpServer(
                Reply.json(fixture("binance-fundingRate-BTCUSDT-2020-03-11_2020-03-13.json")))) {
            SeriesData data = connector(server).fetch(new FetchRequest(funding, from, to));

            assertThat(data.fields()).containsExactly(Field.VALUE);
            assertThat(data.size()).isEqualTo(9);
            assertThat(data.time(0)).isEqualTo(millis("2020-03-11T00:00:00Z"));
            assertThat(data.time(8)).isEqualTo(millis("2020-03-13T16:00:00Z"));
            assertThat(data.value(5)).isEqualTo(-0.00005577);
            assertThat(data.value(6)).isEqualTo(-0.003);
            URI received = server.received().get(0);
            assertThat(received.getPath()).isEqualTo("/fapi/v1/fundingRate");
            assertThat(query(received)).containsExactly(entry("symbol", "BTCUSDT"), entry("startTime", Long.toString(from)),
                    entry("endTime", Long.toString(to)), entry("limit", "1000"));
        }
    }

    @Test
    void openInterestIsTheUsdValueHourlyAndStartsNoEarlierThanBinanceKeepsIt() throws Exception {
        SeriesId oi = new SeriesId("binance", "BTCUSDT", "oi");
        long from = millis("2026-01-01T00:00:00Z");
        try (RecordedHttpServer server = new RecordedHttpServer(
                Reply.json(fixture("binance-openInterestHist-BTCUSDT-1h-2026-07-22.json")))) {
            BinanceConnector binance = connector(server);
            SeriesData data = binance.fetch(new FetchRequest(oi, from, NOW.toEpochMilli()));

            assertThat(data.size()).isEqualTo(6);
            assertThat(data.time(0)).isEqualTo(millis("2026-07-22T06:00:00Z"));
            assertThat(data.time(5)).isEqualTo(millis("2026-07-22T11:00:00Z"));
            assertThat(data.value(0)).isEqualTo(10245918830.18412);
            URI received = server.received().get(0);
            assertThat(received.getPath()).isEqualTo("/futures/data/openInterestHist");
            assertThat(query(received)).containsExactly(entry("symbol", "BTCUSDT"), entry("period", "1h"),
                    entry("startTime", Long.toString(NOW.minus(Duration.ofDays(29)).toEpochMilli())),
                    entry("endTime", Long.toString(NOW.toEpochMilli())), entry("limit", "500"));
            // a range wholly older than that is empty, without a request
            assertThat(binance.fetch(new FetchRequest(oi, from, millis("2026-02-01T00:00:00Z"))).isEmpty()).isTrue();
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterAsksThenTheFetchSucceeds() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.tooManyRequests("{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP(127.0.0.1) is "
                    + "2400 requests per minute. Please use the websocket for live updates to avoid polling the API.\"}", "application/json", "7"), Reply.json(fixture(DAILY)))) {
            BinanceConnector binance = connector(server);
            assertMatchesBtcCsv(binance.fetch(new FetchRequest(BTC, FROM, TO)), FROM, TO);
            assertThat(waits).containsExactly(Duration.ofSeconds(7));
            assertThat(server.received()).hasSize(2);
            assertThat(binance.health().state()).isEqualTo(State.UP);
        }
    }

    @Test
    void threeServerErrorsGiveAClearRetryableFailureAndHealthDown() throws Exception {
        String error = "{\"code\":-1000,\"msg\":\"An unknown error occured while processing the request.\"}";
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.status(500, error), Reply.status(500, error),
                Reply.status(500, error))) {
            BinanceConnector binance = connector(server);
            FeedException e = catchThrowableOfType(FeedException.class,
                    () -> binance.fetch(new FetchRequest(BTC, FROM, TO)));

            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).startsWith("binance:BTCUSDT:perp: HTTP 500 (Internal Server Error) from "
                    + server.baseUrl() + "/fapi/v1/klines?symbol=BTCUSDT&interval=1d")
                    .contains("gave up after 3 attempts", "An unknown error occured");
            assertThat(waits).hasSize(2);
            assertThat(binance.health().state()).isEqualTo(State.DOWN);
            assertThat(binance.health().lastError()).contains("HTTP 500");
        }
    }

    @Test
    void aTruncatedBodyIsAClearFailureNeverAHalfResult() throws Exception {
        String truncated = fixture(DAILY).substring(0, 1000);
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(truncated))) {
            BinanceConnector binance = connector(server);
            FeedException e = catchThrowableOfType(FeedException.class,
                    () -> binance.fetch(new FetchRequest(BTC, FROM, TO)));

            assertThat(e.getMessage()).startsWith("binance:BTCUSDT:perp: Binance answered HTTP 200 from " + server.baseUrl()
                    + "/fapi/v1/klines?symbol=BTCUSDT").contains("but the JSON ended early at line 1, column 1001 "
                    + "(expected the rest of the array of kline arrays");
            assertThat(e.retryable()).isTrue();
            assertThat(binance.health().state()).isEqualTo(State.DEGRADED);
        }
    }

    @Test
    void aBadPriceIsNamedByItsPlaceInTheArray() throws Exception {
        String bad = fixture(DAILY).replace("\"4800.00000000\"", "\"4,800.00\"");
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(bad), Reply.json("{\"klines\":[]}"))) {
            BinanceConnector binance = connector(server);
            FeedException e = catchThrowableOfType(FeedException.class,
                    () -> binance.fetch(new FetchRequest(BTC, FROM, TO)));
            assertThat(e.getMessage()).contains("but [17][4] (close) is '4,800.00', expected a decimal number");
            assertThat(e.retryable()).isFalse();
            FeedException shape = catchThrowableOfType(FeedException.class,
                    () -> binance.fetch(new FetchRequest(BTC, FROM, TO)));
            assertThat(shape.getMessage()).contains("the JSON has the wrong shape at the top level (line 1, column 1)");
        }
    }

    @Test
    void anInvalidSymbolIsNotRetriedAndNamesTheSymbolAndBinancesMessage() throws Exception {
        SeriesId nope = new SeriesId("binance", "BTCUSDX", "perp");
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.status(400, fixture("binance-error-invalid-symbol.json")))) {
            BinanceConnector binance = connector(server, "BTCUSDX");
            FeedException e = catchThrowableOfType(FeedException.class,
                    () -> binance.fetch(new FetchRequest(nope, FROM, TO)));

            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("binance:BTCUSDX:perp: Binance does not know the symbol 'BTCUSDX' (code -1121, "
                    + "'Invalid symbol.', answered HTTP 400 from " + server.baseUrl() + "/fapi/v1/klines?symbol=BTCUSDX"
                    + "&interval=1d&startTime=" + FROM + "&endTime=" + TO + "&limit=1500); check the symbol (a USD-M "
                    + "perpetual such as BTCUSDT) in 'symbols' of io.tideline.feed.binance");
            assertThat(server.received()).hasSize(1);
            assertThat(waits).isEmpty();
            assertThat(binance.health().lastError()).contains("Invalid symbol.");
        }
    }

    @Test
    void anIpBanIsReportedAsRetryableLaterWithoutHammering() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(new Reply(418,
                "{\"code\":-1003,\"msg\":\"Way too many requests; IP(127.0.0.1) banned until 1784808000000.\"}",
                "application/json", "120"))) {
            BinanceConnector binance = connector(server);
            FeedException e = catchThrowableOfType(FeedException.class,
                    () -> binance.fetch(new FetchRequest(BTC, FROM, TO)));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("Binance has banned this IP address", "HTTP 418", "banned until");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aSeriesThatIsNotConfiguredIsRefusedWithoutARequest() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer()) {
            BinanceConnector binance = connector(server);
            for (SeriesId other : List.of(new SeriesId("binance", "ETHUSDT", "perp"), new SeriesId("binance", "BTCUSDT", "15m"),
                    new SeriesId("binance", "BTCUSDT", "liq.long.1h"))) {
                FeedException e = catchThrowableOfType(FeedException.class,
                        () -> binance.fetch(new FetchRequest(other, FROM, TO)));
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).startsWith(other + ": is not offered by the Binance connector, which is "
                        + "configured for binance:BTCUSDT:perp, binance:BTCUSDT:perp.4h, binance:BTCUSDT:perp.1h, "
                        + "binance:BTCUSDT:funding8h, binance:BTCUSDT:oi; add the symbol");
            }
            assertThat(server.received()).isEmpty();
        }
    }
}
