package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.StoreException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup, restore and pruning on real Derby databases on disk. */
class BackupsTest {

    @TempDir
    Path dir;

    private Path db;
    private Backups backups;
    /** The open store, replaced by a restore the way the component replaces it. */
    private final AtomicReference<ChunkedSeriesStore> live = new AtomicReference<>();
    private final Backups.Reopen reopen = swap -> {
        DerbyDatabase.shutdownEmbedded(db);
        try {
            swap.run();
        } finally {
            live.set(ChunkedSeriesStore.openEmbedded(db));
        }
    };
    private final Backups.Current current = () -> {
        ChunkedSeriesStore s = live.get();
        if (s == null) {
            throw new StoreException("the store at " + db + " failed to open");
        }
        return s;
    };

    @BeforeEach
    void open() throws Exception {
        db = dir.resolve("data/db");
        backups = new Backups(db, dir.resolve("data/backups"));
        live.set(ChunkedSeriesStore.openEmbedded(db));
    }

    @AfterEach
    void close() {
        DerbyDatabase.shutdownEmbedded(db);
    }

    @Test
    void backupDamageRestoreGivesTheSameStoreSeriesBySeriesAndKeepsTheDamagedOneAside() throws Exception {
        Map<SeriesId, SeriesData> written = fill(live.get());
        List<SeriesInfo> listed = live.get().list();
        Path backup = backups.backupEmbedded(live.get().source(), dir.resolve("mine/before-damage"));
        assertThat(backup.resolve("db/service.properties")).isRegularFile();
        assertThat(dir.resolve("mine/before-damage.part")).doesNotExist();

        // Damage by rows: a series deleted, one overwritten, one appended to, a new one added.
        ChunkedSeriesStore s = live.get();
        s.delete(SeriesId.parse("fred:DGS10"));
        s.upsert(StoreFixture.descriptor("fred:DGS2"), StoreFixture.daily(0, 500, 1_000));
        s.upsert(StoreFixture.descriptor("fred:T10Y2Y"), StoreFixture.daily(9_000, 10, 7));
        s.upsert(StoreFixture.descriptor("csv:junk"), StoreFixture.daily(0, 3, 0));

        Backups.Restored restored = backups.restore(backup, true, current, reopen);

        assertEqualStore(live.get(), written, listed);
        assertThat(restored.before()).extracting(i -> i.descriptor().id().toString()).contains("csv:junk")
                .doesNotContain("fred:DGS10");
        Path aside = restored.aside().orElseThrow();
        assertThat(aside.getFileName().toString()).matches("db\\.before-restore-\\d{8}-\\d{6}");
        assertThat(aside.getParent()).isEqualTo(db.getParent());
        // The damaged store is kept whole, as it was.
        ChunkedSeriesStore old = ChunkedSeriesStore.openEmbedded(aside);
        try {
            assertThat(old.info(SeriesId.parse("csv:junk"))).isPresent();
            assertThat(old.info(SeriesId.parse("fred:DGS10"))).isEmpty();
        } finally {
            DerbyDatabase.shutdownEmbedded(aside);
        }
        assertThat(stagingLeftovers()).isEmpty();
        assertThat(backup.resolve("db/service.properties")).as("the backup is untouched").isRegularFile();
    }

    @Test
    void aStoreWithDamagedFilesIsReplacedByTheBackupWithForce() throws Exception {
        Map<SeriesId, SeriesData> written = fill(live.get());
        List<SeriesInfo> listed = live.get().list();
        Path backup = backups.backupEmbedded(live.get().source(), dir.resolve("b"));

        // Damage by files: every data file of the store cut to a third while it is closed.
        DerbyDatabase.shutdownEmbedded(db);
        live.set(null);
        try (Stream<Path> files = Files.list(db.resolve("seg0"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dat")).toList()) {
                try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                    raf.setLength(raf.length() / 3);
                }
            }
        }
        try {
            live.set(ChunkedSeriesStore.openEmbedded(db));
        } catch (StoreException damaged) {
            // Unreadable already at boot: the restore must cope with a store that does not open.
            DerbyDatabase.shutdownEmbedded(db);
        }
        assertThat(readsBackWhole(written)).as("the damage is real").isFalse();

        assertThatThrownBy(() -> backups.restore(backup, false, current, reopen))
                .isInstanceOf(StoreException.class).hasMessageContaining("--force");

        backups.restore(backup, true, current, reopen);
        assertEqualStore(live.get(), written, listed);
    }

    @Test
    void aRestoreOverAStoreHoldingDataIsRefusedWithoutForce() throws Exception {
        fill(live.get());
        Path backup = backups.backupEmbedded(live.get().source(), dir.resolve("b"));
        live.get().upsert(StoreFixture.descriptor("csv:new"), StoreFixture.daily(0, 10, 0));
        List<SeriesInfo> before = live.get().list();

        assertThatThrownBy(() -> backups.restore(backup, false, current, reopen))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the store at " + db.toAbsolutePath() + " holds 5 series")
                .hasMessageContaining("restoring replaces them with the backup's 4 series")
                .hasMessageContaining("Run again with --force");

        assertThat(live.get().list()).isEqualTo(before);
        assertThat(stagingLeftovers()).isEmpty();
        try (Stream<Path> siblings = Files.list(db.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
        }
    }

    @Test
    void aFolderThatIsNotATidelineBackupIsRefusedNamingWhatIsMissing() throws Exception {
        fill(live.get());
        List<SeriesInfo> before = live.get().list();

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> backups.restore(empty, true, current, reopen))
                .hasMessage(empty + " is not a Tideline backup: it holds no Derby database (no service.properties in"
                        + " it or in a folder inside it). A backup by 'db backup' is a folder with"
                        + " db/service.properties, db/seg0/ and db/log/");

        Path half = Files.createDirectories(dir.resolve("half/db/log"));
        Files.writeString(half.resolveSibling("service.properties"), "#\n");
        assertThatThrownBy(() -> backups.restore(dir.resolve("half"), true, current, reopen))
                .hasMessage(dir.resolve("half/db") + " is not a complete Tideline backup: seg0/ is missing"
                        + " (a backup by 'db backup' holds service.properties, seg0/ and log/)");

        // A real Derby backup, of a database that is not Tideline's.
        Path other = dir.resolve("other/crm");
        EmbeddedDriver driver = new EmbeddedDriver();
        try (Connection c = driver.connect("jdbc:derby:" + other + ";create=true", new Properties());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE CUSTOMER (ID INT)");
            st.execute("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('" + dir.resolve("other-backup") + "')");
        } finally {
            DerbyDatabase.shutdownEmbedded(other);
        }
        assertThatThrownBy(() -> backups.restore(dir.resolve("other-backup"), true, current, reopen))
                .hasMessage(dir.resolve("other-backup/crm") + " is not a Tideline backup: the Derby database in it"
                        + " has no Tideline tables (TL_SCHEMA, TL_SERIES, TL_CHUNK)");

        assertThatThrownBy(() -> backups.restore(dir.resolve("nowhere"), true, current, reopen))
                .hasMessage("no backup folder " + dir.resolve("nowhere"));

        assertThat(live.get().list()).as("the store is untouched").isEqualTo(before);
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void aBackupIntoAFolderThatHoldsFilesIsRefusedAndLeavesNothing() throws Exception {
        fill(live.get());
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> backups.backupEmbedded(live.get().source(), taken))
                .hasMessage("cannot back up into " + taken + ": it already exists and is not empty; name a new folder");
        try (Stream<Path> files = Files.list(taken)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void pruningKeepsTheNewestNAutomaticBackupsAndNothingElse() throws Exception {
        fill(live.get());
        Path folder = backups.dir();
        List<String> names = List.of("db-20260101-090000", "db-20260102-090000", "db-20260103-090000",
                "db-20260104-090000");
        for (String name : names) {
            backups.backupEmbedded(live.get().source(), folder.resolve(name));
        }
        Path mine = backups.backupEmbedded(live.get().source(), folder.resolve("before-upgrade"));
        Path unfinished = Files.createDirectories(folder.resolve("db-20260105-090000.part/db"));

        List<Path> deleted = backups.prune(2);

        assertThat(deleted).containsExactlyInAnyOrder(folder.resolve("db-20260101-090000"),
                folder.resolve("db-20260102-090000"), unfinished.getParent());
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("db-20260103-090000",
                    "db-20260104-090000", "before-upgrade");
        }
        assertThat(mine.resolve("db/service.properties")).isRegularFile();
    }

    @Test
    void anAutomaticBackupIsTakenOnceADayAndPrunesToKeep() throws Exception {
        fill(live.get());
        Instant now = Instant.parse("2026-03-10T12:00:00Z");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Backups.Log into = log(log);
        backups.backupEmbedded(live.get().source(), backups.dir().resolve(Backups.name(now.minus(Duration.ofDays(3)))));
        backups.backupEmbedded(live.get().source(), backups.dir().resolve(Backups.name(now.minus(Duration.ofDays(2)))));

        Path taken = backups.runIfDue(live.get(), 2, now, into).orElseThrow();

        assertThat(taken.getFileName().toString()).isEqualTo(Backups.name(now));
        assertThat(backups.automatic()).containsExactly(taken,
                backups.dir().resolve(Backups.name(now.minus(Duration.ofDays(2)))));
        assertThat(log).singleElement().asString().contains("daily backup: " + taken)
                .contains("removed 1 older beyond the newest 2");
        assertThat(backups.runIfDue(live.get(), 2, now.plus(Duration.ofHours(23)), into)).as("not due yet").isEmpty();
        assertThat(backups.runIfDue(live.get(), 2, now.plus(Duration.ofHours(25)), into)).as("a day later").isPresent();
    }

    @Test
    void anEmptyStoreIsNotBackedUp() throws Exception {
        List<String> log = new ArrayList<>();
        assertThat(backups.runIfDue(live.get(), 7, Instant.now(), log(log))).isEmpty();
        assertThat(backups.automatic()).isEmpty();
        assertThat(log).containsExactly("daily backup: the store holds no series; nothing to back up");
    }

    @Test
    void aFailingDailyBackupIsLoggedWithItsReasonAndTheSchedulerKeepsRunning() throws Exception {
        fill(live.get());
        // The backups folder's parent is a file: no backup can be written there.
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        Backups blocked = new Backups(db, blocker.resolve("backups"));
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService scheduler = blocked.schedule(current, 3, log(log), Duration.ZERO);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (log.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(log).singleElement().asString()
                    .startsWith("WARN daily backup into " + blocker.resolve("backups") + " failed: ")
                    .endsWith("; next try in an hour");
            assertThat(scheduler.isShutdown()).isFalse();
            assertThat(live.get().list()).as("the store keeps working").hasSize(4);
        } finally {
            scheduler.shutdownNow();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Four series: daily values over several chunks, a short one, and hourly OHLC bars. */
    private static Map<SeriesId, SeriesData> fill(ChunkedSeriesStore s) throws StoreException {
        Map<SeriesId, SeriesData> written = new LinkedHashMap<>();
        written.put(SeriesId.parse("fred:DGS10"), StoreFixture.daily(0, 9_000, 1));
        written.put(SeriesId.parse("fred:DGS2"), StoreFixture.daily(100, 700, 2));
        written.put(SeriesId.parse("fred:T10Y2Y"), StoreFixture.daily(0, 30, 3));
        for (Map.Entry<SeriesId, SeriesData> e : written.entrySet()) {
            s.upsert(StoreFixture.descriptor(e.getKey().toString()), e.getValue());
        }
        int n = 6_000;
        long[] t = new long[n];
        Map<Field, double[]> cols = new EnumMap<>(Field.class);
        for (Field f : List.of(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE)) {
            cols.put(f, new double[n]);
        }
        for (int i = 0; i < n; i++) {
            t[i] = StoreFixture.T0 + i * 3_600_000L;
            cols.get(Field.OPEN)[i] = 100 + Math.sin(i);
            cols.get(Field.HIGH)[i] = 101 + Math.sin(i);
            cols.get(Field.LOW)[i] = 99 + Math.sin(i);
            cols.get(Field.CLOSE)[i] = 100.5 + Math.cos(i);
        }
        SeriesData ohlc = SeriesData.of(t, cols);
        SeriesId btc = SeriesId.parse("binance:BTCUSDT");
        s.upsert(new SeriesDescriptor(btc, "BTC", "USDT", SeriesKind.PRICE, AssetClass.CRYPTO, Timeframe.H1), ohlc);
        written.put(btc, ohlc);
        return written;
    }

    private static void assertEqualStore(ChunkedSeriesStore s, Map<SeriesId, SeriesData> written,
            List<SeriesInfo> listed) throws StoreException {
        assertThat(s.list()).isEqualTo(listed);
        for (Map.Entry<SeriesId, SeriesData> e : written.entrySet()) {
            assertThat(s.read(e.getKey(), Long.MIN_VALUE, Long.MAX_VALUE)).as("every bar of " + e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    /** Whether the live store opens and gives back every bar written. */
    private boolean readsBackWhole(Map<SeriesId, SeriesData> written) {
        try {
            for (Map.Entry<SeriesId, SeriesData> e : written.entrySet()) {
                if (!current.get().read(e.getKey(), Long.MIN_VALUE, Long.MAX_VALUE).equals(e.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (StoreException | RuntimeException damaged) {
            return false;
        }
    }

    private List<String> stagingLeftovers() throws IOException {
        try (Stream<Path> siblings = Files.list(db.getParent())) {
            return siblings.map(p -> p.getFileName().toString()).filter(n -> n.contains("restoring")).toList();
        }
    }

    private static Backups.Log log(List<String> into) {
        return new Backups.Log() {
            @Override
            public void info(String message) {
                into.add(message);
            }

            @Override
            public void warn(String message) {
                into.add("WARN " + message);
            }
        };
    }
}
