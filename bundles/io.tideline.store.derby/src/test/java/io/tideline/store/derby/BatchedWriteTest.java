package io.tideline.store.derby;

import static io.tideline.store.derby.StoreFixture.daily;
import static io.tideline.store.derby.StoreFixture.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.BatchSource;
import io.tideline.api.store.StoreException;
import io.tideline.api.store.WriteSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChunkedSeriesStore#upsertAll}: many batches, one transaction, on a real Derby database on disk. */
class BatchedWriteTest {

    private static final SeriesId ID = SeriesId.parse("csv:BIG");

    @TempDir
    Path dir;

    private Path db;
    private ChunkedSeriesStore store;

    @BeforeEach
    void open() throws Exception {
        db = dir.resolve("db");
        store = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
    }

    @AfterEach
    void close() {
        DerbyDatabase.shutdownEmbedded(db);
    }

    /** Hands out the given batches, then throws {@code failure} instead of batch {@code failAt} (1-based). */
    private static BatchSource source(List<SeriesData> batches, int failAt, IOException failure) {
        Deque<SeriesData> left = new ArrayDeque<>(batches);
        int[] handed = {0};
        return () -> {
            handed[0]++;
            if (handed[0] == failAt) {
                throw failure;
            }
            return left.poll();
        };
    }

    private static BatchSource source(SeriesData... batches) {
        return source(List.of(batches), -1, null);
    }

    @Test
    void manyBatchesAreCommittedWholeAndCounted() throws Exception {
        // 5 batches of 4,000 daily bars, more than one chunk each; the last one overlaps the
        // fourth by 1,000 bars with other values (a later batch wins).
        WriteSummary summary = store.upsertAll(descriptor("csv:BIG"), source(daily(0, 4000, 1), daily(4000, 4000, 1),
                daily(8000, 4000, 1), daily(12_000, 4000, 1), daily(15_000, 4000, 500)));

        assertThat(summary).isEqualTo(new WriteSummary(20_000, 19_000, 1000, 0));
        SeriesData all = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(19_000);
        assertThat(store.read(ID, all.time(0), all.time(14_999)).size()).isEqualTo(15_000);
        assertThat(all.value(14_999)).isEqualTo(1 + 14_999);
        assertThat(all.value(15_000)).isEqualTo(500 + 15_000);
        assertThat(all.value(18_999)).isEqualTo(500 + 18_999);
        assertThat(store.info(ID).orElseThrow().count()).isEqualTo(19_000);
        assertThat(store.info(ID).orElseThrow().firstTime()).isEqualTo(all.time(0));
        assertThat(store.info(ID).orElseThrow().lastTime()).isEqualTo(all.time(18_999));
        assertThat(store.counts()[1]).isEqualTo(19_000);
    }

    @Test
    void aSourceFailingAtAnyBatchLeavesTheSeriesExactlyAsItWas() throws Exception {
        store.upsert(descriptor("csv:BIG"), daily(0, 5000, 1));
        store.upsert(descriptor("csv:OTHER"), daily(0, 10, 1));
        SeriesData before = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
        long[] countsBefore = store.counts();
        List<SeriesData> batches = List.of(daily(2000, 4000, 900), daily(6000, 4000, 900), daily(10_000, 4000, 900));

        for (int failAt = 1; failAt <= 4; failAt++) {
            IOException broken = new IOException("big.csv line " + failAt + ": not a number");
            BatchSource failing = source(batches, failAt, broken);
            assertThatThrownBy(() -> store.upsertAll(descriptor("csv:BIG"), failing)).isSameAs(broken);
            assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).as("failing at batch " + failAt).isEqualTo(before);
            assertThat(store.counts()).containsExactly(countsBefore);

            BatchSource failingNew = source(batches, failAt, broken);
            assertThatThrownBy(() -> store.upsertAll(descriptor("csv:NEW"), failingNew)).isSameAs(broken);
            assertThat(store.info(SeriesId.parse("csv:NEW"))).as("a new series failing at batch " + failAt).isEmpty();
        }
        // and the store keeps working
        assertThat(store.upsertAll(descriptor("csv:BIG"), source(batches.toArray(SeriesData[]::new))).bars())
                .isEqualTo(12_000);
        assertThat(store.info(ID).orElseThrow().count()).isEqualTo(14_000);
    }

    @Test
    void runningOutOfMemoryMidWriteRollsBackAndSaysMemoryNotDamage() throws Exception {
        store.upsert(descriptor("csv:BIG"), daily(0, 100, 1));
        SeriesData before = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
        SeriesData[] given = {daily(100, 4000, 5), daily(4100, 4000, 5)};
        int[] next = {0};
        BatchSource exhausted = () -> {
            if (next[0] == given.length) {
                throw new OutOfMemoryError("Java heap space");
            }
            return given[next[0]++];
        };
        assertThatThrownBy(() -> store.upsertAll(descriptor("csv:BIG"), exhausted))
                .isInstanceOf(StoreException.class).isNotInstanceOf(Damage.DamagedException.class)
                .hasMessageContaining("ran out of memory").hasMessageContaining("nothing of this write was stored")
                .hasMessageNotContaining("restore");
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(before);
        // the connection went back clean: the next write commits
        assertThat(store.upsertAll(descriptor("csv:BIG"), source(given)).bars()).isEqualTo(8000);
    }

    @Test
    void derbyUnableToFlushItsLogForLackOfMemoryIsNotDamage() {
        java.sql.SQLException flush = new java.sql.SQLException("Cannot flush the log file to disk", "XSLA0",
                new OutOfMemoryError("Java heap space"));
        assertThat(Damage.isDamage(flush)).isFalse();
        assertThat(Damage.isDamage(new java.sql.SQLException("Cannot flush the log file to disk", "XSLA0"))).isTrue();
    }

    @Test
    void aRejectedBatchRollsBackTheBatchesBeforeIt() throws Exception {
        store.upsert(descriptor("csv:BIG"), daily(0, 100, 1));
        SeriesData before = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
        double[] withNaN = daily(300, 3, 1).copyColumn(io.tideline.api.series.Field.VALUE);
        withNaN[1] = Double.NaN;
        SeriesData bad = SeriesData.ofValues(daily(300, 3, 1).copyTimes(), withNaN);

        assertThatThrownBy(() -> store.upsertAll(descriptor("csv:BIG"),
                source(daily(100, 100, 5), daily(200, 100, 5), bad)))
                .isInstanceOf(StoreException.class).hasMessageContaining("series csv:BIG")
                .hasMessageContaining("batch 3, index 1) is NaN");
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(before);

        SeriesData ohlc = SeriesData.of(new long[] {StoreFixture.T0 + 400 * StoreFixture.DAY},
                java.util.Map.of(io.tideline.api.series.Field.CLOSE, new double[] {1}));
        assertThatThrownBy(() -> store.upsertAll(descriptor("csv:BIG"), source(daily(100, 100, 5), ohlc)))
                .hasMessageContaining("batch 2 has the columns CLOSE, the first batch had VALUE");
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(before);
    }

    @Test
    void rewritingTheSameDataCountsEveryBarUnchangedAndARevisionCountsChangedBars() throws Exception {
        SeriesData[] batches = {daily(0, 3000, 1), daily(3000, 3000, 1), daily(6000, 500, 1)};
        assertThat(store.upsertAll(descriptor("csv:BIG"), source(batches))).isEqualTo(new WriteSummary(6500, 6500, 0, 0));
        long[] counts = store.counts();

        assertThat(store.upsertAll(descriptor("csv:BIG"), source(batches))).isEqualTo(new WriteSummary(6500, 0, 0, 6500));
        assertThat(store.counts()).containsExactly(counts);

        // a revision: 10 bars of the middle batch change, the last 500 bars are extended by 100
        double[] revised = batches[1].copyColumn(io.tideline.api.series.Field.VALUE);
        for (int i = 0; i < 10; i++) {
            revised[i * 100] += 0.25;
        }
        revised[2999] = Math.nextUp(revised[2999]); // one ulp is a change
        SeriesData revisedBatch = SeriesData.ofValues(batches[1].copyTimes(), revised);
        WriteSummary summary = store.upsertAll(descriptor("csv:BIG"),
                source(batches[0], revisedBatch, daily(6000, 600, 1)));
        assertThat(summary).isEqualTo(new WriteSummary(6600, 100, 11, 6489));
        assertThat(store.info(ID).orElseThrow().count()).isEqualTo(6600);
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE).value(3000)).isEqualTo(1 + 3000 + 0.25);
    }

    @Test
    void upsertCountsThroughTheSamePath() throws Exception {
        assertThat(store.upsertAll(descriptor("csv:BIG"), source())).isEqualTo(new WriteSummary(0, 0, 0, 0));
        assertThat(store.info(ID)).isEmpty();
        store.upsert(descriptor("csv:BIG"), daily(0, 10, 1));
        assertThat(store.upsertAll(descriptor("csv:BIG"), ChunkedSeriesStore.singleBatch(daily(5, 10, 1))))
                .isEqualTo(new WriteSummary(10, 5, 0, 5));
    }
}
