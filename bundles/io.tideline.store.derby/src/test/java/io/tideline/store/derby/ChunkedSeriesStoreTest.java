package io.tideline.store.derby;

import static io.tideline.store.derby.StoreFixture.DAY;
import static io.tideline.store.derby.StoreFixture.T0;
import static io.tideline.store.derby.StoreFixture.daily;
import static io.tideline.store.derby.StoreFixture.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunked store on a real embedded Derby database on disk. */
class ChunkedSeriesStoreTest {

    private static final SeriesId ID = SeriesId.parse("fred:DGS10");

    @TempDir
    Path dir;

    private Path db;
    private ConnectionSource source;
    private ChunkedSeriesStore store;

    @BeforeEach
    void open() throws Exception {
        db = dir.resolve("db");
        source = DerbyDatabase.embedded(db);
        store = new ChunkedSeriesStore(source);
    }

    @AfterEach
    void close() {
        DerbyDatabase.shutdownEmbedded(db);
    }

    @Test
    void readsBackWhatWasWrittenAndOnlyTheRangeAsked() throws Exception {
        store.upsert(descriptor("fred:DGS10"), daily(0, 10_000, 1.0));
        SeriesData all = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all).isEqualTo(daily(0, 10_000, 1.0));

        SeriesData mid = store.read(ID, T0 + 4095 * DAY, T0 + 8192 * DAY);
        assertThat(mid).isEqualTo(daily(4095, 4098, 1.0));
        assertThat(store.read(ID, T0 + 4095 * DAY + 1, T0 + 4096 * DAY - 1).size()).isZero();

        SeriesInfo info = store.info(ID).orElseThrow();
        assertThat(info.count()).isEqualTo(10_000);
        assertThat(info.firstTime()).isEqualTo(T0);
        assertThat(info.lastTime()).isEqualTo(T0 + 9_999 * DAY);
        assertThat(info.descriptor()).isEqualTo(descriptor("fred:DGS10"));
        int perChunk = ChunkedSeriesStore.chunkBars(1);
        assertThat(perChunk).isBetween(3000, 3200); // 28,000 bytes of doubles per chunk
        assertThat(store.counts()).containsExactly(1, 10_000, (10_000 + perChunk - 1) / perChunk);
    }

    @Test
    void writingTheSameWindowTwiceChangesNothing() throws Exception {
        store.upsert(descriptor("fred:DGS10"), daily(0, 5000, 1.0));
        long[] before = store.counts();
        store.upsert(descriptor("fred:DGS10"), daily(0, 5000, 1.0));
        assertThat(store.counts()).containsExactly(before);
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(daily(0, 5000, 1.0));
    }

    @Test
    void anOverlappingWriteKeepsOneBarPerTimestampWithTheLatestValue() throws Exception {
        store.upsert(descriptor("fred:DGS10"), daily(0, 100, 1.0));
        store.upsert(descriptor("fred:DGS10"), daily(50, 100, 1000.0));
        SeriesData all = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(150);
        assertThat(all.value(49)).isEqualTo(1.0 + 49);
        assertThat(all.value(50)).isEqualTo(1000.0 + 50);
        assertThat(all.value(149)).isEqualTo(1000.0 + 149);
        assertThat(store.info(ID).orElseThrow().count()).isEqualTo(150);
    }

    @Test
    void randomWritesAgreeWithASimpleModel() throws Exception {
        Random random = new Random(7);
        TreeMap<Long, Double> model = new TreeMap<>();
        for (int round = 0; round < 150; round++) {
            int start = random.nextInt(20_000);
            int n = 1 + random.nextInt(random.nextBoolean() ? 50 : 6000);
            int stride = 1 + random.nextInt(3);
            long[] t = new long[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = T0 + (start + (long) i * stride) * DAY;
                v[i] = random.nextDouble();
                model.put(t[i], v[i]);
            }
            store.upsert(descriptor("fred:DGS10"), SeriesData.ofValues(t, v));
            if (round % 10 == 9) {
                assertMatches(model);
            }
        }
        assertMatches(model);
        long from = T0 + 5000 * DAY;
        long to = T0 + 9000 * DAY;
        SeriesData part = store.read(ID, from, to);
        assertThat(part.size()).isEqualTo(model.subMap(from, true, to, true).size());
    }

    private void assertMatches(TreeMap<Long, Double> model) throws StoreException {
        SeriesData all = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(all.size()).isEqualTo(model.size());
        int i = 0;
        for (Map.Entry<Long, Double> e : model.entrySet()) {
            assertThat(all.time(i)).isEqualTo(e.getKey());
            assertThat(all.value(i)).isEqualTo(e.getValue());
            i++;
        }
        SeriesInfo info = store.info(ID).orElseThrow();
        assertThat(info.count()).isEqualTo(model.size());
        assertThat(info.firstTime()).isEqualTo(model.firstKey());
        assertThat(info.lastTime()).isEqualTo(model.lastKey());
        assertThat(store.counts()[1]).isEqualTo(model.size());
    }

    @Test
    void ohlcvSeriesKeepEveryColumn() throws Exception {
        Map<Field, double[]> columns = new EnumMap<>(Field.class);
        columns.put(Field.OPEN, new double[] {1, 2});
        columns.put(Field.HIGH, new double[] {3, 4});
        columns.put(Field.LOW, new double[] {0.5, 1.5});
        columns.put(Field.CLOSE, new double[] {2, 3});
        columns.put(Field.VOLUME, new double[] {100, 200});
        SeriesData bars = SeriesData.of(new long[] {T0, T0 + DAY}, columns);
        store.upsert(descriptor("binance:BTCUSDT"), bars);
        assertThat(store.read(SeriesId.parse("binance:BTCUSDT"), T0, T0 + DAY)).isEqualTo(bars);

        assertThatThrownBy(() -> store.upsert(descriptor("binance:BTCUSDT"), daily(5, 1, 1)))
                .hasMessageContaining("binance:BTCUSDT stores the columns OPEN,HIGH,LOW,CLOSE,VOLUME; the data has VALUE");
    }

    @Test
    void listAndDelete() throws Exception {
        store.upsert(descriptor("fred:DGS2"), daily(0, 3, 1));
        store.upsert(descriptor("fred:DGS10"), daily(0, 5, 1));
        assertThat(store.list()).extracting(i -> i.descriptor().id().toString()).containsExactly("fred:DGS10", "fred:DGS2");
        assertThat(store.delete(ID)).isTrue();
        assertThat(store.delete(ID)).isFalse();
        assertThat(store.list()).extracting(i -> i.descriptor().id().toString()).containsExactly("fred:DGS2");
        assertThat(store.counts()).containsExactly(1, 3, 1);
        assertThatThrownBy(() -> store.read(ID, 0, 1)).hasMessageContaining("unknown series fred:DGS10");
    }

    @Test
    void badInputIsRefusedNamingTheSeriesAndNothingIsStored() throws Exception {
        store.upsert(descriptor("fred:DGS10"), daily(0, 10, 1));
        SeriesData before = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);

        double[] withNaN = {1, 2, Double.NaN};
        long[] t = {T0 + 20 * DAY, T0 + 21 * DAY, T0 + 22 * DAY};
        assertThatThrownBy(() -> store.upsert(descriptor("fred:DGS10"), SeriesData.ofValues(t, withNaN)))
                .hasMessageContaining("fred:DGS10").hasMessageContaining("VALUE at 2020-01-23T00:00:00Z (index 2) is NaN");
        assertThatThrownBy(() -> store.upsert(descriptor("fred:DGS10"),
                SeriesData.ofValues(t, new double[] {Double.POSITIVE_INFINITY, 1, 1})))
                .hasMessageContaining("is Infinity");
        // microseconds mistaken for milliseconds land in the far future
        assertThatThrownBy(() -> store.upsert(descriptor("fred:DGS10"),
                SeriesData.ofValues(new long[] {T0 * 1000}, new double[] {1})))
                .hasMessageContaining("outside 1900-01-01 .. 2200-01-01");
        assertThatThrownBy(() -> store.read(ID, 10, 5)).hasMessageContaining("range is inverted");
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(before);
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNothingOfItsBatch() throws Exception {
        store.upsert(descriptor("fred:DGS10"), daily(0, 6000, 1));
        SeriesData before = store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
        long[] countsBefore = store.counts();
        store.setFaultPoint(series -> {
            throw new SQLException("disk full (simulated)", "XSDG1");
        });
        assertThatThrownBy(() -> store.upsert(descriptor("fred:DGS10"), daily(3000, 6000, 500)))
                .isInstanceOf(StoreException.class).hasMessageContaining("write series fred:DGS10")
                .hasMessageContaining("disk full (simulated)");
        store.setFaultPoint(ChunkedSeriesStore.FaultPoint.NONE);
        assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(before);
        assertThat(store.counts()).containsExactly(countsBefore);
        // and the store keeps working
        store.upsert(descriptor("fred:DGS10"), daily(6000, 1, 1));
        assertThat(store.info(ID).orElseThrow().count()).isEqualTo(6001);
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftUntouched() throws Exception {
        try (Connection c = source.open(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE TL_SCHEMA SET VERSION = 99");
        }
        assertThatThrownBy(() -> new ChunkedSeriesStore(source))
                .hasMessageContaining("schema version 99, newer than this Tideline understands (" + Schema.CURRENT + ")")
                .hasMessageContaining(db.toString());
        try (Connection c = source.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION FROM TL_SCHEMA")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(99);
        }
    }

    @Test
    void reopeningKeepsDataAndSchema() throws Exception {
        store.upsert(descriptor("fred:DGS10"), daily(0, 100, 1));
        DerbyDatabase.shutdownEmbedded(db);
        ChunkedSeriesStore again = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
        assertThat(again.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(daily(0, 100, 1));
        try (Connection c = source.open()) {
            assertThat(Schema.version(c)).isEqualTo(Schema.CURRENT);
        }
    }

    @Test
    void aDescriptorChangeIsKept() throws Exception {
        store.upsert(descriptor("fred:DGS10"), daily(0, 1, 1));
        SeriesDescriptor renamed = new SeriesDescriptor(ID, "US 10-year yield", "%", descriptor("fred:DGS10").kind(),
                descriptor("fred:DGS10").assetClass(), descriptor("fred:DGS10").timeframe());
        store.upsert(renamed, SeriesData.empty());
        assertThat(store.info(ID).orElseThrow().descriptor().name()).isEqualTo("US 10-year yield");
        assertThat(store.info(ID).orElseThrow().count()).isEqualTo(1);
    }
}
