package io.tideline.feeds;

import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FeedSchedule;
import io.tideline.api.feed.ScheduledFeed;
import io.tideline.api.platform.Problem;
import io.tideline.api.platform.ProblemSource;
import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.store.RecordedFeed;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.feed.http.Printable;
import io.tideline.support.json.JsonFileException;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Calls every {@link FeedConnector} service on a schedule and upserts what it returns; a
 * connector that comes (a jar dropped into deploy/) is scheduled at once, one that goes is
 * unscheduled. With a window or under {@code serve}, feeds refresh by themselves; in a headless
 * one-shot command only {@code feeds run} fetches, so a short command never touches the network
 * behind the user's back.
 *
 * <p>Each feed's health after a run is kept in {@code DATA_DIR/workspace/feed-health.json}
 * ({@link FeedHealthFile}), so a later process shows the last success and failure. A connector
 * that arrives already {@code DOWN} (its settings were refused) is listed with its reason and the
 * reason is logged. A connector that keeps no health of its own ({@code UNKNOWN} after a run)
 * gets the health its run showed ({@link FeedProblems#observed}), so a failed fetch shows its
 * failure rather than UNKNOWN/never. Feeds that are down or stale are reported to {@code status}
 * ({@link FeedProblems}). Every text a connector or its server supplies is echoed through
 * {@link Printable}. The {@code feeds} command ({@link FeedsCommand}) works through the
 * {@link FeedDesk} this component registers.
 *
 * <p>In team mode (the store is shared through a Derby Network Server, {@code mode=server}) one
 * process, the collector, runs the feeds for the desk; see {@link Config#collector()} and
 * {@link #collects}. The others schedule nothing and learn of the collector's writes through
 * the store's change notices. After every run the collector records its feeds' health in the
 * shared store ({@link SeriesStore#recordFeeds}: per feed its state, last success, last error,
 * next run and stale series); the others show that record in {@code feeds status} and report
 * its problems, saying they are the collector's and how old the record is.
 */
@Component(service = {FeedDesk.class, FeedSchedule.class, ProblemSource.class}, immediate = true, configurationPid = FeedScheduler.PID)
@Designate(ocd = FeedScheduler.Config.class)
public final class FeedScheduler implements FeedDesk, FeedSchedule, ProblemSource {

    /** The configuration PID: {@code deploy/io.tideline.feeds.cfg}. */
    public static final String PID = "io.tideline.feeds";

    /** Schedule settings. */
    @ObjectClassDefinition(name = "Feed schedule", description = "How often feeds refresh and how far back a new series is fetched.")
    public @interface Config {

        /** @return minutes between refreshes */
        @AttributeDefinition(name = "Refresh every (minutes)", min = "1", max = "10080")
        int refreshMinutes() default 60;

        /** @return days fetched for a series the store does not hold yet */
        @AttributeDefinition(name = "Backfill (days)", min = "1", max = "36500")
        int backfillDays() default 3650;

        /** @return whether feeds refresh by themselves when a window is open */
        @AttributeDefinition(name = "Refresh automatically")
        boolean autoRefresh() default true;

        /** @return auto, true or false: whether this process runs the feeds for a shared store */
        @AttributeDefinition(name = "Collector", description = "Team mode: whether this Tideline runs the feeds."
                + " auto: yes with a store of its own (embedded) and under 'serve'; no for a window on a shared"
                + " store (mode=server), whose feeds are run by the desk's collector",
                options = {
                    @Option(label = "auto", value = "auto"),
                    @Option(label = "Always (this Tideline is the collector)", value = "true"),
                    @Option(label = "Never (feeds are run by the collector)", value = "false")})
        String collector() default "auto";
    }

    /** The store's service property that says where it is (see the store's configuration). */
    static final String STORE_MODE = "mode";

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private SeriesStore store;
    private boolean sharedStore;

    private final Map<String, FeedState> feeds = new ConcurrentSkipListMap<>();
    private final Map<String, FeedHealthFile.Saved> saved = new ConcurrentHashMap<>();
    private volatile FeedHealthFile healthFile;
    private ScheduledExecutorService executor;
    private volatile Config config;
    private volatile boolean automatic;
    private volatile boolean collects;
    /** Who this collector is in its record in the store: host name and process id, found once. */
    private volatile String collectorName;

    /** The store, and whether it is shared (its configured {@code mode=server} is a service property). */
    @Reference(service = SeriesStore.class)
    void bindStore(SeriesStore store, Map<String, Object> properties) {
        this.store = store;
        this.sharedStore = "server".equals(String.valueOf(properties.get(STORE_MODE)).trim());
    }

    /**
     * Whether this process runs the feeds: {@code collector} is {@code true} or {@code false}
     * as set, or {@code auto}: yes unless the store is shared and this is not {@code serve}
     * (a desk's workbenches share one collector instead of each fetching the same bars).
     *
     * @throws IllegalArgumentException naming the setting and what was expected
     */
    static boolean collects(String collector, boolean sharedStore, boolean serve) {
        return switch (collector == null ? "auto" : collector.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto", "" -> !sharedStore || serve;
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("deploy/" + PID + ".cfg: collector = '" + collector
                    + "': expected auto, true or false");
        };
    }

    @Activate
    void activate(BundleContext context, Config config) {
        this.config = config;
        this.healthFile = new FeedHealthFile(DataDir.of(context.getProperty(DataDir.PROPERTY))
                .resolve("workspace").resolve("feed-health.json"));
        try {
            saved.putAll(healthFile.read());
        } catch (JsonFileException e) {
            logger.warn("feed health of earlier runs not shown: {}; it is written afresh after the next run",
                    Printable.of(e.getMessage()));
        }
        // Headless one-shot commands never fetch behind the user's back; a window and `serve` do.
        boolean serve = Boolean.parseBoolean(context.getProperty("tideline.serve"));
        try {
            this.collects = collects(config.collector(), sharedStore, serve);
        } catch (IllegalArgumentException e) {
            // A wrong value must not make two processes fetch: run no feeds until it is fixed.
            this.collects = false;
            logger.warn("{}; feeds are not run by this Tideline until it is fixed", e.getMessage());
        }
        this.automatic = collects && config.autoRefresh()
                && (!Boolean.parseBoolean(context.getProperty("tideline.headless")) || serve);
        if (!collects) {
            logger.info("feeds are run by the collector: the store is shared and this Tideline is not the"
                    + " collector (collector in deploy/{}.cfg)", PID);
        }
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "tideline-feeds");
            t.setDaemon(true);
            return t;
        });
        // Connectors bound before activation were bound before the logger, too: say now which cannot work.
        feeds.values().forEach(s -> warnIfUnusable(s.connector));
        feeds.values().forEach(this::schedule);
    }

    /** A connector DOWN before it fetched cannot work as configured (its settings were refused): say why. */
    private void warnIfUnusable(FeedConnector connector) {
        FeedHealth health = healthOf(connector, null);
        if (health.state() == FeedHealth.State.DOWN) {
            warn("feed " + connector.source() + " cannot fetch: " + health.lastError());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnector(FeedConnector connector) {
        FeedState state = new FeedState(connector);
        FeedState previous = feeds.put(connector.source(), state);
        if (previous != null) {
            previous.cancel();
            warn("two feed connectors for source " + connector.source() + "; the newer one is used");
        }
        if (executor != null) {
            warnIfUnusable(connector);
            schedule(state);
        }
    }

    void removeConnector(FeedConnector connector) {
        FeedState state = feeds.get(connector.source());
        if (state != null && state.connector == connector) {
            feeds.remove(connector.source());
            state.cancel();
        }
    }

    private void schedule(FeedState state) {
        if (!automatic || executor.isShutdown()) {
            return;
        }
        long period = config.refreshMinutes();
        state.nextRun = System.currentTimeMillis() + 2_000;
        state.future = executor.scheduleWithFixedDelay(() -> {
            runNow(state, msg -> logger.debug("{}", Printable.of(msg)));
            state.nextRun = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(period);
        }, 2, TimeUnit.MINUTES.toSeconds(period), TimeUnit.SECONDS);
    }

    private FeedRun.Outcome runNow(FeedState state, Consumer<String> progress) {
        synchronized (state) {
            long now = System.currentTimeMillis();
            FeedRun.Outcome outcome = FeedRun.run(state.connector, store, now,
                    TimeUnit.DAYS.toMillis(config.backfillDays()), progress);
            state.lastRun = now;
            state.lastOutcome = outcome;
            if (connectorHealth(state.connector).state() == FeedHealth.State.UNKNOWN) {
                FeedHealthFile.Saved before = saved.get(state.connector.source());
                FeedHealth previous = state.observed != null ? state.observed : before == null ? null : before.health();
                FeedProblems.observed(outcome, now, previous).ifPresent(h -> state.observed = h);
            }
            // One line per feed and run: offline, a feed of 30 series would otherwise print 30.
            if (!outcome.errors().isEmpty()) {
                warn("feed " + state.connector.source() + ": " + outcome.errors().size() + " of " + outcome.series()
                        + " series failed; first: " + outcome.errors().get(0));
            }
            remember(state, now);
            recordForDesk(state, now);
            return outcome;
        }
    }

    /**
     * At the collector of a shared store, after a run: every feed's health into the store, for
     * the workbenches that run none (an embedded store is this Tideline's alone: nothing is
     * recorded there). A failure to record is logged; the run stands.
     *
     * @param ran the feed that just ran, whose stale series are worked out afresh
     */
    private void recordForDesk(FeedState ran, long now) {
        if (!collects || !sharedStore) {
            return;
        }
        ran.staleSeries = staleSeries(ran.connector, now);
        long period = TimeUnit.MINUTES.toMillis(config.refreshMinutes());
        List<RecordedFeed> record = new ArrayList<>();
        for (FeedState s : feeds.values()) {
            String source = s.connector.source();
            FeedHealth health = FeedHealthFile.merge(healthOf(s.connector, s.observed), saved.get(source));
            // The scheduler sets nextRun only after the run returns: a run under way is next due a period on.
            long next = !automatic ? 0 : s.nextRun > now ? s.nextRun : now + period;
            record.add(new RecordedFeed(source, health, offeredCount(s.connector), next, s.staleSeries,
                    collectorName(), now));
        }
        try {
            store.recordFeeds(record);
        } catch (StoreException | RuntimeException e) {
            warn("the feeds' health was not recorded in the shared store for the workbenches: " + e.getMessage());
        }
    }

    /** The feed's series whose newest stored bar is stale by the series' cadence ({@link Freshness#staleAge}). */
    private List<String> staleSeries(FeedConnector connector, long now) {
        List<String> stale = new ArrayList<>();
        List<SeriesDescriptor> offered;
        try {
            offered = connector.offered();
        } catch (RuntimeException e) {
            return List.of(); // the run reported the connector's failure already
        }
        for (SeriesDescriptor d : offered) {
            try {
                Optional<SeriesInfo> info = store.info(d.id());
                if (info.isEmpty() || info.get().count() == 0) {
                    continue; // absent, not stale: the run's errors say why it has no bars
                }
                long last = info.get().lastTime();
                // Three weeks of the newest bars tell a daily series that trades at weekends.
                long[] times = store.read(d.id(), last - TimeUnit.DAYS.toMillis(21), last).copyTimes();
                if (Freshness.staleAge(times, d.timeframe(), now) >= 0) {
                    stale.add(d.id().toString());
                }
            } catch (StoreException e) {
                warn("feed " + connector.source() + ": cannot tell whether " + d.id() + " is stale: " + e.getMessage());
            }
        }
        return List.copyOf(stale);
    }

    private static int offeredCount(FeedConnector connector) {
        try {
            return connector.offered().size();
        } catch (RuntimeException e) {
            return 0; // as feeds status counts a connector that fails to say what it offers
        }
    }

    /** This Tideline as its record names it: "HOST (pid N)". */
    private String collectorName() {
        String name = collectorName;
        if (name == null) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown host";
            }
            name = host + " (pid " + ProcessHandle.current().pid() + ")";
            collectorName = name;
        }
        return name;
    }

    /** Keeps the feed's health after a run in feed-health.json; a failure to write is logged, the run stands. */
    private void remember(FeedState state, long now) {
        FeedConnector connector = state.connector;
        FeedHealth health = healthOf(connector, state.observed);
        if (health.state() == FeedHealth.State.UNKNOWN) {
            return;
        }
        FeedHealth merged = FeedHealthFile.merge(health, saved.get(connector.source()));
        saved.put(connector.source(), FeedHealthFile.Saved.of(merged, now));
        FeedHealthFile file = healthFile;
        if (file == null) {
            return;
        }
        try {
            file.write(Map.copyOf(saved));
        } catch (IOException | RuntimeException e) {
            warn("feed health not kept for later runs: " + file.path() + " could not be written ("
                    + Printable.of(e.getMessage()) + ")");
        }
    }

    /**
     * The connector's health; when it reports {@code UNKNOWN}, what its last run here showed
     * ({@code observed}, may be null).
     */
    private static FeedHealth healthOf(FeedConnector connector, FeedHealth observed) {
        FeedHealth h = connectorHealth(connector);
        return h.state() == FeedHealth.State.UNKNOWN && observed != null ? observed : h;
    }

    /** The connector's health, or DOWN with why when the connector throws instead of answering. */
    private static FeedHealth connectorHealth(FeedConnector connector) {
        try {
            FeedHealth h = connector.health();
            return h == null ? new FeedHealth(FeedHealth.State.DOWN, 0, "the connector reported no health") : h;
        } catch (RuntimeException e) {
            return new FeedHealth(FeedHealth.State.DOWN, 0, "the connector failed to report its health: "
                    + Printable.of(e.getMessage()));
        }
    }

    private void warn(String message) {
        Logger l = logger;
        if (l != null) {
            l.warn("{}", Printable.of(message));
        }
    }

    /** A connector and what the scheduler knows of it. */
    private static final class FeedState {
        final FeedConnector connector;
        volatile ScheduledFuture<?> future;
        volatile long nextRun;
        volatile long lastRun;
        volatile FeedRun.Outcome lastOutcome;
        /** The health the last run showed, for a connector that reports UNKNOWN; null before a run. */
        volatile FeedHealth observed;
        /** The feed's stale series after its last run, as recorded for the desk (collector of a shared store). */
        volatile List<String> staleSeries = List.of();

        FeedState(FeedConnector connector) {
            this.connector = connector;
        }

        void cancel() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    // ---- what the 'feeds' command works through ---------------------------------------------

    @Override
    public Set<String> sources() {
        return Collections.unmodifiableSet(new TreeSet<>(feeds.keySet()));
    }

    @Override
    public List<Feed> feeds() {
        List<Feed> list = new ArrayList<>();
        for (FeedState s : feeds.values()) {
            FeedHealth live = healthOf(s.connector, s.observed);
            FeedHealthFile.Saved before = saved.get(s.connector.source());
            int series;
            try {
                series = s.connector.offered().size();
            } catch (RuntimeException e) {
                series = 0;
            }
            list.add(new Feed(s.connector.source(), FeedHealthFile.merge(live, before), series, s.nextRun,
                    live.state() == FeedHealth.State.UNKNOWN && before != null
                            ? OptionalLong.of(before.recordedMillis()) : OptionalLong.empty()));
        }
        return List.copyOf(list);
    }

    @Override
    public List<ScheduledFeed> scheduled() {
        long now = System.currentTimeMillis();
        List<ScheduledFeed> list = new ArrayList<>();
        for (Feed f : feeds()) {
            FeedState s = feeds.get(f.source());
            List<String> stale = s == null ? List.of() : staleSeries(s.connector, now);
            list.add(new ScheduledFeed(f.source(), f.health(), f.series(), automatic ? f.nextRun() : 0, stale));
        }
        list.sort(java.util.Comparator.comparing(ScheduledFeed::source));
        return List.copyOf(list);
    }

    @Override
    public List<RecordedFeed> collectorsFeeds() throws StoreException {
        return store.recordedFeeds();
    }

    @Override
    public Optional<FeedRun.Outcome> run(String source, Consumer<String> progress) {
        FeedState state = feeds.get(source);
        return state == null ? Optional.empty() : Optional.of(runNow(state, progress));
    }

    @Override
    public boolean automatic() {
        return automatic;
    }

    @Override
    public boolean collects() {
        return collects;
    }

    @Override
    public int refreshMinutes() {
        return config.refreshMinutes();
    }

    /**
     * Not the collector: this process fetches nothing, so its own record of the feeds (never run
     * here, or stale from before team mode) says nothing about the desk's; the collector's record
     * in the shared store does. None before a collector recorded one.
     */
    private List<Problem> collectorsProblems(long now, long staleAfter) {
        if (!sharedStore) {
            return List.of(); // collector=false on a store of its own: nobody runs its feeds, as set
        }
        List<RecordedFeed> recorded;
        try {
            recorded = store.recordedFeeds();
        } catch (StoreException e) {
            // The store's own problem (the server away, say) is the store's to report in status.
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        recorded.stream().max(java.util.Comparator.comparingLong(RecordedFeed::recordedMillis))
                .flatMap(newest -> FeedProblems.collectorSilent(newest, now, staleAfter)).ifPresent(problems::add);
        for (RecordedFeed f : recorded) {
            FeedProblems.ofCollector(f, now, staleAfter).ifPresent(problems::add);
        }
        return problems;
    }

    /** Feeds that are DOWN (a refused setting among them) or stale, one line each. */
    @Override
    public List<Problem> problems() {
        Config c = config;
        if (c == null) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        long staleAfter = FeedProblems.staleAfterMillis(c.refreshMinutes());
        if (!collects) {
            return collectorsProblems(now, staleAfter);
        }
        List<Problem> problems = new ArrayList<>();
        for (FeedState s : feeds.values()) {
            FeedHealth live = healthOf(s.connector, s.observed);
            FeedHealthFile.Saved before = saved.get(s.connector.source());
            FeedHealth h = FeedHealthFile.merge(live, before);
            long recorded = live.state() == FeedHealth.State.UNKNOWN && before != null ? before.recordedMillis() : 0;
            FeedProblems.of(s.connector.source(), h, recorded, now, staleAfter).ifPresent(problems::add);
        }
        return problems;
    }
}
