package io.tideline.feed.yahoo;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Yahoo Finance connector against a loopback server replaying recorded chart answers. */
class YahooConnectorTest {

    private static final SeriesId SPY = SeriesId.of("yahoo", "SPY");
    private static final SeriesId SPY_1H = new SeriesId("yahoo", "SPY", "1h");
    private static final LocalDate FROM = LocalDate.of(2020, 3, 2);
    private static final LocalDate TO = LocalDate.of(2020, 3, 27);
    private static final LocalDate NULL_BAR = LocalDate.of(2020, 3, 18);
    private static final Instant NOW = Instant.parse("2026-07-23T12:00:00Z");
    private static final String DAILY = "yahoo-chart-SPY-1d-2020-03-02_2020-03-27.json";
    private static final String HOURLY = "yahoo-chart-SPY-1h-2026-07-22.json";

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private YahooConnector connector(RecordedHttpServer server, String... symbols) {
        return new YahooConnector(new YahooSettings(List.of(symbols.length == 0 ? new String[] {"SPY"} : symbols),
                List.of(), List.of(Timeframe.D1, Timeframe.H1), YahooSettings.url(server.baseUrl()), Duration.ofSeconds(5),
                3), waits::add, InstantSource.fixed(NOW));
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static long seconds(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    private static FetchRequest daily(SeriesId id, LocalDate from, LocalDate to) {
        return new FetchRequest(id, millis(from), millis(to));
    }

    private static void assertMatchesSpyCsv(SeriesData data, LocalDate from, LocalDate to) throws IOException {
        List<SpyReference.Bar> expected = SpyReference.bars(from, to, NULL_BAR);
        assertThat(expected).isNotEmpty();
        assertThat(data.fields()).containsExactlyInAnyOrder(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);
        assertThat(data.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            SpyReference.Bar bar = expected.get(i);
            assertThat(data.time(i)).as("time of bar %d", i).isEqualTo(bar.timeMillis());
            assertThat(data.get(Field.OPEN, i)).as("open of bar %d", i).isEqualTo(bar.open());
            assertThat(data.get(Field.HIGH, i)).as("high of bar %d", i).isEqualTo(bar.high());
            assertThat(data.get(Field.LOW, i)).as("low of bar %d", i).isEqualTo(bar.low());
            assertThat(data.get(Field.CLOSE, i)).as("close of bar %d", i).isEqualTo(bar.close());
            assertThat(data.get(Field.VOLUME, i)).as("volume of bar %d", i).isEqualTo(bar.volume());
        }
    }

    @Test
    void dailyBarsMatchTheSampleDataAtMidnightUtcOfTheTradingDate() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(DAILY)))) {
            YahooConnector yahoo = connector(server);
            SeriesData data = yahoo.fetch(daily(SPY, FROM, TO));

            assertMatchesSpyCsv(data, FROM, TO);
            // 2020-03-23: Yahoo's timestamp 13:30Z (09:30 New York) becomes midnight UTC of that date
            int march23 = data.size() - 5;
            assertThat(data.time(march23)).isEqualTo(millis(LocalDate.of(2020, 3, 23)));
            assertThat(data.get(Field.CLOSE, march23)).isEqualTo(222.9499969482422);
            assertThat(yahoo.health().state()).isEqualTo(State.UP);
            assertThat(yahoo.health().lastSuccessMillis()).isEqualTo(NOW.toEpochMilli());
        }
    }

    @Test
    void aDailyRequestSendsTheDocumentedParametersADayWiderOnEachSide() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(DAILY)), Reply.json(fixture(DAILY)),
                Reply.json(fixture(DAILY)))) {
            YahooConnector yahoo = connector(server, "SPY", "^GSPC", "DX-Y.NYB");
            yahoo.fetch(daily(SPY, FROM, TO));
            yahoo.fetch(daily(SeriesId.of("yahoo", "^GSPC"), FROM, TO));
            yahoo.fetch(daily(SeriesId.of("yahoo", "DX-Y.NYB"), FROM, TO));

            URI spy = server.received().get(0);
            assertThat(spy.getRawPath()).isEqualTo("/v8/finance/chart/SPY");
            assertThat(query(spy)).containsExactly(entry("period1", Long.toString(seconds("2020-03-01T00:00:00Z"))),
                    entry("period2", Long.toString(seconds("2020-03-29T00:00:00Z"))), entry("interval", "1d"),
                    entry("includePrePost", "false"), entry("events", "div|split"));
            assertThat(spy.getRawQuery()).endsWith("&events=div%7Csplit");
            assertThat(server.received().get(1).getRawPath()).isEqualTo("/v8/finance/chart/%5EGSPC");
            assertThat(server.received().get(2).getRawPath()).isEqualTo("/v8/finance/chart/DX-Y.NYB");
        }
    }

    @Test
    void barsWhoseCloseIsNullAreSkipped() throws Exception {
        assertThat(fixture(DAILY)).contains("\"close\":[").contains(",null,");
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(DAILY)), Reply.json(fixture(HOURLY)))) {
            YahooConnector yahoo = connector(server);
            SeriesData days = yahoo.fetch(daily(SPY, FROM, TO));
            assertThat(days.copyTimes()).hasSize(19).doesNotContain(millis(NULL_BAR))
                    .contains(millis(NULL_BAR.minusDays(1)), millis(NULL_BAR.plusDays(1)));
            SeriesData hours = yahoo.fetch(new FetchRequest(SPY_1H, millis(LocalDate.of(2026, 7, 22)),
                    millis(LocalDate.of(2026, 7, 23)) - 1));
            assertThat(hours.copyTimes()).hasSize(6)
                    .doesNotContain(Instant.parse("2026-07-22T16:30:00Z").toEpochMilli());
        }
    }

    @Test
    void onlyDailyBarsInsideTheRequestedRangeAreReturned() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(DAILY)))) {
            // from 12:00 on 8 March to 12:00 on 13 March: the bars of 9 to 13 March
            SeriesData data = connector(server).fetch(new FetchRequest(SPY,
                    millis(LocalDate.of(2020, 3, 8)) + 43_200_000L, millis(LocalDate.of(2020, 3, 13)) + 43_200_000L));
            assertMatchesSpyCsv(data, LocalDate.of(2020, 3, 9), LocalDate.of(2020, 3, 13));
        }
    }

    @Test
    void hourlyBarsKeepTheirUtcTimestamps() throws Exception {
        long from = Instant.parse("2026-07-22T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2026-07-22T23:59:59Z").toEpochMilli();
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(HOURLY)))) {
            SeriesData data = connector(server).fetch(new FetchRequest(SPY_1H, from, to));

            assertThat(data.copyTimes()).containsExactly(
                    Instant.parse("2026-07-22T13:30:00Z").toEpochMilli(), Instant.parse("2026-07-22T14:30:00Z").toEpochMilli(),
                    Instant.parse("2026-07-22T15:30:00Z").toEpochMilli(), Instant.parse("2026-07-22T17:30:00Z").toEpochMilli(),
                    Instant.parse("2026-07-22T18:30:00Z").toEpochMilli(), Instant.parse("2026-07-22T19:30:00Z").toEpochMilli());
            assertThat(data.get(Field.OPEN, 0)).isEqualTo(746.6199951171875);
            assertThat(data.get(Field.CLOSE, 5)).isEqualTo(747.4099731445312);
            assertThat(data.get(Field.VOLUME, 0)).isEqualTo(7_512_300.0);
            assertThat(query(server.received().get(0))).contains(entry("interval", "1h"),
                    entry("period1", Long.toString(from / 1000)), entry("period2", Long.toString(to / 1000 + 1)));
        }
    }

    @Test
    void anHourlyRequestStartsNoEarlierThanYahoosHistoryAllows() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(HOURLY)))) {
            YahooConnector yahoo = connector(server);
            SeriesData data = yahoo.fetch(new FetchRequest(SPY_1H, millis(LocalDate.of(2020, 1, 1)), NOW.toEpochMilli()));

            assertThat(data.size()).isEqualTo(6);
            assertThat(query(server.received().get(0))).contains(
                    entry("period1", Long.toString(NOW.minus(Duration.ofDays(729)).getEpochSecond())));
            // a range wholly before that is empty, without a request
            SeriesData old = yahoo.fetch(new FetchRequest(SPY_1H, millis(LocalDate.of(2020, 1, 1)),
                    millis(LocalDate.of(2020, 3, 1))));
            assertThat(old.isEmpty()).isTrue();
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aDailyTimestampIsReadInTheExchangesTimeZone() throws Exception {
        // Tokyo opens at 09:00 local = 00:00Z: still the same date. Without a zone name, gmtoffset is used.
        String tokyo = "{\"chart\":{\"result\":[{\"meta\":{\"symbol\":\"7203.T\",\"currency\":\"JPY\","
                + "\"exchangeTimezoneName\":\"Asia/Tokyo\",\"gmtoffset\":32400},\"timestamp\":[1584576000],"
                + "\"indicators\":{\"quote\":[{\"open\":[1.0],\"high\":[2.0],\"low\":[0.5],\"close\":[1.5],"
                + "\"volume\":[100]}]}}],\"error\":null}}";
        String offsetOnly = tokyo.replace("\"exchangeTimezoneName\":\"Asia/Tokyo\",", "");
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(tokyo), Reply.json(offsetOnly))) {
            YahooConnector yahoo = connector(server, "7203.T");
            SeriesId id = SeriesId.of("yahoo", "7203.T");
            assertThat(Instant.ofEpochSecond(1584576000L)).isEqualTo(Instant.parse("2020-03-19T00:00:00Z"));
            assertThat(yahoo.fetch(daily(id, FROM, TO)).copyTimes()).containsExactly(millis(LocalDate.of(2020, 3, 19)));
            assertThat(yahoo.fetch(daily(id, FROM, TO)).copyTimes()).containsExactly(millis(LocalDate.of(2020, 3, 19)));
        }
    }

    @Test
    void aRateLimitIsWaitedOutThenTheFetchSucceeds() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.tooManyRequests("Too Many Requests\r\n", "text/plain; charset=UTF-8", "20"), Reply.json(fixture(DAILY)))) {
            YahooConnector yahoo = connector(server);
            assertMatchesSpyCsv(yahoo.fetch(daily(SPY, FROM, TO)), FROM, TO);
            assertThat(waits).containsExactly(Duration.ofSeconds(20));
            assertThat(server.received()).hasSize(2);
            assertThat(yahoo.health().state()).isEqualTo(State.UP);
        }
    }

    @Test
    void threeServerErrorsGiveAClearRetryableFailureAndHealthDown() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.status(500, "Internal Server Error"),
                Reply.status(500, "Internal Server Error"), Reply.status(500, "Internal Server Error"))) {
            YahooConnector yahoo = connector(server);
            FeedException e = catchThrowableOfType(FeedException.class, () -> yahoo.fetch(daily(SPY, FROM, TO)));

            assertThat(e.retryable()).isTrue();
            assertThat(e.series()).isEqualTo(SPY);
            assertThat(e.getMessage()).startsWith("yahoo:SPY: HTTP 500 (Internal Server Error) from " + server.baseUrl()
                    + "/v8/finance/chart/SPY?period1=").contains("gave up after 3 attempts");
            assertThat(server.received()).hasSize(3);
            assertThat(waits).hasSize(2);
            assertThat(yahoo.health().state()).isEqualTo(State.DOWN);
            assertThat(yahoo.health().lastError()).contains("HTTP 500");
        }
    }

    @Test
    void truncatedJsonIsAClearFailureNeverAHalfResult() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture("yahoo-chart-SPY-1d-truncated.json")))) {
            YahooConnector yahoo = connector(server);
            FeedException e = catchThrowableOfType(FeedException.class, () -> yahoo.fetch(daily(SPY, FROM, TO)));

            assertThat(e.getMessage()).startsWith("yahoo:SPY: Yahoo Finance answered HTTP 200 from " + server.baseUrl()
                    + "/v8/finance/chart/SPY?period1=")
                    .contains("but the JSON ended early at line 1, column 1201 (expected the rest of the chart document");
            assertThat(e.retryable()).isTrue();
            assertThat(yahoo.health().state()).isEqualTo(State.DEGRADED);
        }
    }

    @Test
    void aBadValueIsNamedByItsJsonPath() throws Exception {
        String bad = fixture(DAILY).replace("\"close\":[309.0899963378906", "\"close\":[\"309.09\"");
        assertThat(bad).isNotEqualTo(fixture(DAILY));
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(bad))) {
            FeedException e = catchThrowableOfType(FeedException.class, () -> connector(server).fetch(daily(SPY, FROM, TO)));
            assertThat(e.getMessage()).contains("the JSON has the wrong shape at chart.result[0].indicators.quote[0].close "
                    + "(line 1, column ", "element [0] is VALUE_STRING, expected a number or null");
            assertThat(e.retryable()).isFalse();
        }
    }

    @Test
    void yahoosChartErrorIsNotRetriedAndNamesTheSymbolAndYahoosWords() throws Exception {
        String error = fixture("yahoo-chart-error-not-found.json");
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.status(404, error), Reply.json(error))) {
            SeriesId nope = SeriesId.of("yahoo", "SPYX");
            YahooConnector yahoo = connector(server, "SPYX");
            FeedException e = catchThrowableOfType(FeedException.class, () -> yahoo.fetch(daily(nope, FROM, TO)));

            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).startsWith("yahoo:SPYX: Yahoo Finance has no data for the symbol 'SPYX': "
                    + "Not Found - No data found, symbol may be delisted (answered HTTP 404 from " + server.baseUrl()
                    + "/v8/finance/chart/SPYX?period1=");
            assertThat(server.received()).hasSize(1);
            assertThat(waits).isEmpty();
            assertThat(yahoo.health().state()).isEqualTo(State.DOWN);
            assertThat(yahoo.health().lastError()).contains("No data found, symbol may be delisted");

            // the same document in a 200 answer is refused the same way
            FeedException in200 = catchThrowableOfType(FeedException.class, () -> yahoo.fetch(daily(nope, FROM, TO)));
            assertThat(in200.retryable()).isFalse();
            assertThat(in200.getMessage()).contains("'SPYX': Not Found - No data found, symbol may be delisted "
                    + "(answered HTTP 200 from");
        }
    }

    @Test
    void aSeriesThatIsNotConfiguredIsRefusedWithoutARequest() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer()) {
            YahooConnector yahoo = connector(server);
            for (SeriesId other : List.of(SeriesId.of("yahoo", "QQQ"), new SeriesId("yahoo", "SPY", "4h"),
                    SeriesId.of("fred", "SPY"))) {
                FeedException e = catchThrowableOfType(FeedException.class, () -> yahoo.fetch(daily(other, FROM, TO)));
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).isEqualTo(other + ": is not offered by the Yahoo Finance connector, which "
                        + "is configured for yahoo:SPY, yahoo:SPY:1h; add the symbol to 'symbols' or 'basket' (and its "
                        + "interval to 'intervals') in the configuration io.tideline.feed.yahoo");
            }
            assertThat(server.received()).isEmpty();
        }
    }
}
