package io.tideline.example.feed;

import static io.tideline.example.feed.LoopbackService.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.example.feed.LoopbackService.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example connector against a loopback server replaying a recorded answer of the service. */
class ExampleFeedConnectorTest {

    private static final String KEY = "k3y-that-must-not-show";
    private static final SeriesId ACME = SeriesId.of("example", "ACME");
    private static final SeriesId GLOBEX = SeriesId.of("example", "GLOBEX");
    private static final String FIXTURE = "daily-ACME-2026-02.json";

    private static ExampleFeedConnector connector(LoopbackService service, String key, String... symbols) {
        return new ExampleFeedConnector(service.baseUrl(), List.of(symbols.length == 0 ? new String[] {"ACME"} : symbols),
                key);
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static FetchRequest february(SeriesId series) {
        return new FetchRequest(series, millis("2026-02-01T00:00:00Z"), millis("2026-02-28T23:59:59Z"));
    }

    private static FeedException failure(ExampleFeedConnector connector, FetchRequest request) {
        FeedException e = catchThrowableOfType(FeedException.class, () -> connector.fetch(request));
        assertThat(e).as("a FeedException").isNotNull();
        return e;
    }

    private static void assertNoKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t)).doesNotContain(KEY);
        }
    }

    @Test
    void fetchesTheRecordedAnswerIntoDailyBarsAtMidnightUtc() throws Exception {
        try (LoopbackService service = new LoopbackService(Reply.json(fixture(FIXTURE)))) {
            ExampleFeedConnector connector = connector(service, KEY);
            assertThat(connector.health().state()).isEqualTo(FeedHealth.State.UNKNOWN);

            SeriesData data = connector.fetch(february(ACME));

            assertThat(data.size()).isEqualTo(19);
            assertThat(data.fields()).containsExactlyInAnyOrder(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE,
                    Field.VOLUME);
            assertThat(data.time(0)).isEqualTo(millis("2026-02-02T00:00:00Z"));
            assertThat(data.get(Field.OPEN, 0)).isEqualTo(101.20);
            assertThat(data.get(Field.HIGH, 0)).isEqualTo(103.22);
            assertThat(data.get(Field.LOW, 0)).isEqualTo(100.39);
            assertThat(data.get(Field.CLOSE, 0)).isEqualTo(102.40);
            assertThat(data.get(Field.VOLUME, 0)).isEqualTo(1_250_000);
            // No bar on 16 February (a market holiday): the 13th is followed by the 17th.
            assertThat(data.time(10) - data.time(9)).isEqualTo(4 * DailyQuery.DAY_MILLIS);
            assertThat(data.lastTime()).isEqualTo(millis("2026-02-27T00:00:00Z"));
            assertThat(data.value(data.size() - 1)).isEqualTo(93.10);

            assertThat(service.seen()).containsExactly(new LoopbackService.Seen("/v1/daily",
                    "symbol=ACME&start=2026-02-01&end=2026-02-28", KEY));
            FeedHealth health = connector.health();
            assertThat(health.state()).isEqualTo(FeedHealth.State.UP);
            assertThat(health.lastSuccessMillis()).isPositive();
            assertThat(health.lastError()).isNull();
        }
    }

    @Test
    void keepsOnlyTheBarsInsideTheRequestedRangeFromTheFirstWholeDay() throws Exception {
        try (LoopbackService service = new LoopbackService(Reply.json(fixture(FIXTURE)))) {
            // A source may answer more than was asked: the connector keeps what lies in the range.
            SeriesData data = connector(service, KEY).fetch(new FetchRequest(ACME, millis("2026-02-09T00:00:01Z"),
                    millis("2026-02-12T12:00:00Z")));

            assertThat(service.seen().get(0).query()).isEqualTo("symbol=ACME&start=2026-02-10&end=2026-02-12");
            assertThat(data.copyTimes()).containsExactly(millis("2026-02-10T00:00:00Z"), millis("2026-02-11T00:00:00Z"),
                    millis("2026-02-12T00:00:00Z"));
            assertThat(data.copyColumn(Field.CLOSE)).containsExactly(94.30, 95.10, 92.45);
        }
    }

    @Test
    void aServerErrorNamesTheSeriesAndStatusAndMayPassOnALaterRun() throws Exception {
        try (LoopbackService service = new LoopbackService(new Reply(500, "internal error", Map.of()))) {
            ExampleFeedConnector connector = connector(service, KEY);

            FeedException e = failure(connector, february(ACME));

            assertThat(e.series()).isEqualTo(ACME);
            assertThat(e.getMessage()).startsWith("example:ACME: the service failed (server error)")
                    .contains("HTTP 500 from " + service.baseUrl() + "/v1/daily?symbol=ACME&start=2026-02-01&end=2026-02-28")
                    .endsWith(": 'internal error'");
            assertThat(e.retryable()).isTrue();
            assertThat(connector.health().state()).isEqualTo(FeedHealth.State.DOWN);
            assertThat(connector.health().lastError()).isEqualTo(e.getMessage());
        }
    }

    @Test
    void aRateLimitNamesTheStatusAndWhenToAskAgain() throws Exception {
        try (LoopbackService service = new LoopbackService(new Reply(429, "", Map.of("Retry-After", "60")))) {
            FeedException e = failure(connector(service, KEY), february(ACME));

            assertThat(e.getMessage()).startsWith("example:ACME: the service limits requests (too many requests, "
                    + "retry after 60 s)").contains("HTTP 429 from ");
            assertThat(e.retryable()).isTrue();
        }
    }

    @Test
    void anUnknownSymbolAndARefusedKeySayWhatToChangeInTheCfg() throws Exception {
        try (LoopbackService service = new LoopbackService(new Reply(404, "{\"error\":\"unknown symbol\"}", Map.of()))) {
            ExampleFeedConnector connector = connector(service, KEY);
            FeedException missing = failure(connector, february(ACME));
            assertThat(missing.getMessage()).startsWith("example:ACME: the service has no symbol 'ACME'; check 'symbols'"
                    + " in deploy/io.tideline.example.feed.cfg. It answered HTTP 404");
            assertThat(missing.retryable()).isFalse();

            service.reply(new Reply(401, "", Map.of()));
            assertThat(failure(connector, february(ACME)).getMessage()).startsWith(
                    "example:ACME: the service refused the API key; check '.apiKey' in deploy/io.tideline.example.feed.cfg");
        }
    }

    @Test
    void aWrongValueIsNamedByItsJsonPath() throws Exception {
        String body = fixture(FIXTURE).replace("\"close\": 97.15", "\"close\": \"n/a\"");
        try (LoopbackService service = new LoopbackService(Reply.json(body))) {
            FeedException e = failure(connector(service, KEY), february(ACME));

            assertThat(e.getMessage()).startsWith("example:ACME: the service answered HTTP 200 from " + service.baseUrl())
                    .endsWith(" but bars[3].close is 'n/a', expected a number");
            assertThat(e.getMessage()).doesNotContain("java.", "Double");
            assertThat(e.retryable()).isFalse();
        }
    }

    @Test
    void aCutOffAnswerNamesWhereItEndsAndMayPassOnALaterRun() throws Exception {
        String whole = fixture(FIXTURE);
        String cut = whole.substring(0, whole.indexOf("\"2026-02-05\"") + 20);
        try (LoopbackService service = new LoopbackService(Reply.json(cut))) {
            FeedException e = failure(connector(service, KEY), february(ACME));

            assertThat(e.getMessage()).endsWith(" but the JSON ends early inside bars[3].open (line 8, column 34);"
                    + " the answer looks cut off");
            assertThat(e.retryable()).isTrue();
        }
    }

    @Test
    void aBodyThatIsNotJsonOrNotTheDocumentedShapeIsRefusedWhole() throws Exception {
        try (LoopbackService service = new LoopbackService(Reply.json("<html>Bad gateway</html>"))) {
            ExampleFeedConnector connector = connector(service, KEY);
            assertThat(failure(connector, february(ACME)).getMessage())
                    .contains(" but the body is not valid JSON at the top level (line 1, column 1): ");

            service.reply(Reply.json("{\"symbol\": \"ACME\", \"bars\": {\"date\": \"2026-02-02\"}}"));
            assertThat(failure(connector, february(ACME)).getMessage()).endsWith(" but bars has the wrong type, expected an array");

            service.reply(Reply.json(fixture(FIXTURE).replace(", \"close\": 99.70", "")));
            assertThat(failure(connector, february(ACME)).getMessage())
                    .endsWith(" but bars[2].close is missing, expected a finite number");

            service.reply(Reply.json(fixture(FIXTURE).replace("2026-02-05", "2026-02-03")));
            assertThat(failure(connector, february(ACME)).getMessage()).endsWith(" but bars[3].date 2026-02-03 does not"
                    + " come after the date before it (expected ascending dates, one bar per day)");

            service.reply(Reply.json(fixture(FIXTURE).replace("\"ACME\"", "\"GLOBEX\"")));
            assertThat(failure(connector, february(ACME)).getMessage()).endsWith(" but symbol is 'GLOBEX', expected 'ACME'");
        }
    }

    @Test
    void theKeyIsSentInAHeaderAndNeverAppearsInAMessageEvenWhenTheServiceEchoesIt() throws Exception {
        try (LoopbackService service = new LoopbackService(new Reply(500, "no quota left for key " + KEY, Map.of()))) {
            ExampleFeedConnector connector = connector(service, KEY);
            FeedException serverError = failure(connector, february(ACME));
            assertThat(serverError.getMessage()).endsWith(": 'no quota left for key ***'");
            assertNoKey(serverError);

            service.reply(new Reply(401, "{\"error\": \"bad key\", \"key\": \"" + KEY + "\"}", Map.of()));
            assertNoKey(failure(connector, february(ACME)));

            // An unquoted token in broken JSON makes Jackson quote it in its own message.
            service.reply(Reply.json("{\"bars\": [" + KEY + "]}"));
            FeedException broken = failure(connector, february(ACME));
            assertThat(broken.getMessage()).contains("not valid JSON at bars[0]");
            assertNoKey(broken);

            assertThat(connector.health().lastError()).doesNotContain(KEY);
            assertThat(connector.toString()).doesNotContain(KEY).contains("apiKey=(set)");
            assertThat(service.seen()).allSatisfy(seen -> {
                assertThat(seen.apiKeyHeader()).isEqualTo(KEY);
                assertThat(seen.query()).doesNotContain(KEY);
            });
        }
    }

    @Test
    void withoutAKeyNothingIsRequestedAndTheMessageSaysWhereToPutIt() throws Exception {
        try (LoopbackService service = new LoopbackService(Reply.json(fixture(FIXTURE)))) {
            FeedException e = failure(connector(service, ""), february(ACME));

            assertThat(e.getMessage()).isEqualTo("example:ACME: no API key is configured; put '.apiKey=YOUR_KEY' into"
                    + " deploy/io.tideline.example.feed.cfg");
            assertThat(e.retryable()).isFalse();
            assertThat(service.seen()).isEmpty();
        }
    }

    @Test
    void anUnreachableServiceIsNamedByHostAndPortAndMayPassOnALaterRun() throws Exception {
        LoopbackService service = new LoopbackService(Reply.json("{}"));
        ExampleFeedConnector connector = connector(service, KEY);
        String hostAndPort = service.baseUrl().substring("http://".length());
        service.close();

        FeedException e = failure(connector, february(ACME));

        assertThat(e.getMessage()).startsWith("example:ACME: could not reach " + hostAndPort + " (")
                .doesNotContain("Exception");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aSeriesItDoesNotOfferIsRefusedNamingTheConfiguredSymbols() throws Exception {
        try (LoopbackService service = new LoopbackService(Reply.json(fixture(FIXTURE)))) {
            FeedException e = failure(connector(service, KEY, "ACME"), february(SeriesId.of("example", "INITECH")));

            assertThat(e.getMessage()).isEqualTo("example:INITECH: is not offered by the example feed, which is"
                    + " configured for [ACME]; add the symbol to 'symbols' in deploy/io.tideline.example.feed.cfg");
            assertThat(service.seen()).isEmpty();
        }
    }

    @Test
    void healthIsDegradedWhileSomeSeriesFailAndUpWhenAllRecover() throws Exception {
        try (LoopbackService service = new LoopbackService(Reply.json(fixture(FIXTURE)))) {
            ExampleFeedConnector connector = connector(service, KEY, "ACME", "GLOBEX");
            assertThat(connector.offered()).extracting(d -> d.id().toString()).containsExactly("example:ACME",
                    "example:GLOBEX");

            connector.fetch(february(ACME));
            service.reply(new Reply(503, "", Map.of()));
            FeedException e = failure(connector, february(GLOBEX));
            assertThat(connector.health().state()).isEqualTo(FeedHealth.State.DEGRADED);
            assertThat(connector.health().lastError()).isEqualTo(e.getMessage()).startsWith("example:GLOBEX: ");

            failure(connector, february(ACME));
            assertThat(connector.health().state()).isEqualTo(FeedHealth.State.DOWN);

            service.reply(Reply.json(fixture(FIXTURE)));
            connector.fetch(february(ACME));
            service.reply(Reply.json(fixture(FIXTURE).replace("\"ACME\"", "\"GLOBEX\"")));
            connector.fetch(february(GLOBEX));
            assertThat(connector.health().state()).isEqualTo(FeedHealth.State.UP);
            assertThat(connector.health().lastError()).isNull();
        }
    }

    @Test
    void aBadSettingIsReportedAsTheFeedsHealthNotAsAComponentThatFailsToStart() throws Exception {
        ExampleFeedConnector connector = new ExampleFeedConnector("data.example.com", List.of("ACME"), KEY);

        String expected = "io.tideline.example.feed: baseUrl 'data.example.com' is not an http(s) URL without query or"
                + " user name, e.g. https://data.example.com; fix it in deploy/io.tideline.example.feed.cfg or the"
                + " Settings view";
        assertThat(connector.offered()).isEmpty();
        assertThat(connector.health()).isEqualTo(new FeedHealth(FeedHealth.State.DOWN, 0L, expected));
        assertThat(failure(connector, february(ACME)).getMessage()).isEqualTo("example:ACME: " + expected);
        assertThat(connector.toString()).doesNotContain(KEY);
    }
}
