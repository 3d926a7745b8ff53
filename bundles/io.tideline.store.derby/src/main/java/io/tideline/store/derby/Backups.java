package io.tideline.store.derby;

import io.tideline.api.series.SeriesData;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDriver;

/**
 * Backups of the series store and restores from them.
 *
 * <p>A backup is Derby's online backup ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}): a consistent
 * copy taken while Tideline keeps reading and writing. An embedded store's backup is written to
 * {@code NAME.part} and renamed to {@code NAME} when complete, so a folder without the suffix
 * is always whole. A restore never touches the backup: Derby restores it ({@code restoreFrom=})
 * into a staging folder beside the store, every series is read back there, and only then is the
 * store closed, moved aside as {@code db.before-restore-TIMESTAMP} (never deleted) and replaced
 * by the staging folder.
 *
 * <p>Thread-safe: backups and restores of one store run one at a time.
 */
final class Backups {

    /** Automatic backups are named {@code db-YYYYMMDD-HHMMSS} (local time); pruning only counts these. */
    static final Pattern AUTOMATIC = Pattern.compile("db-\\d{8}-\\d{6}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** One day between automatic backups. */
    static final Duration DAY = Duration.ofHours(24);
    /** After a failed automatic backup, the next try. */
    static final Duration RETRY = Duration.ofHours(1);
    /**
     * The first automatic backup waits this long after start: a headless command ends within
     * seconds, and should neither wait for a backup nor cut one short.
     */
    static final Duration START_DELAY = Duration.ofMinutes(2);

    /** Where log lines go (the component's OSGi logger; a list in tests). */
    interface Log {
        /** Something worth knowing. */
        void info(String message);

        /** Something failed; the message says what and why. */
        void warn(String message);
    }

    /** The component's side of a restore: closes the store, runs {@code swap}, reopens it. */
    interface Reopen {
        /** Closes the open store, runs {@code swap} and opens the store again, whatever {@code swap} did. */
        void reopen(Swap swap) throws StoreException;
    }

    /** Work done while the store is closed. */
    interface Swap {
        /** Replaces the store's folder. */
        void run() throws StoreException;
    }

    /** The open store, waited for. */
    interface Current {
        /** The store as it is now (after a restore, the restored one). */
        ChunkedSeriesStore get() throws StoreException;
    }

    /**
     * What a restore did.
     *
     * @param from the backup's database folder
     * @param before the series the store held before
     * @param after the series it holds now
     * @param aside where the previous store was moved, if there was one
     */
    record Restored(Path from, List<SeriesInfo> before, List<SeriesInfo> after, Optional<Path> aside) {
    }

    private final Path store;
    private final Path dir;
    private final Object exclusive = new Object();

    /**
     * @param store the embedded database folder ({@code DATA_DIR/db})
     * @param dir the folder of automatic backups and of {@code db backup} without a folder
     */
    Backups(Path store, Path dir) {
        this.store = store.toAbsolutePath();
        this.dir = dir.toAbsolutePath();
    }

    /** The folder of automatic backups. */
    Path dir() {
        return dir;
    }

    /** A new backup folder's name for {@code at}, e.g. {@code db-20260105-143000}. */
    static String name(Instant at) {
        return "db-" + STAMP.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault()));
    }

    // ---- backup -------------------------------------------------------------------------------

    /**
     * Backs up an embedded store into {@code target} (which must not exist or be empty): the
     * database folder goes to {@code target/db}.
     *
     * @return {@code target}
     * @throws StoreException naming the folder and the reason; nothing is left under {@code target}
     */
    Path backupEmbedded(ConnectionSource source, Path target) throws StoreException {
        Path folder = target.toAbsolutePath().normalize();
        synchronized (exclusive) {
            if (Files.exists(folder) && !isEmptyFolder(folder)) {
                throw new StoreException("cannot back up into " + folder + ": it already exists and is not empty;"
                        + " name a new folder");
            }
            Path part = folder.resolveSibling(folder.getFileName() + ".part");
            if (Files.exists(part)) {
                throw new StoreException("cannot back up into " + folder + ": " + part + " is in the way (left by"
                        + " a backup that did not finish?); delete it or name another folder");
            }
            try {
                Files.createDirectories(folder.getParent());
                onlineBackup(source, part.toString());
                Files.deleteIfExists(folder);
                Files.move(part, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (SQLException | IOException e) {
                deleteQuietly(part);
                throw new StoreException("the backup into " + folder + " failed (nothing was kept): " + reason(e), e);
            }
            return folder;
        }
    }

    /**
     * Backs up a store on a Derby Network Server into {@code serverPath}, a folder on the
     * server's machine, written by the server.
     */
    static void backupOnServer(ConnectionSource source, String serverPath) throws StoreException {
        try {
            onlineBackup(source, serverPath);
        } catch (SQLException e) {
            throw new StoreException("the server could not back up the store into " + serverPath
                    + " (a folder on the server's machine): " + reason(e), e);
        }
    }

    private static void onlineBackup(ConnectionSource source, String path) throws SQLException {
        try (Connection c = source.open(); CallableStatement call = c.prepareCall(
                "CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            call.setString(1, path);
            call.execute();
        }
    }

    // ---- automatic backups --------------------------------------------------------------------

    /** The automatic backups in {@link #dir()}, newest first. */
    List<Path> automatic() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> AUTOMATIC.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    /** When the newest automatic backup was taken, from its name. */
    Optional<Instant> newest() throws IOException {
        for (Path p : automatic()) {
            try {
                return Optional.of(LocalDateTime.parse(p.getFileName().toString().substring(3), STAMP)
                        .atZone(ZoneId.systemDefault()).toInstant());
            } catch (DateTimeParseException notADate) {
                // db-99999999-999999: not one of ours after all; look at the next.
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes the oldest automatic backups beyond {@code keep} (and halves of ones that did not
     * finish); folders named otherwise are never touched.
     *
     * @return the deleted folders
     */
    List<Path> prune(int keep) throws IOException {
        List<Path> deleted = new ArrayList<>();
        List<Path> all = automatic();
        for (int i = Math.max(1, keep); i < all.size(); i++) {
            deleteTree(all.get(i));
            deleted.add(all.get(i));
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".part") && AUTOMATIC.matcher(name.substring(0, name.length() - 5)).matches()) {
                        deleteTree(p);
                        deleted.add(p);
                    }
                }
            }
        }
        return deleted;
    }

    /**
     * Takes an automatic backup if the newest is older than a day, then prunes to {@code keep}.
     * An empty store is not backed up (it would only push a useful backup out).
     *
     * @return the new backup, if one was taken
     */
    Optional<Path> runIfDue(ChunkedSeriesStore current, int keep, Instant now, Log log)
            throws StoreException, IOException {
        Optional<Instant> newest = newest();
        if (newest.isPresent() && newest.get().plus(DAY).isAfter(now)) {
            return Optional.empty();
        }
        if (current.list().isEmpty()) {
            log.info("daily backup: the store holds no series; nothing to back up");
            return Optional.empty();
        }
        Path taken = backupEmbedded(current.source(), dir.resolve(name(now)));
        List<Path> pruned = prune(keep);
        log.info("daily backup: " + taken + (pruned.isEmpty() ? "" : "; removed " + pruned.size()
                + " older beyond the newest " + keep));
        return Optional.of(taken);
    }

    /**
     * Runs {@link #runIfDue} on a background thread: first {@link #START_DELAY} after start, or
     * when the newest backup turns a day old if that is later; then a day after each backup, an
     * hour after a failure (logged with its reason; the store keeps running).
     *
     * @return the scheduler; shut it down to stop (a backup under way finishes)
     */
    ScheduledExecutorService schedule(Current current, int keep, Log log) {
        return schedule(current, keep, log, START_DELAY);
    }

    /** {@link #schedule(Current, int, Log)} with the first try no earlier than {@code startDelay}. */
    ScheduledExecutorService schedule(Current current, int keep, Log log, Duration startDelay) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tideline-store-backup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        // Shut down, it finishes a backup under way and starts no other.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        Duration first = startDelay;
        try {
            Optional<Instant> newest = newest();
            if (newest.isPresent()) {
                Duration untilDue = Duration.between(Instant.now(), newest.get().plus(DAY));
                first = untilDue.compareTo(first) > 0 ? untilDue : first;
            }
        } catch (IOException e) {
            log.warn("daily backup: cannot list " + dir + ": " + e.getMessage() + "; trying anyway");
        }
        scheduler.schedule(new Runnable() {
            @Override
            public void run() {
                Duration next = DAY;
                try {
                    runIfDue(current.get(), keep, Instant.now(), log);
                } catch (StoreException | IOException | RuntimeException e) {
                    log.warn("daily backup into " + dir + " failed: " + reason(e) + "; next try in an hour");
                    next = RETRY;
                }
                if (!scheduler.isShutdown()) {
                    scheduler.schedule(this, next.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }, first.toMillis(), TimeUnit.MILLISECONDS);
        return scheduler;
    }

    // ---- restore ------------------------------------------------------------------------------

    /**
     * Restores the backup in {@code backup} (a folder made by {@code db backup}, or the database
     * folder inside it) over the store: checks it first (it opens as a Derby database with
     * Tideline's tables, and every series reads back with its listed bar count), refuses to
     * replace a store holding series unless {@code force}, then swaps it in through {@code
     * reopen}. The store before is kept as {@code db.before-restore-TIMESTAMP}.
     *
     * @throws StoreException naming what is missing or damaged, or why it was refused; the store
     *     is then as it was
     */
    Restored restore(Path backup, boolean force, Current current, Reopen reopen) throws StoreException {
        synchronized (exclusive) {
            Path database = databaseIn(backup.toAbsolutePath().normalize());
            Path staging = store.resolveSibling(store.getFileName() + ".restoring-" + STAMP.format(LocalDateTime.now()));
            List<SeriesInfo> restored;
            try {
                restored = check(database, staging);
            } catch (StoreException e) {
                deleteQuietly(staging);
                throw e;
            }
            try {
                List<SeriesInfo> before;
                try {
                    before = current.get().list();
                } catch (StoreException unreadable) {
                    // The case a restore is for: a damaged store. Replace it only when told to.
                    if (!force) {
                        throw new StoreException("the store at " + store + " cannot be read (" + unreadable.getMessage()
                                + "); run again with --force to replace it with the backup (the damaged store is kept"
                                + " as " + store.getFileName() + ".before-restore-TIMESTAMP)", unreadable);
                    }
                    before = List.of();
                }
                if (!before.isEmpty() && !force) {
                    throw new StoreException("the store at " + store + " holds " + before.size() + " series ("
                            + String.format("%,d", bars(before)) + " bars); restoring replaces them with the backup's "
                            + restored.size() + " series (" + String.format("%,d", bars(restored)) + " bars). Run"
                            + " again with --force to replace it (the current store is kept as "
                            + store.getFileName() + ".before-restore-TIMESTAMP)");
                }
                Path aside = store.resolveSibling(store.getFileName() + ".before-restore-"
                        + STAMP.format(LocalDateTime.now()));
                boolean[] moved = new boolean[1];
                reopen.reopen(() -> {
                    try {
                        if (Files.exists(store)) {
                            Files.move(store, aside, StandardCopyOption.ATOMIC_MOVE);
                            moved[0] = true;
                        }
                        Files.move(staging, store, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        if (moved[0] && !Files.exists(store)) {
                            try {
                                Files.move(aside, store, StandardCopyOption.ATOMIC_MOVE);
                                moved[0] = false;
                            } catch (IOException back) {
                                e.addSuppressed(back);
                            }
                        }
                        throw new StoreException("cannot put the restored store in place at " + store + ": "
                                + reason(e) + (moved[0] ? "; the previous store is in " + aside : "; the store was"
                                + " left as it was"), e);
                    }
                });
                return new Restored(database, before, current.get().list(),
                        moved[0] ? Optional.of(aside) : Optional.empty());
            } finally {
                deleteQuietly(staging);
            }
        }
    }

    /** The Derby database folder in {@code backup}: the folder itself, or the one folder inside holding one. */
    static Path databaseIn(Path backup) throws StoreException {
        if (!Files.isDirectory(backup)) {
            throw new StoreException("no backup folder " + backup);
        }
        Path database;
        if (Files.isRegularFile(backup.resolve("service.properties"))) {
            database = backup;
        } else {
            List<Path> inside;
            try (Stream<Path> list = Files.list(backup)) {
                inside = list.filter(p -> Files.isRegularFile(p.resolve("service.properties"))).toList();
            } catch (IOException e) {
                throw new StoreException("cannot read the backup folder " + backup + ": " + e.getMessage(), e);
            }
            if (inside.size() != 1) {
                throw new StoreException(backup + " is not a Tideline backup: " + (inside.isEmpty()
                        ? "it holds no Derby database (no service.properties in it or in a folder inside it)"
                        : "it holds " + inside.size() + " databases; name the one to restore")
                        + ". A backup by 'db backup' is a folder with db/service.properties, db/seg0/ and db/log/");
            }
            database = inside.get(0);
        }
        for (String part : List.of("seg0", "log")) {
            if (!Files.isDirectory(database.resolve(part))) {
                throw new StoreException(database + " is not a complete Tideline backup: " + part + "/ is missing"
                        + " (a backup by 'db backup' holds service.properties, seg0/ and log/)");
            }
        }
        return database;
    }

    /**
     * Restores {@code database} into {@code staging} with Derby and reads every series back.
     *
     * @return the series of the backup
     */
    static List<SeriesInfo> check(Path database, Path staging) throws StoreException {
        String url = "jdbc:derby:" + staging + ";restoreFrom=" + database;
        EmbeddedDriver driver = new EmbeddedDriver();
        try {
            try (Connection c = driver.connect(url, new Properties())) {
                int version = Schema.version(c);
                if (version == 0) {
                    throw new StoreException(database + " is not a Tideline backup: the Derby database in it has no"
                            + " Tideline tables (TL_SCHEMA, TL_SERIES, TL_CHUNK)");
                }
                if (version > Schema.CURRENT) {
                    throw new StoreException("the backup " + database + " has schema version " + version
                            + ", newer than this Tideline understands (" + Schema.CURRENT + "); use a newer Tideline");
                }
            } catch (SQLException e) {
                throw new StoreException("the backup " + database + " does not open as a Derby database: "
                        + reason(e), e);
            }
            ConnectionSource source = new ConnectionSource() {
                @Override
                public Connection open() throws SQLException {
                    return driver.connect("jdbc:derby:" + staging, new Properties());
                }

                @Override
                public String where() {
                    return "the backup " + database;
                }
            };
            ChunkedSeriesStore copy = new ChunkedSeriesStore(source);
            List<SeriesInfo> series = copy.list();
            for (SeriesInfo info : series) {
                SeriesData data = copy.read(info.descriptor().id(), Long.MIN_VALUE, Long.MAX_VALUE);
                if (data.size() != info.count()) {
                    throw new StoreException("the backup " + database + " is damaged: series " + info.descriptor().id()
                            + " lists " + info.count() + " bars but " + data.size() + " read back");
                }
            }
            return series;
        } finally {
            DerbyDatabase.shutdownEmbedded(staging);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static long bars(List<SeriesInfo> series) {
        long n = 0;
        for (SeriesInfo s : series) {
            n += s.count();
        }
        return n;
    }

    /** Derby's message (never a class name), with the SQLState for a search. */
    static String reason(Exception e) {
        if (e instanceof SQLException sql) {
            return sql.getMessage() + " (SQLState " + sql.getSQLState() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : "no reason given";
    }

    private static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            // Only staging copies (NAME.part, db.restoring-TIME) are deleted this way; one that
            // outlives a failure is named as such and holds nothing the user lacks elsewhere.
        }
    }
}
