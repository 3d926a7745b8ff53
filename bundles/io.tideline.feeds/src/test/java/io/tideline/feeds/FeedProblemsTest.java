package io.tideline.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FeedHealth.State;
import io.tideline.api.platform.Problem;
import io.tideline.api.store.RecordedFeed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedProblemsTest {

    private static final long NOW = Instant.parse("2026-12-02T12:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long STALE_AFTER = FeedProblems.staleAfterMillis(60);

    @Test
    void aFeedThatNeverFetchedIsNoProblem() {
        assertThat(FeedProblems.of("fred", FeedHealth.unknown(), 0, NOW, STALE_AFTER)).isEmpty();
    }

    @Test
    void aRefusedSettingKeepsTheFeedDownAndStatusQuotesIt() {
        String refused = "settings rejected: deploy/io.tideline.feed.fred.cfg: maxAttempts = 'lots': expected a"
                + " whole number of attempts from 1 to 10";
        Problem p = FeedProblems.of("fred", new FeedHealth(State.DOWN, 0, refused), 0, NOW, STALE_AFTER).orElseThrow();
        assertThat(p.source()).isEqualTo("feeds");
        assertThat(p.message()).startsWith("feed fred is DOWN, last success never: " + refused)
                .endsWith("; fix the setting: the file is read again when it changes");
    }

    @Test
    void aFailureRecordedByAnEarlierProcessSaysSo() {
        long recorded = Instant.parse("2026-12-01T08:30:00Z").toEpochMilli();
        Problem p = FeedProblems.of("yahoo", new FeedHealth(State.DOWN, recorded - 5 * HOUR, "HTTP 503"), recorded,
                NOW, STALE_AFTER).orElseThrow();
        assertThat(p.message()).contains("last success 2026-12-01T03:30Z: HTTP 503")
                .contains("(recorded 2026-12-01T08:30Z, before this process)");
    }

    @Test
    void aFeedWhoseLastSuccessIsOlderThanADayIsStale() {
        assertThat(FeedProblems.of("binance", new FeedHealth(State.UP, NOW - 23 * HOUR, null), 0, NOW, STALE_AFTER))
                .isEmpty();
        Problem p = FeedProblems.of("binance", new FeedHealth(State.DEGRADED, NOW - 3 * 24 * HOUR, "HTTP 429"), 0,
                NOW, STALE_AFTER).orElseThrow();
        assertThat(p.message()).isEqualTo("feed binance is stale: last success 2026-11-29T12:00Z, 3 d ago (stale"
                + " after 24 h); last error: HTTP 429; 'feeds run binance' fetches now");
        // a slow refresh period stretches the limit to two periods
        assertThat(FeedProblems.staleAfterMillis(24 * 60 * 2)).isEqualTo(96 * HOUR);
    }

    @Test
    void aRunOfAConnectorWithoutHealthOfItsOwnShowsItsFailure() {
        FeedHealth before = new FeedHealth(State.UP, NOW - 48 * HOUR, null);
        FeedHealth allFailed = FeedProblems.observed(new FeedRun.Outcome(2, 0, List.of("x:A: no answer", "x:B: no"
                + " answer")), NOW, before).orElseThrow();
        assertThat(allFailed).isEqualTo(new FeedHealth(State.DOWN, NOW - 48 * HOUR,
                "x:A: no answer (and 1 more of 2 series)"));
        FeedHealth someFailed = FeedProblems.observed(new FeedRun.Outcome(2, 10, List.of("x:B: no answer")), NOW,
                null).orElseThrow();
        assertThat(someFailed).isEqualTo(new FeedHealth(State.DEGRADED, NOW, "x:B: no answer"));
        assertThat(FeedProblems.observed(new FeedRun.Outcome(2, 10, List.of()), NOW, null))
                .contains(new FeedHealth(State.UP, NOW, null));
        assertThat(FeedProblems.observed(new FeedRun.Outcome(0, 0, List.of()), NOW, null)).isEmpty();
    }

    @Test
    void aFeedDownAtTheCollectorIsToldAsTheCollectorsRecordWithItsAge() {
        long recorded = NOW - 20 * 60_000;
        RecordedFeed fred = new RecordedFeed("fred", new FeedHealth(State.DOWN, NOW - 3 * HOUR, "HTTP 429: rate limited"),
                12, NOW + 40 * 60_000, List.of("fred:DGS10"), "desk1 (pid 4242)", recorded);

        Problem p = FeedProblems.ofCollector(fred, NOW, STALE_AFTER).orElseThrow();

        assertThat(p.message()).startsWith("feed fred is DOWN, last success 2026-12-02T09:00Z: HTTP 429: rate limited")
                .contains("(the collector desk1 (pid 4242)'s record of 2026-12-02T11:40Z, ")
                .endsWith("; 'feeds run fred' on the collector tries again");
        assertThat(FeedProblems.collectorSilent(fred, NOW, STALE_AFTER)).as("a record of 20 minutes is fresh").isEmpty();
    }

    @Test
    void aCollectorThatRecordedNothingForLongerThanAFeedMayGoStaleIsProbablyNotRunning() {
        long recorded = NOW - 3 * 24 * HOUR;
        RecordedFeed fred = new RecordedFeed("fred", new FeedHealth(State.UP, recorded, null), 12, recorded + HOUR,
                List.of(), "desk1 (pid 4242)", recorded);

        assertThat(FeedProblems.collectorSilent(fred, NOW, STALE_AFTER)).map(Problem::message).hasValueSatisfying(m ->
                assertThat(m).isEqualTo("the collector desk1 (pid 4242) last recorded the feeds' health 2026-11-29T12:00Z,"
                        + " 3 d ago: it may not be running; start it ('tideline --headless serve' on the shared store)"));
        assertThat(FeedProblems.ofCollector(fred, NOW, STALE_AFTER)).map(Problem::message).hasValueSatisfying(m ->
                assertThat(m).startsWith("feed fred is stale: last success 2026-11-29T12:00Z, 3 d ago"));
    }
}
