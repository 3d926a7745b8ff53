package io.tideline.store.derby;

import static io.tideline.store.derby.StoreFixture.daily;
import static io.tideline.store.derby.StoreFixture.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.StoreHealth;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checksums, {@code db check} and clean damage messages, on a real Derby database on disk. */
class IntegrityTest {

    private static final List<String> SERIES = List.of("fred:A", "fred:B", "fred:C", "fred:D", "binance:OHLC");

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
        for (int s = 0; s < 4; s++) {
            store.upsert(descriptor(SERIES.get(s)), daily(0, 2000 + 3000 * s, s + 1)); // 1 to 4 chunks
        }
        int n = 1500;
        long[] t = daily(0, n, 0).copyTimes();
        Map<Field, double[]> columns = new EnumMap<>(Field.class);
        for (Field f : List.of(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME)) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 100 + i + f.ordinal();
            }
            columns.put(f, v);
        }
        store.upsert(descriptor("binance:OHLC"), SeriesData.of(t, columns)); // 2 chunks of 5 columns
    }

    @AfterEach
    void close() {
        DerbyDatabase.shutdownEmbedded(db);
    }

    private record ChunkKey(int key, long start, String series) {
    }

    private List<ChunkKey> chunks() throws Exception {
        List<ChunkKey> keys = new ArrayList<>();
        try (Connection c = source.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.SERIES_KEY, c.CHUNK_START, s.SERIES_ID FROM TL_CHUNK c"
                        + " JOIN TL_SERIES s ON s.SERIES_KEY = c.SERIES_KEY ORDER BY 1, 2")) {
            while (rs.next()) {
                keys.add(new ChunkKey(rs.getInt(1), rs.getLong(2), rs.getString(3)));
            }
        }
        return keys;
    }

    private byte[] data(ChunkKey chunk) throws Exception {
        try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(
                "SELECT DATA FROM TL_CHUNK WHERE SERIES_KEY = ? AND CHUNK_START = ?")) {
            ps.setInt(1, chunk.key);
            ps.setLong(2, chunk.start);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    /** Overwrites a chunk's DATA through SQL, leaving its checksum as it was. */
    private void setData(ChunkKey chunk, byte[] data) throws Exception {
        try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(
                "UPDATE TL_CHUNK SET DATA = ? WHERE SERIES_KEY = ? AND CHUNK_START = ?")) {
            ps.setBytes(1, data);
            ps.setInt(2, chunk.key);
            ps.setLong(3, chunk.start);
            assertThat(ps.executeUpdate()).isOne();
        }
    }

    /** One bar at the start of the chunk, with the columns of its series. */
    private static SeriesData oneBarLike(ChunkKey chunk) {
        if (!chunk.series.startsWith("binance")) {
            return SeriesData.ofValues(new long[] {chunk.start}, new double[] {1});
        }
        Map<Field, double[]> columns = new EnumMap<>(Field.class);
        for (Field f : List.of(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME)) {
            columns.put(f, new double[] {1});
        }
        return SeriesData.of(new long[] {chunk.start}, columns);
    }

    private static String day(int n) {
        return java.time.LocalDate.of(2020, 1, 1).plusDays(n).toString();
    }

    private static void assertClean(String message) {
        assertThat(message).doesNotContain("Exception").doesNotContain("SQLState").doesNotContain("java.")
                .doesNotContain("XSD").doesNotContain("\n");
    }

    @Test
    void everySingleChunkCorruptionIsFoundByCheckAndFailsReadsOfThatSeriesOnly() throws Exception {
        assertThat(store.check().clean()).isTrue();
        List<ChunkKey> chunks = chunks();
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(12);
        int found = 0;
        for (ChunkKey chunk : chunks) {
            byte[] good = data(chunk);
            // a flipped bit in the values, where the codec cannot notice it
            byte[] bad = good.clone();
            bad[bad.length - 3] ^= 0x10;
            setData(chunk, bad);

            Integrity.Report report = store.check();
            assertThat(report.damage()).as("chunk " + chunk).hasSize(1);
            Damage damage = report.damage().get(0);
            assertThat(damage.series()).isEqualTo(chunk.series);
            assertThat(damage.from()).isEqualTo(chunk.start);
            assertThat(damage.oneLine()).contains(chunk.series).contains("checksum does not match");
            found++;

            SeriesId id = SeriesId.parse(chunk.series);
            assertThatThrownBy(() -> store.read(id, Long.MIN_VALUE, Long.MAX_VALUE))
                    .isInstanceOf(Damage.DamagedException.class)
                    .hasMessageContaining("series " + chunk.series + " is damaged (" + Damage.time(chunk.start))
                    .hasMessageContaining("db check").hasMessageContaining("db restore DIR")
                    .satisfies(e -> assertClean(e.getMessage()));
            // a write into the damaged range is refused too, rather than sealing the damage in
            assertThatThrownBy(() -> store.upsert(descriptor(chunk.series), oneBarLike(chunk)))
                    .isInstanceOf(Damage.DamagedException.class);
            for (String other : SERIES) {
                if (!other.equals(chunk.series)) {
                    assertThat(store.read(SeriesId.parse(other), Long.MIN_VALUE, Long.MAX_VALUE).size()).isPositive();
                }
            }
            setData(chunk, good);
        }
        assertThat(found).isEqualTo(chunks.size());
        assertThat(store.check().clean()).isTrue();
    }

    @Test
    void aSeriesRowWhoseCountDisagreesWithItsChunksIsFound() throws Exception {
        try (Connection c = source.open(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE TL_SERIES SET BAR_COUNT = BAR_COUNT + 7 WHERE SERIES_ID = 'fred:B'");
        }
        Integrity.Report report = store.check();
        assertThat(report.damage()).singleElement().satisfies(d -> assertThat(d.oneLine())
                .isEqualTo("fred:B  2020-01-01 .. " + day(4999) + "  the series records 5007 bars, its chunks hold 5000"));
        assertThatThrownBy(() -> store.read(SeriesId.parse("fred:B"), Long.MIN_VALUE, Long.MAX_VALUE))
                .hasMessageContaining("the series records 5007 bars, its chunks hold 5000")
                .satisfies(e -> assertClean(e.getMessage()));
    }

    @Test
    void aChunkRowWhoseCountDisagreesWithItsDataAndAnOrphanChunkAreFound() throws Exception {
        try (Connection c = source.open(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE TL_CHUNK SET BAR_COUNT = BAR_COUNT - 1 WHERE SERIES_KEY ="
                    + " (SELECT SERIES_KEY FROM TL_SERIES WHERE SERIES_ID = 'fred:C')"
                    + " AND CHUNK_START = (SELECT MIN(CHUNK_START) FROM TL_CHUNK)");
            s.executeUpdate("INSERT INTO TL_CHUNK (SERIES_KEY, CHUNK_START, CHUNK_END, BAR_COUNT, DATA, CRC)"
                    + " SELECT 999, CHUNK_START, CHUNK_END, BAR_COUNT, DATA, CRC FROM TL_CHUNK WHERE SERIES_KEY ="
                    + " (SELECT SERIES_KEY FROM TL_SERIES WHERE SERIES_ID = 'fred:A')");
        }
        int perChunk = ChunkedSeriesStore.chunkBars(1);
        assertThat(store.check().damage()).extracting(Damage::oneLine).containsExactly(
                "fred:C  2020-01-01 .. " + day(perChunk - 1) + "  a chunk's row counts " + (perChunk - 1)
                        + " bars, its data holds " + perChunk,
                "(no series, key 999)  2020-01-01 .. " + day(1999) + "  1 chunks belong to no series");
    }

    @Test
    void aTruncatedTableFileIsFoundAndReportedCleanly() throws Exception {
        String file;
        try (Connection c = source.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT g.CONGLOMERATENUMBER FROM SYS.SYSCONGLOMERATES g"
                        + " JOIN SYS.SYSTABLES t ON t.TABLEID = g.TABLEID WHERE t.TABLENAME = 'TL_CHUNK'"
                        + " AND g.ISINDEX = FALSE")) {
            rs.next();
            file = "c" + Long.toHexString(rs.getLong(1)) + ".dat";
        }
        DerbyDatabase.shutdownEmbedded(db);
        Path dat = db.resolve("seg0").resolve(file);
        long size = Files.size(dat);
        try (RandomAccessFile raf = new RandomAccessFile(dat.toFile(), "rw")) {
            raf.setLength(size / 3);
        }

        List<String> problems = new ArrayList<>();
        try {
            ChunkedSeriesStore reopened = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
            Integrity.Report report = reopened.check();
            assertThat(report.clean()).isFalse();
            report.damage().forEach(d -> problems.add(d.oneLine()));
            int failedReads = 0;
            for (String series : SERIES) {
                try {
                    reopened.read(SeriesId.parse(series), Long.MIN_VALUE, Long.MAX_VALUE);
                } catch (io.tideline.api.store.StoreException e) {
                    failedReads++;
                    assertClean(e.getMessage());
                    assertThat(e.getMessage()).contains("db restore DIR");
                }
            }
            assertThat(failedReads).as("series that cannot be read whole after losing two thirds of the chunks")
                    .isPositive();
        } catch (io.tideline.api.store.StoreException refusedToOpen) {
            assertClean(refusedToOpen.getMessage());
            problems.add(refusedToOpen.getMessage());
        }
        assertThat(problems).isNotEmpty().allSatisfy(IntegrityTest::assertClean);
    }

    @Test
    void theCheckRecordKeepsTheLastVerdictAndDamageMetSince() throws Exception {
        CheckRecord record = new CheckRecord(dir.resolve(CheckRecord.FILE_NAME));
        assertThat(record.read().status()).isEqualTo(StoreHealth.Status.UNCHECKED);
        Instant when = Instant.parse("2026-01-02T03:04:05Z");
        record.checked(store.check(), when);
        assertThat(record.read()).isEqualTo(new StoreHealth(StoreHealth.Status.OK, when, List.of()));

        ChunkKey chunk = chunks().get(0);
        byte[] bad = data(chunk);
        bad[bad.length - 1] ^= 1;
        setData(chunk, bad);
        try {
            store.read(SeriesId.parse(chunk.series), Long.MIN_VALUE, Long.MAX_VALUE);
        } catch (Damage.DamagedException e) {
            record.damaged(e.damage());
        }
        StoreHealth health = record.read();
        assertThat(health.status()).isEqualTo(StoreHealth.Status.DAMAGED);
        assertThat(health.checkedAt()).isEqualTo(when);
        assertThat(health.problems()).singleElement().asString().startsWith(chunk.series + "  2020-01-01 .. ")
                .endsWith("(found by a read or write)");

        record.checked(store.check(), when.plusSeconds(60));
        assertThat(record.read().status()).isEqualTo(StoreHealth.Status.DAMAGED);
        assertThat(record.read().problems()).singleElement().asString().contains("checksum does not match");
    }

    @Test
    void aVersionOneStoreGetsChecksumsForItsChunksWhenMigrated() throws Exception {
        try (Connection c = source.open(); Statement s = c.createStatement()) {
            // Back to what schema 1 had: no checksums, no change log, no feed health.
            s.executeUpdate("ALTER TABLE TL_CHUNK DROP COLUMN CRC");
            s.executeUpdate("DROP TABLE TL_CHANGE");
            s.executeUpdate("DROP TABLE TL_CHANGE_SEQ");
            s.executeUpdate("DROP TABLE TL_FEED_HEALTH");
            s.executeUpdate("UPDATE TL_SCHEMA SET VERSION = 1");
        }
        ChunkedSeriesStore migrated = new ChunkedSeriesStore(source);
        try (Connection c = source.open()) {
            assertThat(Schema.version(c)).isEqualTo(Schema.CURRENT);
        }
        assertThat(migrated.check().clean()).isTrue();
        assertThat(migrated.read(SeriesId.parse("fred:D"), Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(daily(0, 11_000, 4));
        ChunkKey chunk = chunks().get(0);
        byte[] bad = data(chunk);
        bad[bad.length - 1] ^= 1;
        setData(chunk, bad);
        assertThat(migrated.check().damage()).singleElement().extracting(Damage::series).isEqualTo(chunk.series);
    }
}
