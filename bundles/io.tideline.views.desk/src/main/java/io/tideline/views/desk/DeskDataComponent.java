package io.tideline.views.desk;

import io.tideline.api.alerts.AlertEvents;
import io.tideline.api.alerts.Alerts;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.feed.FeedConnector;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.indicator.CorrelationCurve;
import io.tideline.api.indicator.CorrelationQuery;
import io.tideline.api.indicator.Correlations;
import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.RecordedFeed;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link DeskData} from the running services. Every service is optional and dynamic, so the
 * views stay open (and say what is missing) while a store, checklist or feed comes and goes.
 * Alerts are the alerts bundle's: this component computes none and writes none. It reads them
 * from the {@link Alerts} service and passes each one fired ({@link AlertEvents#TOPIC_FIRED}) on
 * to the views from a thread of its own; without the alerts bundle the views say that alerts are
 * off. A verdict or scenario report asked for no day in particular is of the workspace's as-of
 * date when one is set ({@link WorkspaceDate}: the sample opens on its own date), else of the
 * newest data; a change of that date refreshes the views.
 * The heatmap asks for its day explicitly ({@link #pinned} first), and reads no bar after its end.
 */
@Component(service = {DeskData.class, EventHandler.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
    EventConstants.EVENT_TOPIC + "=" + AlertEvents.TOPIC_FIRED,
    EventConstants.EVENT_TOPIC + "=" + WorkspaceDate.TOPIC_CHANGED})
public final class DeskDataComponent implements DeskData, EventHandler {

    /** Feeds write their series one after another: wait for quiet before recomputing. */
    private static final long SETTLE_MILLIS = 1_500;
    /** The most alerts the views list. */
    static final int MAX_ALERTS = 500;
    private static final long DAY = 86_400_000L;
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
    private volatile Checklist checklist;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Scenarios scenarioService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WorkspaceDate workspaceDate;

    private volatile Alerts alertService;

    private final List<FeedConnector> connectors = new CopyOnWriteArrayList<>();
    private final List<DeskListener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService worker;
    private ScheduledFuture<?> pending;

    /** For DS. */
    public DeskDataComponent() {
    }

    /** For tests, which start it with {@link #start} instead of DS. */
    DeskDataComponent(Logger logger) {
        this.logger = logger;
    }

    @Activate
    void activate() {
        start();
    }

    /**
     * For tests, which give it real services without DS: the store, the role bindings, the
     * workspace's date and the correlations.
     */
    void services(SeriesStore store, RoleBindings bindings, WorkspaceDate workspaceDate, Correlations correlations) {
        this.store = store;
        this.bindings = bindings;
        this.workspaceDate = workspaceDate;
        this.correlator = correlations;
    }

    /** Activation proper: the thread that settles new data and passes fired alerts on. */
    void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tideline-desk-data");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
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
        Correlations c = require(correlator, "indicator engine (correlations)");
        RoleBindings b = require(bindings, "workspace (role bindings)");
        long cap = lastMillis(day);
        int n = roles.size();
        List<String> series = new ArrayList<>(n);
        for (String role : roles) {
            series.add(b.get(role).map(SeriesId::toString).orElse(null));
        }
        double[][] values = new double[n][n];
        long[][] asOf = new long[n][n];
        for (int r = 0; r < n; r++) {
            for (int k = r; k < n; k++) {
                double v = Double.NaN;
                long last = 0;
                if (series.get(r) != null && series.get(k) != null) {
                    CorrelationCurve curve = c.correlate(new CorrelationQuery(roles.get(r), roles.get(k), window, 1, cap));
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
        return d == null ? c.latest() : c.asOf(d);
    }

    @Override
    public List<Verdict> replay(LocalDate from, LocalDate to) {
        return require(checklist, "checklist").replay(from, to);
    }

    @Override
    public ScenarioReport scenarios(LocalDate day, String portfolioFile) throws PortfolioException {
        Scenarios s = require(scenarioService, "scenario service");
        Portfolio portfolio = portfolioFile == null || portfolioFile.isBlank() ? null
                : s.readPortfolio(Path.of(portfolioFile.strip()));
        return s.evaluate(day == null ? pinnedDay() : day, portfolio);
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
     * then); else this Tideline's running connectors.
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
                        f.staleSeries()));
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
        if (AlertEvents.TOPIC_FIRED.equals(event.getTopic())) {
            Object id = event.getProperty(AlertEvents.ID);
            // Not on the event thread: the views hear of it from this component's own thread.
            submit(() -> fired(String.valueOf(id)));
            return;
        }
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
            if (!worker.isShutdown()) {
                pending = worker.schedule(() -> listeners.forEach(DeskListener::dataChanged), SETTLE_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        }
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
