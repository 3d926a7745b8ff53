package io.tideline.feed.fred;

import io.tideline.feed.http.testing.RecordedHttpServer;
import static io.tideline.feed.http.testing.RecordedHttpServer.fixture;
import static io.tideline.feed.http.testing.RecordedHttpServer.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth.State;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.feed.http.testing.RecordedHttpServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The FRED connector against a loopback server replaying recorded FRED answers. */
class FredConnectorTest {

    /** Shaped like a real FRED key (32 lower-case hex digits); it must never leak. */
    private static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final SeriesId DGS10 = SeriesId.of("fred", "DGS10");
    private static final LocalDate FROM = LocalDate.of(2020, 2, 10);
    private static final LocalDate TO = LocalDate.of(2020, 3, 31);
    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private static final String JSON = "fred-observations-DGS10-2020-02-10_2020-03-31.json";
    private static final String CSV = "fredgraph-DGS10-2020-02-10_2020-03-31.csv";

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private FredConnector connector(RecordedHttpServer server, String apiKey, String... series) {
        return new FredConnector(new FredSettings(List.of(series.length == 0 ? new String[] {"DGS10"} : series),
                apiKey, FredSettings.url("baseUrl", server.baseUrl()), FredSettings.url("graphBaseUrl", server.baseUrl()),
                Duration.ofSeconds(5), 3), waits::add, InstantSource.fixed(NOW));
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static FetchRequest request(SeriesId id, LocalDate from, LocalDate to) {
        return new FetchRequest(id, millis(from), millis(to));
    }

    private static void assertMatchesReference(SeriesData data, LocalDate from, LocalDate to) throws IOException {
        List<ReferenceData.Point> expected = ReferenceData.dgs10(from, to);
        assertThat(expected).isNotEmpty();
        assertThat(data.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(data.time(i)).as("time of bar %d", i).isEqualTo(expected.get(i).timeMillis());
            assertThat(data.value(i)).as("value of bar %d", i).isEqualTo(expected.get(i).value());
        }
    }

    private static void assertNoKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t)).doesNotContain(API_KEY);
        }
    }

    @Test
    void withAnApiKeyReadsTheObservationsJsonAndSendsTheDocumentedParameters() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(JSON)))) {
            FredConnector fred = connector(server, API_KEY);
            SeriesData data = fred.fetch(request(DGS10, FROM, TO));

            assertMatchesReference(data, FROM, TO);
            int march9 = Arrays.binarySearch(data.copyTimes(), millis(LocalDate.of(2020, 3, 9)));
            assertThat(data.value(march9)).isEqualTo(0.54);
            URI received = server.received().get(0);
            assertThat(received.getPath()).isEqualTo("/fred/series/observations");
            assertThat(query(received)).containsExactly(entry("series_id", "DGS10"), entry("api_key", API_KEY),
                    entry("file_type", "json"), entry("observation_start", "2020-02-10"),
                    entry("observation_end", "2020-03-31"));
            assertThat(fred.health().state()).isEqualTo(State.UP);
            assertThat(fred.health().lastSuccessMillis()).isEqualTo(NOW.toEpochMilli());
        }
    }

    @Test
    void withoutAKeyReadsTheKeylessFredgraphCsv() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.csv(fixture(CSV)))) {
            SeriesData data = connector(server, "").fetch(request(DGS10, FROM, TO));

            assertMatchesReference(data, FROM, TO);
            URI received = server.received().get(0);
            assertThat(received.getPath()).isEqualTo("/graph/fredgraph.csv");
            assertThat(query(received)).containsExactly(entry("id", "DGS10"), entry("cosd", "2020-02-10"),
                    entry("coed", "2020-03-31"));
        }
    }

    @Test
    void theOlderCsvHeaderAndDotsForMissingValuesAreReadToo() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(
                Reply.csv(fixture("fredgraph-DGS10-old-header-2020-02-10_2020-03-31.csv")))) {
            assertMatchesReference(connector(server, "").fetch(request(DGS10, FROM, TO)), FROM, TO);
        }
    }

    @Test
    void missingValuesAreSkippedNotReturnedAsBars() throws Exception {
        // 2020-02-17 (Presidents' Day) is "." in the JSON and empty in the CSV
        long holiday = millis(LocalDate.of(2020, 2, 17));
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(JSON)), Reply.csv(fixture(CSV)))) {
            SeriesData fromJson = connector(server, API_KEY).fetch(request(DGS10, FROM, TO));
            SeriesData fromCsv = connector(server, "").fetch(request(DGS10, FROM, TO));
            assertThat(fixture(JSON)).contains("\"date\":\"2020-02-17\",\"value\":\".\"");
            assertThat(fromJson.copyTimes()).hasSize(36).doesNotContain(holiday);
            assertThat(fromCsv).isEqualTo(fromJson);
        }
    }

    @Test
    void onlyBarsInsideTheRequestedRangeAreReturned() throws Exception {
        // from 12:00 on 8 March: the first wanted bar is midnight of 9 March
        long from = millis(LocalDate.of(2020, 3, 8)) + 12 * 3_600_000L;
        long to = millis(LocalDate.of(2020, 3, 13)) + 12 * 3_600_000L;
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(fixture(JSON)))) {
            SeriesData data = connector(server, API_KEY).fetch(new FetchRequest(DGS10, from, to));
            assertMatchesReference(data, LocalDate.of(2020, 3, 9), LocalDate.of(2020, 3, 13));
            assertThat(query(server.received().get(0))).contains(entry("observation_start", "2020-03-09"),
                    entry("observation_end", "2020-03-13"));
        }
    }

    @Test
    void aRateLimitIsWaitedOutThenTheFetchSucceeds() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.tooManyRequests("{\"error_code\":429,\"error_message\":\"Too Many Requests.\"}", "application/json; charset=UTF-8", "20"), Reply.json(fixture(JSON)))) {
            FredConnector fred = connector(server, API_KEY);
            assertMatchesReference(fred.fetch(request(DGS10, FROM, TO)), FROM, TO);
            assertThat(waits).containsExactly(Duration.ofSeconds(20));
            assertThat(server.received()).hasSize(2);
            assertThat(fred.health().state()).isEqualTo(State.UP);
        }
    }

    @Test
    void threeServerErrorsGiveAClearRetryableFailureAndHealthDown() throws Exception {
        String error = "{\"error_code\":500,\"error_message\":\"Internal Server Error.\"}";
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.status(500, error), Reply.status(500, error),
                Reply.status(500, error))) {
            FredConnector fred = connector(server, API_KEY);
            FeedException e = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));

            assertThat(e.retryable()).isTrue();
            assertThat(e.series()).isEqualTo(DGS10);
            assertThat(e.getMessage()).startsWith("fred:DGS10: HTTP 500 (Internal Server Error) from "
                    + server.baseUrl() + "/fred/series/observations?series_id=DGS10&api_key=***&file_type=json")
                    .contains("gave up after 3 attempts", "Internal Server Error.");
            assertThat(waits).hasSize(2);
            assertThat(fred.health().state()).isEqualTo(State.DOWN);
            assertThat(fred.health().lastError()).contains("HTTP 500").doesNotContain(API_KEY);
            assertNoKey(e);
        }
    }

    @Test
    void truncatedJsonIsAClearFailureNeverAHalfResult() throws Exception {
        String truncated = fixture(JSON).substring(0, 230);
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(truncated))) {
            FredConnector fred = connector(server, API_KEY);
            FeedException e = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));

            assertThat(e.getMessage()).startsWith("fred:DGS10: FRED answered HTTP 200 from " + server.baseUrl()
                    + "/fred/series/observations?series_id=DGS10&api_key=***")
                    .contains("but the JSON ended early at line 1, column 231 (expected the rest of the observations document");
            assertThat(fred.health().state()).isEqualTo(State.DEGRADED);
            assertNoKey(e);
        }
    }

    @Test
    void aBadValueInTheJsonIsNamedByItsPath() throws Exception {
        String bad = fixture(JSON).replace("\"date\":\"2020-03-09\",\"value\":\"0.54\"",
                "\"date\":\"2020-03-09\",\"value\":\"n/a\"");
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(bad), Reply.json("{\"seriess\":[]}"))) {
            FredConnector fred = connector(server, API_KEY);
            FeedException e = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));
            assertThat(e.getMessage()).contains("observations[20].value is 'n/a' on 2020-03-09, expected a number or '.'");
            assertThat(e.retryable()).isFalse();
            FeedException shape = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));
            assertThat(shape.getMessage()).contains("the JSON has no 'observations' array");
        }
    }

    @Test
    void aJsonAnswerWithFewerObservationsThanItsCountIsRefused() throws Exception {
        String cut = fixture(JSON).replace("\"count\":37", "\"count\":40");
        String wrongShape = "{\"count\":1,\"observations\":[{\"date\":\"2020-03-09\",\"value\":[0.54]}]}";
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.json(cut), Reply.json(wrongShape))) {
            FredConnector fred = connector(server, API_KEY);
            FeedException e = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));
            assertThat(e.getMessage()).contains("the JSON announces 40 observations (count) and holds only 37");
            assertThat(e.retryable()).isTrue();
            FeedException shape = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));
            assertThat(shape.getMessage()).contains("the JSON has the wrong shape at observations[0].value (line 1, column ");
        }
    }

    @Test
    void malformedCsvIsAClearFailureNamingTheLine() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.csv(fixture("fredgraph-DGS10-malformed.csv")),
                Reply.csv("<!DOCTYPE html><html><body>Error</body></html>\n"))) {
            FredConnector fred = connector(server, "");
            FeedException e = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));
            assertThat(e.getMessage()).isEqualTo("fred:DGS10: FRED answered HTTP 200 from " + server.baseUrl()
                    + "/graph/fredgraph.csv?id=DGS10&cosd=2020-02-10&coed=2020-03-31 but line 3 has 1 field(s) "
                    + "'2020-03-10;0.76', expected 'YYYY-MM-DD,value'");
            FeedException html = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));
            assertThat(html.getMessage()).contains("line 1 is '<!DOCTYPE html><html><body>Error</body></html>', "
                    + "expected the header 'observation_date,DGS10'");
        }
    }

    @Test
    void aSeriesThatIsNotConfiguredIsRefusedWithoutARequest() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer()) {
            SeriesId other = SeriesId.of("fred", "T10Y2Y");
            FeedException e = catchThrowableOfType(FeedException.class,
                    () -> connector(server, API_KEY).fetch(request(other, FROM, TO)));
            assertThat(e.retryable()).isFalse();
            assertThat(e.series()).isEqualTo(other);
            assertThat(e.getMessage()).isEqualTo("fred:T10Y2Y: is not offered by the FRED connector, which is "
                    + "configured for fred:DGS10; add the FRED id to 'series' in the configuration io.tideline.feed.fred");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aSeriesFredDoesNotKnowIsANonRetryableFailureNamingIt() throws Exception {
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.status(400, fixture("fred-error-series-does-not-exist.json")))) {
            SeriesId nope = SeriesId.of("fred", "DGS10X");
            FeedException e = catchThrowableOfType(FeedException.class,
                    () -> connector(server, API_KEY, "DGS10X").fetch(request(nope, FROM, TO)));
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).startsWith("fred:DGS10X: FRED has no series 'DGS10X'")
                    .contains("HTTP 400", "The series does not exist.", "api_key=***");
            assertThat(server.received()).hasSize(1);
            assertNoKey(e);
        }
    }

    @Test
    void theApiKeyAppearsInNoMessageToStringOrHealth() throws Exception {
        String echo = "{\"error_code\":400,\"error_message\":\"Bad Request.  The value for variable api_key is not "
                + "registered: /fred/series/observations?api_key=" + API_KEY + "\"}";
        try (RecordedHttpServer server = new RecordedHttpServer(Reply.status(400, echo))) {
            FredConnector fred = connector(server, API_KEY);
            FeedException e = catchThrowableOfType(FeedException.class, () -> fred.fetch(request(DGS10, FROM, TO)));
            assertThat(e.getMessage()).contains("FRED refused the API key", "api_key=***");
            assertNoKey(e);
            assertThat(fred.toString()).doesNotContain(API_KEY).contains("apiKey=(set)");
            assertThat(fred.health().lastError()).doesNotContain(API_KEY).contains("FRED refused the API key");
            assertThat(server.received().get(0).getRawQuery()).contains("api_key=" + API_KEY); // it was sent, though
        }
    }
}
