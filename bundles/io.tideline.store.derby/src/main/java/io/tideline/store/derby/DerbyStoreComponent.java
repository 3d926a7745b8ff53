package io.tideline.store.derby;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.BatchSource;
import io.tideline.api.store.RecordedFeed;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.store.StoreHealth;
import io.tideline.api.store.WriteSummary;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The {@link SeriesStore} service, and the {@link StoreDesk} that the {@code db} command
 * ({@link DbCommand}) works through. Opens the database in the
 * background on activation (a cold Derby boot takes a second or two, and no window should wait
 * for it); operations wait for it. Posts {@link SeriesEvents#TOPIC_APPENDED} after every
 * committed write with data, and {@link SeriesEvents#TOPIC_DELETED} after a delete. In server
 * mode it also posts them, with the same properties, for the writes and deletes of other
 * processes sharing the server, read from the store's change log by a {@link ChangePoller}.
 */
@Component(service = {SeriesStore.class, StoreDesk.class}, configurationPid = DerbyStoreComponent.PID)
@Designate(ocd = DerbyStoreComponent.Config.class)
public final class DerbyStoreComponent implements SeriesStore, StoreDesk {

    /** The configuration PID: {@code deploy/io.tideline.store.derby.cfg}. */
    public static final String PID = "io.tideline.store.derby";

    /** Where the series are stored. */
    @ObjectClassDefinition(name = "Series store (Apache Derby)",
            description = "Embedded Derby under the data directory, or a Derby Network Server shared by a team.")
    public @interface Config {

        /** @return embedded or server */
        @AttributeDefinition(name = "Mode", options = {
            @Option(label = "Embedded (this computer, one process at a time)", value = "embedded"),
            @Option(label = "Derby Network Server (shared)", value = "server")})
        String mode() default "embedded";

        /** @return the network URL */
        @AttributeDefinition(name = "Server URL", required = false,
                description = "For mode=server: jdbc:derby://HOST:PORT/DATABASE;create=true")
        String url() default "";

        /** @return the server user */
        @AttributeDefinition(name = "User", required = false)
        String user() default "";

        /** @return the password; the leading dot keeps it off the service properties */
        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String _password() default "";

        /** @return the server certificate's pinned SHA-256 fingerprint */
        @AttributeDefinition(name = "Server certificate fingerprint", required = false,
                description = "For mode=server over TLS: the SHA-256 fingerprint tideline-db-server prints"
                        + " (hex, colons optional); only a server with this certificate is accepted")
        String certificateFingerprint() default "";

        /** @return a trust store for the server's certificate */
        @AttributeDefinition(name = "Trust store", required = false,
                description = "For mode=server over TLS, instead of a fingerprint: a PKCS#12 or JKS file of the"
                        + " certificates (or CA) to trust; the server's host name is checked too")
        String truststore() default "";

        /** @return the trust store's password; the leading dot keeps it off the service properties */
        @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD, required = false)
        String _truststorePassword() default "";

        /** @return the schema holding the store */
        @AttributeDefinition(name = "Schema", required = false,
                description = "For a read-only store user (team mode reader): the collector's store user, whose"
                        + " schema holds the store; empty for the user's own")
        String schema() default "";

        /** @return whether to back up an embedded store every day */
        @AttributeDefinition(name = "Daily backups", description = "Embedded mode: back up the store every 24 h"
                + " on a background thread (first 2 minutes after start if the newest backup is a day old)")
        boolean backup_daily() default true;

        /** @return how many daily backups to keep */
        @AttributeDefinition(name = "Backups kept", min = "1", description = "The newest N backups named"
                + " db-YYYYMMDD-HHMMSS are kept; older ones are deleted after each new backup")
        int backup_keep() default 7;

        /** @return the backups folder; empty for DATA_DIR/backups */
        @AttributeDefinition(name = "Backup folder", required = false,
                description = "Where daily backups and 'db backup' without a folder go (default DATA_DIR/backups)")
        String backup_dir() default "";
    }

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    /** How long after a first failure to reach the store server it is tried again. */
    static final long FIRST_RETRY_MILLIS = 1_000;
    /** The longest pause between two attempts to reach the store server. */
    static final long MAX_RETRY_MILLIS = 30_000;

    private volatile CompletableFuture<ChunkedSeriesStore> store;
    /** Why the store server could not be reached at the last attempt to open; null once open. */
    private volatile String unreachable;
    /** Done once the first attempt to open ended, either way: until then operations wait for it. */
    private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
    private Thread opener;
    private String mode;
    private Path folder;
    private Config config;
    private Backups backups;
    private ScheduledExecutorService dailyBackups;
    private CheckRecord checkRecord;
    private volatile ChangePoller poller;
    private volatile boolean stopped;

    @Activate
    void activate(BundleContext context, Config config) {
        mode = config.mode().trim();
        folder = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("db");
        this.config = config;
        checkRecord = new CheckRecord(folder.resolveSibling(CheckRecord.FILE_NAME));
        backups = new Backups(folder, config.backup_dir().isBlank() ? folder.resolveSibling("backups")
                : Path.of(config.backup_dir().trim()));
        if (config.backup_daily() && "embedded".equals(mode)) {
            dailyBackups = backups.schedule(this::store, config.backup_keep(), log(logger));
        }
        CompletableFuture<ChunkedSeriesStore> opening = new CompletableFuture<>();
        store = opening;
        Thread opener = new Thread(() -> openUntilReachable(config, opening), "tideline-store-open");
        opener.setDaemon(true);
        this.opener = opener;
        opener.start();
    }

    /**
     * Opens the store into {@code opening}. A server that cannot be reached (down, restarting, the
     * network away) is tried again, {@link #FIRST_RETRY_MILLIS} ms after the first failure and
     * then twice as long each time up to {@link #MAX_RETRY_MILLIS}, until it answers or the
     * component stops: a workbench started before its server connects by itself once the server
     * is up, and meanwhile every operation fails at once with the reason ({@link #store()})
     * rather than waiting. Any other failure (a wrong password, a damaged folder) is final.
     */
    private void openUntilReachable(Config config, CompletableFuture<ChunkedSeriesStore> opening) {
        try {
            retryUntilReachable(config, opening);
        } finally {
            firstAttempt.complete(null);
        }
    }

    private void retryUntilReachable(Config config, CompletableFuture<ChunkedSeriesStore> opening) {
        long pause = FIRST_RETRY_MILLIS;
        while (!opening.isDone()) {
            try {
                ChunkedSeriesStore opened = open(config);
                if (!opening.complete(opened)) {
                    opened.source().close(); // stopped while it connected
                    return;
                }
                if (unreachable != null) {
                    unreachable = null;
                    logger.info("the store server answers: {} is open", opened.where());
                    announceLateOpen(opened);
                }
                return;
            } catch (StoreException e) {
                String state = ChangePoller.connectionState(e);
                // A refused login (08004) is not a server away: trying again cannot help.
                if (!"server".equals(mode) || state == null || "08004".equals(state)) {
                    logger.error("{}", e.getMessage());
                    opening.completeExceptionally(e);
                    return;
                }
                if (unreachable == null) {
                    logger.warn("{}; this Tideline retries by itself", e.getMessage());
                }
                unreachable = e.getMessage();
                firstAttempt.complete(null);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException stopped) {
                return;
            }
            pause = Math.min(MAX_RETRY_MILLIS, pause * 2);
        }
    }

    /** Every stored series as appended: views, the checklist and alerts loaded nothing while the server was away. */
    private void announceLateOpen(ChunkedSeriesStore opened) {
        try {
            announce(opened.list(), List.of());
        } catch (StoreException e) {
            logger.warn("the store opened but its series could not be listed for the views: {}", e.getMessage());
        }
    }

    private ChunkedSeriesStore open(Config config) throws StoreException {
        long t0 = System.nanoTime();
        ConnectionSource source = switch (mode) {
            case "embedded" -> DerbyDatabase.embedded(folder);
            case "server" -> DerbyDatabase.network(config.url().trim(), config.user(), config._password(),
                    ServerTrust.of(config.certificateFingerprint(), config.truststore(), config._truststorePassword()),
                    config.schema());
            default -> throw new StoreException("store mode '" + mode + "' in " + PID
                    + ".cfg is not one of: embedded, server");
        };
        boolean shared = "server".equals(mode);
        ChunkedSeriesStore opened = new ChunkedSeriesStore(source, shared);
        logger.info("series store open at {} in {} ms", source.where(), (System.nanoTime() - t0) / 1_000_000);
        if (shared) {
            startPolling(opened);
        }
        return opened;
    }

    /** Posts the writes and deletes of other processes sharing the server (see {@link ChangePoller}). */
    private synchronized void startPolling(ChunkedSeriesStore opened) {
        if (stopped) {
            return;
        }
        poller = ChangePoller.start(opened, new ChangePoller.Listener() {
            @Override
            public void appended(String series, long from, long to, int count) {
                post(SeriesEvents.TOPIC_APPENDED, Map.of(SeriesEvents.SERIES, series, SeriesEvents.FROM, from,
                        SeriesEvents.TO, to, SeriesEvents.COUNT, count));
            }

            @Override
            public void deleted(String series) {
                post(SeriesEvents.TOPIC_DELETED, Map.of(SeriesEvents.SERIES, series));
            }

            @Override
            public void connection(String problem, String detail) {
                if (problem == null) {
                    logger.info("change notices from {} resumed", opened.where());
                } else {
                    logger.warn("{} ({})", problem, detail);
                }
            }
        });
    }

    @Deactivate
    void deactivate() {
        // A store still trying to reach its server stops trying; one connecting now is closed
        // by its opener when it connects.
        if ("server".equals(mode)
                && store.completeExceptionally(new StoreException("the series store was stopped before it opened"))) {
            opener.interrupt();
        }
        synchronized (this) {
            stopped = true;
            if (poller != null) {
                poller.stop();
            }
        }
        if (dailyBackups != null) {
            // A backup under way finishes (an interrupt would only make Derby retry its I/O);
            // one not yet started is dropped.
            dailyBackups.shutdown();
            try {
                dailyBackups.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            store.join();
        } catch (RuntimeException failedToOpen) {
            return;
        }
        if ("embedded".equals(mode)) {
            // Releases Derby's lock on the folder, so another process (or this bundle, restarted)
            // can open it.
            DerbyDatabase.shutdownEmbedded(folder);
        } else {
            store.join().source().close(); // the pool's idle connections to the server
        }
    }

    /**
     * Closes the embedded store, runs {@code swap} (a restore replacing its folder), and opens
     * it again. Operations started meanwhile wait for the reopened store; one running at the
     * moment it closes fails with an error (its transaction rolled back) and can be repeated.
     */
    private synchronized void reopen(Backups.Swap swap) throws StoreException {
        try {
            store.join(); // a first open still under way finishes before the folder changes
        } catch (RuntimeException failedToOpen) {
            // A store that did not open (damaged, say) is what a restore replaces.
        }
        CompletableFuture<ChunkedSeriesStore> reopened = new CompletableFuture<>();
        store = reopened;
        DerbyDatabase.shutdownEmbedded(folder);
        StoreException failed = null;
        try {
            swap.run();
        } catch (StoreException e) {
            failed = e;
        }
        try {
            ChunkedSeriesStore opened = open(config);
            if (failed == null) {
                // The damage recorded for the old store does not describe the restored one:
                // check the restored store now, so status and the status bar tell the truth.
                recordCheck(opened);
            }
            reopened.complete(opened);
        } catch (StoreException e) {
            reopened.completeExceptionally(e);
            if (failed != null) {
                failed.addSuppressed(e);
            } else {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void recordCheck(ChunkedSeriesStore opened) throws StoreException {
        try {
            checkRecord.checked(opened.check(), java.time.Instant.now());
        } catch (IOException e) {
            logger.warn("cannot record the check of the restored store in {}: {}", CheckRecord.FILE_NAME, e.getMessage());
        }
    }

    @Override
    public ChunkedSeriesStore store() throws StoreException {
        try {
            firstAttempt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the store was opening", e);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("the first attempt to open is only ever completed normally", impossible);
        }
        CompletableFuture<ChunkedSeriesStore> current = store;
        String away = unreachable;
        if (away != null && !current.isDone()) {
            throw new StoreException(away + "; this Tideline keeps trying and connects by itself once the server"
                    + " answers");
        }
        try {
            return current.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw new StoreException(se.getMessage(), se);
            }
            throw new StoreException("the store failed to open: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the store was opening", e);
        }
    }

    @Override
    public void upsert(SeriesDescriptor descriptor, SeriesData data) throws StoreException {
        try {
            upsertAll(descriptor, ChunkedSeriesStore.singleBatch(data));
        } catch (IOException impossible) {
            throw new IllegalStateException("an in-memory batch cannot fail to read", impossible);
        }
    }

    @Override
    public WriteSummary upsertAll(SeriesDescriptor descriptor, BatchSource batches) throws StoreException, IOException {
        ChunkedSeriesStore.Written written;
        try {
            written = store().write(descriptor, batches);
        } catch (Damage.DamagedException e) {
            throw recorded(e);
        }
        WriteSummary summary = written.summary();
        if (summary.bars() > 0) {
            post(SeriesEvents.TOPIC_APPENDED, Map.of(SeriesEvents.SERIES, descriptor.id().toString(),
                    SeriesEvents.FROM, written.from(), SeriesEvents.TO, written.to(),
                    SeriesEvents.COUNT, (int) Math.min(Integer.MAX_VALUE, summary.bars())));
        }
        return summary;
    }

    @Override
    public SeriesData read(SeriesId id, long fromMillis, long toMillis) throws StoreException {
        try {
            return store().read(id, fromMillis, toMillis);
        } catch (Damage.DamagedException e) {
            throw recorded(e);
        }
    }

    /** Keeps damage a read or write met in the check record, for status and the status bar. */
    private Damage.DamagedException recorded(Damage.DamagedException e) {
        try {
            checkRecord.damaged(e.damage());
        } catch (IOException notRecorded) {
            logger.warn("cannot record the damage of {} in {}: {}", e.damage().series(), CheckRecord.FILE_NAME,
                    notRecorded.getMessage());
        }
        logger.error("{}", e.getMessage());
        return e;
    }

    @Override
    public StoreHealth health() {
        try {
            store();
        } catch (StoreException e) {
            return new StoreHealth(StoreHealth.Status.UNAVAILABLE, checkRecord.read().checkedAt(), List.of(e.getMessage()));
        }
        StoreHealth recorded = checkRecord.read();
        ChangePoller p = poller;
        String away = p == null ? null : p.problem();
        if (away != null) {
            // The server is away (the poller retries by itself): status and the status bar say
            // so until it is back; the recorded check is shown again then.
            return new StoreHealth(StoreHealth.Status.UNAVAILABLE, recorded.checkedAt(), List.of(away));
        }
        return recorded;
    }

    @Override
    public List<SeriesInfo> list() throws StoreException {
        return store().list();
    }

    @Override
    public Optional<SeriesInfo> info(SeriesId id) throws StoreException {
        return store().info(id);
    }

    @Override
    public boolean delete(SeriesId id) throws StoreException {
        boolean existed = store().delete(id);
        if (existed) {
            post(SeriesEvents.TOPIC_DELETED, Map.of(SeriesEvents.SERIES, id.toString()));
        }
        return existed;
    }

    /**
     * Keeps the collector's feed health in a shared store; an embedded store is one Tideline's
     * own, which keeps its feed health in its workspace (feed-health.json), so nothing is written.
     */
    @Override
    public void recordFeeds(List<RecordedFeed> feeds) throws StoreException {
        if ("server".equals(mode)) {
            store().recordFeeds(feeds);
        }
    }

    @Override
    public List<RecordedFeed> recordedFeeds() throws StoreException {
        return "server".equals(mode) ? store().recordedFeeds() : List.of();
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }

    // ---- what the 'db' command works through ----------------------------------------------

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public Integrity.Report check(ChunkedSeriesStore opened) throws StoreException, IOException {
        Integrity.Report report = opened.check();
        checkRecord.checked(report, java.time.Instant.now());
        return report;
    }

    @Override
    public Backups backups() {
        return backups;
    }

    @Override
    public Backups.Restored restore(Path backup, boolean force) throws StoreException {
        Backups.Restored restored = backups.restore(backup, force, this::store, this::reopen);
        announce(restored.after(), restored.before());
        return restored;
    }

    /**
     * Every series of {@code after} as appended, and those of {@code before} it lacks as deleted,
     * so that open views, the checklist and alerts reload (a restore, a store opened late).
     */
    private void announce(List<SeriesInfo> after, List<SeriesInfo> before) {
        Set<String> now = new HashSet<>();
        for (SeriesInfo s : after) {
            String id = s.descriptor().id().toString();
            now.add(id);
            if (s.count() > 0) {
                post(SeriesEvents.TOPIC_APPENDED, Map.of(SeriesEvents.SERIES, id, SeriesEvents.FROM,
                        s.firstTime(), SeriesEvents.TO, s.lastTime(), SeriesEvents.COUNT,
                        (int) Math.min(Integer.MAX_VALUE, s.count())));
            }
        }
        for (SeriesInfo s : before) {
            String id = s.descriptor().id().toString();
            if (!now.contains(id)) {
                post(SeriesEvents.TOPIC_DELETED, Map.of(SeriesEvents.SERIES, id));
            }
        }
    }

    /** The daily backups' log lines, into the component's logger. */
    private static Backups.Log log(Logger logger) {
        return new Backups.Log() {
            @Override
            public void info(String message) {
                logger.info("{}", message);
            }

            @Override
            public void warn(String message) {
                logger.warn("{}", message);
            }
        };
    }
}
