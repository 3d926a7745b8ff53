package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.store.RecordedFeed;
import io.tideline.api.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's record of its feeds in a shared store (schema 4), with the real store server in
 * its own process: the writer (the collector) records, a read-only reader (a workbench) reads the
 * same record and may not write it; a store of schema 3 gains the table when the writer opens it.
 */
class CollectorFeedRecordTest {

    private static final long T = 1_780_000_000_000L;

    @TempDir
    Path work;

    private TeamServerProcess server;
    private ChunkedSeriesStore collector;

    @BeforeEach
    void start() throws Exception {
        server = new TeamServerProcess(work.resolve("server")).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (collector != null) {
            collector.close();
        }
        server.close();
    }

    private ChunkedSeriesStore open(String user, String password, String schema) throws StoreException {
        return new ChunkedSeriesStore(DerbyDatabase.network(server.url(), user, password, null, schema),
                true);
    }

    private ChunkedSeriesStore reader() throws StoreException {
        return open(TeamServerProcess.READER, TeamServerProcess.READER_PASSWORD, TeamServerProcess.WRITER);
    }

    private static RecordedFeed fred(FeedHealth health, List<String> stale) {
        return new RecordedFeed("fred", health, 12, T + 3_600_000, stale, "desk-collector (pid 4242)", T);
    }

    @Test
    void aWorkbenchReadsTheFeedHealthTheCollectorRecorded() throws Exception {
        collector = open(TeamServerProcess.WRITER, TeamServerProcess.WRITER_PASSWORD, null);
        FeedHealth down = new FeedHealth(FeedHealth.State.DOWN, T - 86_400_000, "HTTP 429 from api.stlouisfed.org: rate limited");
        collector.recordFeeds(List.of(
                new RecordedFeed("binance", new FeedHealth(FeedHealth.State.UP, T, null), 3, 0, List.of(),
                        "desk-collector (pid 4242)", T),
                fred(down, List.of("fred:DGS10", "fred:DGS2"))));

        ChunkedSeriesStore workbench = reader();
        try {
            assertThat(workbench.recordedFeeds()).containsExactly(
                    new RecordedFeed("binance", new FeedHealth(FeedHealth.State.UP, T, null), 3, 0, List.of(),
                            "desk-collector (pid 4242)", T),
                    fred(down, List.of("fred:DGS10", "fred:DGS2")));
            assertThatThrownBy(() -> workbench.recordFeeds(List.of()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the store user 'bob' may only read (team mode reader)");
            assertThat(workbench.recordedFeeds()).as("the refused write changed nothing").hasSize(2);
        } finally {
            workbench.close();
        }
    }

    @Test
    void aNewRecordReplacesTheOldWholeAndLongTextsAreCut() throws Exception {
        collector = open(TeamServerProcess.WRITER, TeamServerProcess.WRITER_PASSWORD, null);
        collector.recordFeeds(List.of(fred(new FeedHealth(FeedHealth.State.UP, T, null), List.of()),
                new RecordedFeed("yahoo", FeedHealth.unknown(), 0, 0, List.of(), "c", T)));
        String longError = "x".repeat(ChunkedSeriesStore.FEED_ERROR_CHARS + 500);

        collector.recordFeeds(List.of(fred(new FeedHealth(FeedHealth.State.DEGRADED, T, longError), List.of("fred:A"))));

        List<RecordedFeed> recorded = collector.recordedFeeds();
        assertThat(recorded).as("yahoo is no longer the collector's").extracting(RecordedFeed::source)
                .containsExactly("fred");
        assertThat(recorded.get(0).health().lastError()).hasSize(ChunkedSeriesStore.FEED_ERROR_CHARS).endsWith("\u2026");
        assertThat(recorded.get(0).staleSeries()).containsExactly("fred:A");
    }

    @Test
    void theWriterMigratesAStoreOfSchema3AndTheReaderThenReadsTheRecord() throws Exception {
        ConnectionSource owner = DerbyDatabase.network(server.url(), TeamServerProcess.WRITER,
                TeamServerProcess.WRITER_PASSWORD, null, null);
        try (Connection c = owner.open(); Statement s = c.createStatement()) {
            Schema.prepare(c, owner.where(), 3);
            // What the writer of schema 3 granted its readers.
            for (String table : List.of("TL_SCHEMA", "TL_SERIES", "TL_CHUNK", "TL_CHANGE_SEQ", "TL_CHANGE")) {
                s.execute("GRANT SELECT ON TABLE " + table + " TO PUBLIC");
            }
            c.commit();
        } finally {
            owner.close();
        }
        assertThatThrownBy(this::reader).isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema version 3, older than this Tideline's (4)");

        collector = open(TeamServerProcess.WRITER, TeamServerProcess.WRITER_PASSWORD, null);
        collector.recordFeeds(List.of(fred(FeedHealth.unknown(), List.of())));
        ChunkedSeriesStore workbench = reader();
        try {
            assertThat(workbench.recordedFeeds()).extracting(RecordedFeed::source).containsExactly("fred");
        } finally {
            workbench.close();
        }
    }
}
