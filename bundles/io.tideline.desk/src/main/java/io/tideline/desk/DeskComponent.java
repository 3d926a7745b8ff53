package io.tideline.desk;

import io.tideline.api.alerts.AlertEvents;
import io.tideline.api.alerts.Alerts;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.desk.CorrelationMatrix;
import io.tideline.api.desk.Curve;
import io.tideline.api.desk.Desk;
import io.tideline.api.desk.DeskEvents;
import io.tideline.api.desk.DeskListener;
import io.tideline.api.desk.DeskSnapshot;
import io.tideline.api.desk.FeedStatus;
import io.tideline.api.desk.LiveReading;
import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FeedSchedule;
import io.tideline.api.feed.ScheduledFeed;
import io.tideline.api.indicator.CorrelationCurve;
import io.tideline.api.indicator.CorrelationQuery;
import io.tideline.api.indicator.Correlations;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.LiveIndicators;
import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.RecordedFeed;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Checklist;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.Portfolio;
import io.tideline.scenario.api.PortfolioException;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.Scenarios;
import io.tideline.scenario.api.SkillSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The desk ({@link Desk}): the one headless component that owns the live state of the newest
 * data and that every desk view reads. When new bars settle (a feed writes its series one after
 * another: {@value #SETTLE_MILLIS} ms after the last announcement), when roles are rebound or a
 * service it reads comes or goes, it computes a {@link DeskSnapshot} on its own thread: the
 * checklist's latest verdict and timeline (both kept and extended by the checklist), the scenario
 * reports of the day and of the day before (the day before reused from the last snapshot when
 * only later bars arrived), the correlation board, the live indicator readings of a graph the
 * engine keeps up to date ({@link IndicatorEngine#live}); it then posts
 * {@link DeskEvents#TOPIC_UPDATED} and tells the views. A question about the newest data that the
 * snapshot holds is answered from it while no change has come since; any other question (another
 * day, other roles, a portfolio) is computed as asked.
 *
 * <p>Every service is optional and dynamic, so the views stay open (and say what is missing)
 * while a store, checklist or feed comes and goes; what could not be made is named in the
 * snapshot's problems. Alerts are the alerts bundle's: this component computes none and writes
 * none. It reads them from the {@link Alerts} service and passes each one fired
 * ({@link AlertEvents#TOPIC_FIRED}) on to the views from its own thread. A verdict or scenario
 * report asked for no day in particular is of the workspace's as-of date when one is set
 * ({@link WorkspaceDate}), else of the newest data; a change of that date refreshes the views.
 */
@Component(service = {Desk.class, DeskRuns.class, EventHandler.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_DELETED,
    EventConstants.EVENT_TOPIC + "=" + Roles.TOPIC_CHANGED,
    EventConstants.EVENT_TOPIC + "=" + AlertEvents.TOPIC_FIRED,
    EventConstants.EVENT_TOPIC + "=" + WorkspaceDate.TOPIC_CHANGED})
public final class DeskComponent implements Desk, DeskRuns, EventHandler {

    /** Feeds write their series one after another: wait for quiet before recomputing. */
    static final long SETTLE_MILLIS = 1_500;
    /** The most alerts the views list. */
    static final int MAX_ALERTS = 500;
    private static final long DAY = 86_400_000L;
    /** Days the full recompute replays: more than any kept walk holds (see {@link #recomputeFully}). */
    private static final int FULL_REPLAY_DAYS = 1_000;
    /** Calendar days of bars read to judge a series' freshness (see {@link #staleAge}). */
    private static final long RECENT_DAYS = 60;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SeriesStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RoleBindings bindings;

    /** The one correlation definition (the engine's): the heatmap only shows its numbers. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Correlations correlator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WorkspaceDate workspaceDate;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /** The feed scheduler: next runs and stale series; without it, the connectors' own health. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeedSchedule feedSchedule;

    private volatile Checklist checklist;
    private volatile Scenarios scenarioService;
    private volatile IndicatorEngine engine;
    private volatile Alerts alertService;

    private final List<FeedConnector> connectors = new CopyOnWriteArrayList<>();
    private final List<DeskListener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService worker;
    private ScheduledFuture<?> pending;

    /** The newest snapshot published. */
    private volatile DeskSnapshot current = DeskSnapshot.none();
    /** Counts every change that can make a snapshot out of date (data, roles, services). */
    private final AtomicLong changes = new AtomicLong();
    /** The value of {@link #changes} the current snapshot was computed at; -1 when none. */
    private volatile long currentAt = -1;
    /**
     * Since the last snapshot: the earliest time from which bars were appended, and whether
     * anything else changed (a deletion, roles, a service): whether the day before can be reused.
     */
    private long appendedFrom = Long.MAX_VALUE;
    private boolean otherChange;
    /** The live indicator graph, on the desk's thread only; null when no engine or role. */
    private LiveIndicators live;
    /** The live graph's nodes; written on the desk's thread, read by the desk command too. */
    private volatile List<Board.Node> liveNodes = List.of();
    private final AtomicLong computedAnswers = new AtomicLong();
    /** One update at a time (the desk's thread, or a caller of {@link #update}). */
    private final Object updating = new Object();

    /** For DS. */
    public DeskComponent() {
    }

    /** For use without DS (tests, benchmarks), which start it with {@link #start}. */
    public DeskComponent(Logger logger) {
        this.logger = logger;
    }

    @Activate
    void activate() {
        start();
        changed(false);
    }

    /**
     * For tests, which give it real services without DS: the store, the role bindings, the
     * workspace's date and the correlations.
     */
    public void services(SeriesStore store, RoleBindings bindings, WorkspaceDate workspaceDate,
            Correlations correlations) {
        this.store = store;
        this.bindings = bindings;
        this.workspaceDate = workspaceDate;
        this.correlator = correlations;
    }

    /** For use without DS: the checklist, the scenario service and the engine (each may be null). */
    public void analytics(Checklist checklist, Scenarios scenarios, IndicatorEngine engine) {
        this.checklist = checklist;
        this.scenarioService = scenarios;
        this.engine = engine;
    }

    /** Activation proper: the thread that settles new data and passes fired alerts on. */
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tideline-desk-data");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    public void stop() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (live != null) {
            live.close();
            live = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindChecklist(Checklist service) {
        checklist = service;
        serviceChanged();
    }

    void unbindChecklist(Checklist service) {
        if (checklist == service) {
            checklist = null;
        }
        serviceChanged();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindScenarios(Scenarios service) {
        scenarioService = service;
        serviceChanged();
    }

    void unbindScenarios(Scenarios service) {
        if (scenarioService == service) {
            scenarioService = null;
        }
        serviceChanged();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEngine(IndicatorEngine service) {
        engine = service;
        serviceChanged();
    }

    void unbindEngine(IndicatorEngine service) {
        if (engine == service) {
            engine = null;
        }
        serviceChanged();
    }

    /** A service the snapshot is made of came or went: a new snapshot, the live graph anew. */
    private void serviceChanged() {
        if (worker != null) {
            changed(true);
        }
    }

    /** The alerts bundle's service: the views reload their alert list when it comes or goes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAlerts(Alerts service) {
        alertService = service;
        listeners.forEach(DeskListener::alertsChanged);
    }

    void unbindAlerts(Alerts service) {
        if (alertService == service) {
            alertService = null;
        }
        listeners.forEach(DeskListener::alertsChanged);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnector(FeedConnector connector) {
        connectors.add(connector);
        listeners.forEach(DeskListener::feedsChanged);
    }

    void removeConnector(FeedConnector connector) {
        connectors.remove(connector);
        listeners.forEach(DeskListener::feedsChanged);
    }

    @Override
    public Map<String, SeriesId> roles() {
        RoleBindings b = bindings;
        return b == null ? Map.of() : b.all();
    }

    @Override
    public Optional<WorkspaceDate.Pinned> pinned() {
        WorkspaceDate w = workspaceDate;
        return w == null ? Optional.empty() : w.pinned();
    }

    @Override
    public long staleAge(SeriesId id, long asOf) {
        SeriesStore s = store;
        if (s == null) {
            return -1;
        }
        try {
            Optional<SeriesInfo> found = s.info(id);
            if (found.isEmpty() || found.get().count() == 0 || found.get().firstTime() > asOf) {
                return -1;
            }
            SeriesInfo info = found.get();
            // The newest bars by then: two months hold the 14 bars the weekend rule reads and the
            // newest bar of any series that is not stale; only a series quiet for longer needs all.
            long to = Math.min(info.lastTime(), asOf);
            long[] times = s.read(id, Math.max(info.firstTime(), to - RECENT_DAYS * DAY), to).copyTimes();
            if (times.length == 0) {
                times = s.read(id, info.firstTime(), to).copyTimes();
            }
            return Freshness.staleAge(times, info.descriptor().timeframe(), asOf);
        } catch (StoreException e) {
            // The matrix load reports the store's trouble; a stale mark just goes missing.
            return -1;
        }
    }

    @Override
    public CorrelationMatrix correlations(List<String> roles, int window, LocalDate day) throws StoreException {
        DeskSnapshot snap = fresh();
        if (snap != null && snap.board() != null && roles.equals(BOARD_ROLES) && window == BOARD_WINDOW
                && day != null && day.equals(snap.day())) {
            return snap.board();
        }
        computedAnswers.incrementAndGet();
        return matrix(roles, window, day);
    }

    /** The correlation matrix, computed. */
    private CorrelationMatrix matrix(List<String> roles, int window, LocalDate day) throws StoreException {
        Correlations c = require(correlator, "indicator engine (correlations)");
        RoleBindings b = require(bindings, "workspace (role bindings)");
        long cap = lastMillis(day);
        int n = roles.size();
        List<String> series = new ArrayList<>(n);
        for (String role : roles) {
            series.add(b.get(role).map(SeriesId::toString).orElse(null));
        }
        // Every pair of the bound roles at once: each series is read once, not once per pair.
        List<Integer> bound = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (series.get(i) != null) {
                bound.add(i);
            }
        }
        List<CorrelationCurve> curves = c.correlateAll(bound.stream().map(roles::get).toList(), window, 1, cap);
        CorrelationCurve[][] byPair = new CorrelationCurve[n][n];
        int next = 0;
        for (int r = 0; r < bound.size(); r++) {
            for (int k = r; k < bound.size(); k++) {
                byPair[bound.get(r)][bound.get(k)] = curves.get(next++);
            }
        }
        double[][] values = new double[n][n];
        long[][] asOf = new long[n][n];
        for (int r = 0; r < n; r++) {
            for (int k = r; k < n; k++) {
                double v = Double.NaN;
                long last = 0;
                CorrelationCurve curve = byPair[r][k];
                if (curve != null) {
                    v = curve.last();
                    last = curve.lastCommonDay();
                }
                // A series with a window of changes correlates 1 with itself (not 0.9999999999999998).
                v = r == k && !Double.isNaN(v) ? 1.0 : v;
                values[r][k] = v;
                values[k][r] = v;
                asOf[r][k] = last;
                asOf[k][r] = last;
            }
        }
        return new CorrelationMatrix(roles, series, window, values, asOf);
    }

    @Override
    public Curve correlationHistory(String a, String b, int window, int days, LocalDate day) throws StoreException {
        DeskSnapshot snap = fresh();
        if (snap != null && snap.pair() != null && List.of(a, b).equals(BOARD_PAIR) && window == BOARD_WINDOW
                && days == TIMELINE_DAYS && day == null) {
            return snap.pair();
        }
        computedAnswers.incrementAndGet();
        return history(a, b, window, days, day);
    }

    /** The rolling correlation of two roles, computed. */
    private Curve history(String a, String b, int window, int days, LocalDate day) throws StoreException {
        Correlations c = require(correlator, "indicator engine (correlations)");
        RoleBindings rb = require(bindings, "workspace (role bindings)");
        SeriesId idA = rb.get(a).orElseThrow(() -> new IllegalStateException("role " + a + " is not bound"));
        SeriesId idB = rb.get(b).orElseThrow(() -> new IllegalStateException("role " + b + " is not bound"));
        String label = "correlation(" + a + ", " + b + ", " + window + ")";
        String source = a + " = " + idA + ", " + b + " = " + idB;
        // The same numbers as the heatmap's cell: its last point is the cell as of that day.
        CorrelationCurve curve = c.correlate(new CorrelationQuery(a, b, window, days, lastMillis(day)));
        if (curve.isEmpty()) {
            return Curve.empty(label, source);
        }
        long cut = curve.lastCommonDay() - days * DAY;
        int first = 0;
        while (first < curve.size() && curve.time(first) < cut) {
            first++;
        }
        long[] times = new long[curve.size() - first];
        double[] values = new double[times.length];
        for (int i = first; i < curve.size(); i++) {
            times[i - first] = curve.time(i);
            values[i - first] = curve.value(i);
        }
        return new Curve(label, source, times, values);
    }

    @Override
    public Verdict verdict(LocalDate day) {
        Checklist c = require(checklist, "checklist");
        LocalDate d = day == null ? pinnedDay() : day;
        DeskSnapshot snap = d == null ? fresh() : null;
        if (snap != null && snap.verdict() != null) {
            return snap.verdict();
        }
        computedAnswers.incrementAndGet();
        return d == null ? c.latest() : c.asOf(d);
    }

    @Override
    public List<Verdict> replay(LocalDate from, LocalDate to) {
        Checklist c = require(checklist, "checklist");
        DeskSnapshot snap = fresh();
        if (snap != null && !snap.timeline().isEmpty() && to.equals(snap.day())
                && from.equals(to.minusDays(TIMELINE_DAYS - 1L))) {
            return snap.timeline();
        }
        computedAnswers.incrementAndGet();
        return c.replay(from, to);
    }

    @Override
    public ScenarioReport scenarios(LocalDate day, String portfolioFile) throws PortfolioException {
        Scenarios s = require(scenarioService, "scenario service");
        boolean noPortfolio = portfolioFile == null || portfolioFile.isBlank();
        LocalDate d = day == null ? pinnedDay() : day;
        DeskSnapshot snap = noPortfolio ? fresh() : null;
        if (snap != null && snap.scenarios() != null) {
            if (d == null) {
                return snap.scenarios();
            }
            ScenarioReport before = snap.scenariosDayBefore();
            if (before != null && d.toString().equals(before.asOf())) {
                return before;
            }
        }
        computedAnswers.incrementAndGet();
        Portfolio portfolio = noPortfolio ? null : s.readPortfolio(Path.of(portfolioFile.strip()));
        return s.evaluate(d, portfolio);
    }

    @Override
    public Optional<SkillSummary> scenarioSkill() {
        Scenarios s = scenarioService;
        return s == null ? Optional.empty() : s.skill();
    }

    /** The last instant read as of {@code day}: its last millisecond, or no limit for the newest data. */
    private static long lastMillis(LocalDate day) {
        return day == null ? Long.MAX_VALUE : Freshness.endOfDay(day) - 1;
    }

    /** The workspace's as-of date, or null for the newest data. */
    private LocalDate pinnedDay() {
        WorkspaceDate w = workspaceDate;
        return w == null ? null : w.pinned().map(WorkspaceDate.Pinned::day).orElse(null);
    }

    @Override
    public CascadeResult cascade(CascadeParams params) {
        return require(scenarioService, "scenario service").cascade(params);
    }

    /**
     * In team mode, the feeds as the desk's collector recorded them in the shared store (this
     * Tideline's connectors run nothing there unless it is the collector, whose record it is
     * then); else the feeds as this Tideline's scheduler runs them (health, next run, stale
     * series); without the scheduler, the running connectors' own health.
     *
     * @throws StoreException when the shared store cannot be read
     */
    @Override
    public List<FeedStatus> feeds() throws StoreException {
        SeriesStore s = store;
        List<RecordedFeed> recorded = s == null ? List.of() : s.recordedFeeds();
        if (!recorded.isEmpty()) {
            List<FeedStatus> out = new ArrayList<>();
            for (RecordedFeed f : recorded) {
                out.add(new FeedStatus(f.source(), f.series(), f.health(), f.collector(), f.recordedMillis(),
                        f.staleSeries(), f.nextRunMillis()));
            }
            return out;
        }
        FeedSchedule schedule = feedSchedule;
        if (schedule != null) {
            // The scheduler's view: health, next run and stale series of every feed it schedules.
            List<FeedStatus> out = new ArrayList<>();
            for (ScheduledFeed f : schedule.scheduled()) {
                out.add(new FeedStatus(f.source(), f.series(), f.health(), null, 0, f.staleSeries(),
                        f.nextRunMillis()));
            }
            return out;
        }
        List<FeedStatus> out = new ArrayList<>();
        for (FeedConnector c : connectors) {
            String source;
            int offered;
            FeedHealth health;
            try {
                source = c.source();
                offered = c.offered().size();
                health = c.health();
            } catch (RuntimeException ex) {
                // A broken connector is shown as down with its error, not hidden.
                source = c.getClass().getName();
                offered = 0;
                health = new FeedHealth(FeedHealth.State.DOWN, 0L, ex.toString());
            }
            out.add(new FeedStatus(source, offered, health));
        }
        out.sort(Comparator.comparing(FeedStatus::source));
        return out;
    }

    @Override
    public Optional<List<TrackedAlert>> alerts() {
        Alerts a = alertService;
        return a == null ? Optional.empty() : Optional.of(a.recent(MAX_ALERTS));
    }

    @Override
    public Subscription subscribe(DeskListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        if (AlertEvents.TOPIC_FIRED.equals(topic)) {
            Object id = event.getProperty(AlertEvents.ID);
            // Not on the event thread: the views hear of it from this component's own thread.
            submit(() -> fired(String.valueOf(id)));
            return;
        }
        if (WorkspaceDate.TOPIC_CHANGED.equals(topic)) {
            // The snapshot is of the newest data whatever the date: the views just read again
            // (after a new snapshot, when a change is waiting for one).
            settle();
            return;
        }
        if (SeriesEvents.TOPIC_APPENDED.equals(topic) && event.getProperty(SeriesEvents.FROM) instanceof Long from) {
            synchronized (this) {
                appendedFrom = Math.min(appendedFrom, from);
            }
            changed(false);
            return;
        }
        changed(true);
    }

    @Override
    public DeskSnapshot snapshot() {
        return current;
    }

    /**
     * Something the snapshot is made of changed: it is out of date at once, and a new one is
     * made once things settle. {@code other}: more than bars appended (the day before is redone).
     */
    private void changed(boolean other) {
        synchronized (this) {
            otherChange |= other;
        }
        changes.incrementAndGet();
        settle();
    }

    /**
     * Once nothing else came for {@value #SETTLE_MILLIS} ms, on the desk's thread: a new snapshot
     * when a change came since the last (which tells the views), else just the views. One task
     * for both, so a date change right after new bars does not cancel the snapshot they need.
     */
    private synchronized void settle() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (!worker.isShutdown()) {
            pending = worker.schedule(() -> {
                if (currentAt != changes.get()) {
                    update();
                } else {
                    listeners.forEach(DeskListener::dataChanged);
                }
            }, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The current snapshot when no change came since it was made, else null. */
    private DeskSnapshot fresh() {
        DeskSnapshot snap = current;
        return currentAt == changes.get() && snap.revision() > 0 ? snap : null;
    }

    /**
     * How many questions were computed rather than answered from the snapshot (for tests: after an
     * update, the views' questions about the newest data compute nothing).
     */
    public long computedAnswers() {
        return computedAnswers.get();
    }

    /**
     * Makes a new snapshot now, on the calling thread, and publishes it (the desk's own thread
     * does this after each settled change; tests and benchmarks call it directly).
     *
     * @return the snapshot published
     */
    @Override
    public DeskSnapshot update() {
        synchronized (updating) {
            return updateNow();
        }
    }

    /**
     * Makes the snapshot as if nothing were kept, the way the views' questions were answered
     * before the desk: the verdict and the timeline walked from the first day, both scenario
     * reports computed, the live board evaluated over all history. Publishes nothing: the
     * baseline the {@code desk --recompute} command times beside the last update.
     *
     * @return the snapshot, with {@link DeskSnapshot#computeNanos} the time it took
     */
    @Override
    public DeskSnapshot recomputeFully() {
        long start = System.nanoTime();
        Parts parts = new Parts();
        List<String> problems = new ArrayList<>();
        Checklist c = require(checklist, "checklist");
        Scenarios s = require(scenarioService, "scenario service");
        LocalDate day = current.day() != null ? current.day() : c.latest().day();
        Verdict verdict = c.asOf(day);
        parts.lap("verdict");
        // Asked from further back than any kept walk holds, so it is walked from the first day.
        List<Verdict> walked = c.replay(day.minusDays(FULL_REPLAY_DAYS - 1L), day);
        List<Verdict> timeline = walked.subList(walked.size() - TIMELINE_DAYS, walked.size());
        parts.lap("timeline");
        ScenarioReport today = s.evaluateAfresh(null, null);
        parts.lap("scenarios");
        ScenarioReport dayBefore = s.evaluateAfresh(LocalDate.parse(today.asOf()).minusDays(1), null);
        parts.lap("dayBefore");
        CorrelationMatrix board = null;
        Curve pair = null;
        try {
            board = matrix(BOARD_ROLES, BOARD_WINDOW, day);
            parts.lap("board");
            pair = history(BOARD_PAIR.get(0), BOARD_PAIR.get(1), BOARD_WINDOW, TIMELINE_DAYS, null);
            parts.lap("pair");
        } catch (StoreException | RuntimeException e) {
            problems.add("the correlation board failed: " + e.getMessage());
        }
        List<LiveReading> readings = new ArrayList<>();
        IndicatorEngine e = engine;
        if (e != null && !liveNodes.isEmpty()) {
            Map<String, IndicatorResult> results = e.evaluate(liveNodes.stream().map(Board.Node::node).toList(),
                    Long.MIN_VALUE, Long.MAX_VALUE);
            for (Board.Node n : liveNodes) {
                readings.add(Board.reading(n, results.get(n.node().name())));
            }
        }
        parts.lap("live");
        long took = System.nanoTime() - start;
        return new DeskSnapshot(current.revision(), System.currentTimeMillis(), took, verdict, timeline, today,
                dayBefore, board, pair, readings, problems, parts.micros);
    }

    private DeskSnapshot updateNow() {
        long at = changes.get();
        long from;
        boolean other;
        synchronized (this) {
            from = appendedFrom;
            other = otherChange;
            appendedFrom = Long.MAX_VALUE;
            otherChange = false;
        }
        long start = System.nanoTime();
        Parts parts = new Parts();
        DeskSnapshot before = current;
        List<String> problems = new ArrayList<>();
        if (other || live == null) {
            restartLive(problems);
        }
        parts.lap("live");
        Verdict verdict = null;
        List<Verdict> timeline = List.of();
        Checklist c = checklist;
        if (c == null) {
            problems.add("no checklist is running: no verdict");
        } else {
            try {
                verdict = c.latest();
                parts.lap("verdict");
                timeline = c.replay(verdict.day().minusDays(TIMELINE_DAYS - 1L), verdict.day());
                parts.lap("timeline");
            } catch (RuntimeException e) {
                problems.add("the checklist failed: " + e);
                logger.warn("desk: the checklist failed", e);
            }
        }
        ScenarioReport today = null;
        ScenarioReport dayBefore = null;
        Scenarios s = scenarioService;
        if (s == null) {
            problems.add("no scenario service is running: no scenario odds");
        } else {
            try {
                today = s.evaluate(null, null);
                parts.lap("scenarios");
                LocalDate prior = LocalDate.parse(today.asOf()).minusDays(1);
                // The report of the day before reads nothing published after that day: when only
                // later bars came since the last snapshot, whose report was of that day, it stands.
                // (the last snapshot's report of the day, or its report of the day before when the
                // new bars did not move the scenario day, as crypto bars beyond the equities' do).
                ScenarioReport last = before.scenarios();
                ScenarioReport lastBefore = before.scenariosDayBefore();
                boolean stands = !other && from >= Freshness.endOfDay(prior);
                if (stands && last != null && last.asOf().equals(prior.toString())) {
                    dayBefore = last;
                } else if (stands && lastBefore != null && lastBefore.asOf().equals(prior.toString())) {
                    dayBefore = lastBefore;
                } else {
                    dayBefore = s.evaluate(prior, null);
                }
                parts.lap("dayBefore");
            } catch (RuntimeException e) {
                problems.add("the scenario service failed: " + e);
                logger.warn("desk: the scenario service failed", e);
            }
        }
        CorrelationMatrix board = null;
        Curve pair = null;
        if (verdict != null) {
            try {
                board = matrix(BOARD_ROLES, BOARD_WINDOW, verdict.day());
                parts.lap("board");
                pair = history(BOARD_PAIR.get(0), BOARD_PAIR.get(1), BOARD_WINDOW, TIMELINE_DAYS, null);
                parts.lap("pair");
            } catch (StoreException | RuntimeException e) {
                problems.add("the correlation board failed: " + e.getMessage());
            }
        }
        List<LiveReading> readings = readings();
        parts.lap("live");
        long took = System.nanoTime() - start;
        DeskSnapshot snap = new DeskSnapshot(before.revision() + 1, System.currentTimeMillis(), took, verdict,
                timeline, today, dayBefore, board, pair, readings, problems, parts.micros);
        current = snap;
        currentAt = at;
        publish(snap);
        return snap;
    }

    /** What each part of an update cost, measured lap by lap. */
    private static final class Parts {
        final Map<String, Long> micros = new LinkedHashMap<>();
        private long last = System.nanoTime();

        /** The time since the last lap, added to {@code part}. */
        void lap(String part) {
            long now = System.nanoTime();
            micros.merge(part, (now - last) / 1_000, Long::sum);
            last = now;
        }
    }

    /** Tells EventAdmin and the views of a new snapshot. */
    private void publish(DeskSnapshot snap) {
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            Map<String, Object> props = new HashMap<>();
            props.put(DeskEvents.REVISION, snap.revision());
            props.put(DeskEvents.COMPUTE_MICROS, snap.computeNanos() / 1_000);
            if (snap.day() != null) {
                props.put(DeskEvents.DAY, snap.day().toString());
            }
            ea.postEvent(new Event(DeskEvents.TOPIC_UPDATED, props));
        }
        listeners.forEach(DeskListener::dataChanged);
    }

    /** The live graph of the board's bound roles, anew (roles or the engine changed). */
    private void restartLive(List<String> problems) {
        if (live != null) {
            live.close();
            live = null;
        }
        IndicatorEngine e = engine;
        RoleBindings b = bindings;
        liveNodes = b == null ? List.of() : Board.nodes(role -> b.get(role).isPresent());
        if (e == null || liveNodes.isEmpty()) {
            problems.add(e == null ? "no indicator engine is running: no live readings"
                    : "no role of the live board is bound: no live readings");
            return;
        }
        try {
            live = e.live(liveNodes.stream().map(Board.Node::node).toList());
        } catch (RuntimeException ex) {
            problems.add("the live indicator graph failed: " + ex.getMessage());
            logger.warn("desk: the live indicator graph failed", ex);
        }
    }

    /** The newest value of each live node. */
    private List<LiveReading> readings() {
        LiveIndicators l = live;
        if (l == null) {
            return List.of();
        }
        Map<String, IndicatorResult> results = l.results();
        List<LiveReading> out = new ArrayList<>(liveNodes.size());
        for (Board.Node n : liveNodes) {
            out.add(Board.reading(n, results.get(n.node().name())));
        }
        return out;
    }

    private synchronized void submit(Runnable task) {
        if (!worker.isShutdown()) {
            worker.execute(task);
        }
    }

    /** Tells the views of the alert {@code id} just fired, with its delivery state so far. */
    private void fired(String id) {
        Alerts a = alertService;
        if (a == null) {
            // The alerts bundle stopped since it fired: the views hear of that through alertsChanged.
            return;
        }
        for (TrackedAlert t : a.recent(MAX_ALERTS)) {
            if (t.alert().id().equals(id)) {
                listeners.forEach(l -> l.alert(t));
                return;
            }
        }
        logger.warn("desk views: alert {} was fired but the alerts service does not list it", id);
    }

    private static <T> T require(T service, String what) {
        if (service == null) {
            throw new IllegalStateException("no " + what + " is running");
        }
        return service;
    }
}
