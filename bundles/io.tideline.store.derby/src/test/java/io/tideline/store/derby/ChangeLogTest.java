package io.tideline.store.derby;

import static io.tideline.store.derby.StoreFixture.DAY;
import static io.tideline.store.derby.StoreFixture.T0;
import static io.tideline.store.derby.StoreFixture.daily;
import static io.tideline.store.derby.StoreFixture.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change log on a real embedded Derby database: written in the same transaction as the
 * chunks, dense sequences, pruning, and the migration of a store of the previous schema.
 */
class ChangeLogTest {

    private static final SeriesId ID = SeriesId.parse("fred:DGS10");

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        DerbyDatabase.shutdownEmbedded(dir.resolve("db"));
    }

    private ChunkedSeriesStore logged() throws Exception {
        return new ChunkedSeriesStore(DerbyDatabase.embedded(dir.resolve("db")), true);
    }

    @Test
    void everyCommittedWriteAndDeleteLeavesOneRowInOrder() throws Exception {
        ChunkedSeriesStore store = logged();
        store.upsert(descriptor("fred:DGS10"), daily(0, 100, 1));
        store.upsert(descriptor("fred:DGS10"), daily(100, 5, 1));
        store.upsert(descriptor("fred:DGS2"), daily(0, 0, 1)); // no bars: nothing to tell
        store.delete(ID);

        List<ChunkedSeriesStore.Change> changes = store.changesAfter(0, 100);
        assertThat(changes).extracting(ChunkedSeriesStore.Change::seq).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(0)).isEqualTo(new ChunkedSeriesStore.Change(1, "fred:DGS10", 'A', T0, T0 + 99 * DAY,
                100, store.writer()));
        assertThat(changes.get(1).from()).isEqualTo(T0 + 100 * DAY);
        assertThat(changes.get(1).count()).isEqualTo(5);
        assertThat(changes.get(2).kind()).isEqualTo(ChunkedSeriesStore.Change.DELETED);
        assertThat(store.lastChange()).isEqualTo(3);
        assertThat(store.changesAfter(2, 100)).hasSize(1);
    }

    @Test
    void aRolledBackWriteLeavesNoRowAndNoGap() throws Exception {
        ChunkedSeriesStore store = logged();
        store.upsert(descriptor("fred:DGS10"), daily(0, 10, 1));
        store.setFaultPoint(series -> {
            throw new SQLException("injected failure half-way", "XX000");
        });
        assertThatThrownBy(() -> store.upsert(descriptor("fred:DGS10"), daily(5, 10, 2)))
                .hasMessageContaining("injected failure half-way");
        store.setFaultPoint(ChunkedSeriesStore.FaultPoint.NONE);
        store.upsert(descriptor("fred:DGS10"), daily(20, 1, 1));

        assertThat(store.changesAfter(0, 100)).extracting(ChunkedSeriesStore.Change::seq).containsExactly(1L, 2L);
        assertThat(store.changesAfter(0, 100).get(1).from()).isEqualTo(T0 + 20 * DAY);
    }

    @Test
    void anEmbeddedStoreWithoutTheLogWritesNone() throws Exception {
        ChunkedSeriesStore store = new ChunkedSeriesStore(DerbyDatabase.embedded(dir.resolve("db")));
        store.upsert(descriptor("fred:DGS10"), daily(0, 10, 1));
        assertThat(store.logsChanges()).isFalse();
        assertThat(store.changesAfter(0, 100)).isEmpty();
        assertThat(store.lastChange()).isZero();
    }

    @Test
    void pruningKeepsTheNewestRowSoAGapShows() throws Exception {
        ChunkedSeriesStore store = logged();
        for (int i = 0; i < 5; i++) {
            store.upsert(descriptor("fred:DGS10"), daily(i, 1, 1));
        }
        assertThat(store.pruneChanges(60, 100_000)).as("nothing is an hour old, and far fewer than the limit").isZero();
        assertThat(store.pruneChanges(60, 2)).isEqualTo(3);
        assertThat(store.changesAfter(0, 100)).extracting(ChunkedSeriesStore.Change::seq).containsExactly(4L, 5L);
        assertThat(store.pruneChanges(0, 0)).isEqualTo(1);
        assertThat(store.changesAfter(0, 100)).extracting(ChunkedSeriesStore.Change::seq).containsExactly(5L);
    }

    @Test
    void aStoreOfThePreviousSchemaIsMigratedWithItsData() throws Exception {
        Path db = dir.resolve("db");
        EmbeddedDriver driver = new EmbeddedDriver();
        try (Connection c = driver.connect("jdbc:derby:" + db.toAbsolutePath() + ";create=true", new Properties())) {
            Schema.prepare(c, db.toString(), 2);
            assertThat(Schema.version(c)).isEqualTo(2);
            // A series as schema 2 stored it: a series row and one checksummed chunk.
            long[] times = daily(0, 3, 1).copyTimes();
            double[][] values = {daily(0, 3, 1).copyColumn(io.tideline.api.series.Field.VALUE)};
            byte[] chunk = ChunkCodec.encode(times, values, 0, 3);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO TL_SERIES (SERIES_ID, NAME, UNIT, KIND, ASSET_CLASS, TIMEFRAME, FIELDS,"
                        + " FIRST_TIME, LAST_TIME, BAR_COUNT) VALUES ('fred:DGS10', 'test fred:DGS10', '%', 'YIELD',"
                        + " 'RATES', '1d', 'VALUE', " + times[0] + ", " + times[2] + ", 3)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO TL_CHUNK (SERIES_KEY, CHUNK_START, CHUNK_END,"
                    + " BAR_COUNT, DATA, CRC) VALUES ((SELECT SERIES_KEY FROM TL_SERIES), ?, ?, 3, ?, ?)")) {
                ps.setLong(1, times[0]);
                ps.setLong(2, times[2]);
                ps.setBytes(3, chunk);
                ps.setInt(4, ChunkCodec.crc(chunk));
                ps.executeUpdate();
            }
            c.commit();
        }
        DerbyDatabase.shutdownEmbedded(db);

        ChunkedSeriesStore store = logged();
        try (Connection c = store.source().open()) {
            assertThat(Schema.version(c)).isEqualTo(Schema.CURRENT);
        }
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(daily(0, 3, 1));
        assertThat(store.lastChange()).as("the migrated log starts empty").isZero();
        store.upsert(descriptor("fred:DGS10"), daily(3, 2, 1));
        assertThat(store.changesAfter(0, 10)).singleElement()
                .satisfies(ch -> assertThat(ch.from()).isEqualTo(T0 + 3 * DAY));
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(daily(0, 5, 1));
    }
}
