package io.tideline.engine;

import io.tideline.api.indicator.CorrelationCurve;
import io.tideline.api.indicator.CorrelationQuery;
import io.tideline.api.indicator.Correlations;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.LiveIndicators;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.workspace.Roles;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Resampler;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link IndicatorEngine} service over the installed indicators (built-in and plugins, which
 * come and go with their bundles) and the stored series, keeping live graphs up to date from the
 * store's EventAdmin notices. Also the desk's one {@link Correlations} ({@link DailyCorrelation}),
 * which {@code indicator matrix} prints, and the {@link EngineDesk} the {@code indicator} command
 * ({@link IndicatorCommand}) works through. An input is a role (us10y, btc, ...) or a series id;
 * several inputs are joined on common timestamps (see {@link Aligned}).
 */
@Component(service = {IndicatorEngine.class, Correlations.class, EngineDesk.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
            EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_DELETED,
            EventConstants.EVENT_TOPIC + "=" + Roles.TOPIC_CHANGED})
public final class EngineComponent implements EngineDesk, EventHandler {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final Set<LiveGraph> live = new CopyOnWriteArraySet<>();

    private final Map<String, Indicator> indicators = new ConcurrentSkipListMap<>();
    private final Map<String, String> providers = new ConcurrentSkipListMap<>();

    @Reference
    private SeriesStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RoleBindings roles;

    private ExecutorService executor;

    /** For DS. */
    public EngineComponent() {
    }

    /**
     * Outside DS, for the tests of this bundle and of the views that show its numbers: over
     * {@code store}, resolving roles with {@code roles} (null: series ids only). Only the
     * correlations (and so the {@code indicator matrix} command over it) work before {@link #activate}.
     */
    public EngineComponent(SeriesStore store, RoleBindings roles) {
        this.store = store;
        this.roles = roles;
    }

    @Activate
    void activate() {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tideline-indicator");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(Indicator indicator, ServiceReference<Indicator> ref) {
        indicators.put(indicator.spec().id(), indicator);
        providers.put(indicator.spec().id(), ref.getBundle().getSymbolicName());
    }

    void removeIndicator(Indicator indicator) {
        indicators.remove(indicator.spec().id(), indicator);
    }

    @Override
    public Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long fromMillis, long toMillis) {
        return evaluate(nodes, fromMillis, toMillis, null);
    }

    @Override
    public Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long fromMillis, long toMillis,
            Timeframe timeframe) {
        Evaluator evaluator = new Evaluator(indicators::get, input -> read(input, fromMillis, toMillis, timeframe),
                executor, LIMIT);
        Map<String, IndicatorResult> out = new LinkedHashMap<>();
        evaluator.evaluate(IndicatorGraph.of(nodes)).forEach((name, r) -> out.put(name, r.failed()
                ? new IndicatorResult(name, SeriesData.empty(), r.error())
                : new IndicatorResult(name, SeriesData.ofValues(r.times(), r.values()), null)));
        return out;
    }

    @Override
    public LiveIndicators live(List<IndicatorNode> nodes) {
        LiveGraph[] self = new LiveGraph[1];
        self[0] = new LiveGraph(IndicatorGraph.of(nodes), indicators::get, this::resolve,
                (id, from, to) -> store.read(id, from, to), executor, LIMIT, () -> live.remove(self[0]));
        live.add(self[0]);
        return self[0];
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().equals(SeriesEvents.TOPIC_APPENDED)
                && event.getProperty(SeriesEvents.SERIES) instanceof String id && RoleBindings.isSeriesId(id)
                && event.getProperty(SeriesEvents.FROM) instanceof Long from
                && event.getProperty(SeriesEvents.TO) instanceof Long to) {
            SeriesId series;
            try {
                series = SeriesId.parse(id);
            } catch (IllegalArgumentException e) {
                live.forEach(LiveGraph::recomputeAll);
                return;
            }
            for (LiveGraph g : live) {
                if (g.reads(series)) {
                    g.appended(series, from, to);
                }
            }
        } else {
            // A role now names another series, a series is gone, or an announcement that does not
            // say which bars (another process's, a plugin's): start over rather than throw.
            live.forEach(LiveGraph::recomputeAll);
        }
    }

    @Override
    public CorrelationCurve correlate(CorrelationQuery query) throws StoreException {
        return new DailyCorrelation(store, this::resolve).correlate(query);
    }

    @Override
    public List<CorrelationCurve> correlateAll(List<String> inputs, int window, int points, long toMillis)
            throws StoreException {
        return new DailyCorrelation(store, this::resolve).correlateAll(inputs, window, points, toMillis);
    }

    @Override
    public Map<String, Indicator> indicators() {
        return Collections.unmodifiableMap(indicators);
    }

    @Override
    public String provider(String id) {
        return providers.get(id);
    }

    @Override
    public Evaluator.NodeResult compute(IndicatorNode node, long fromMillis, long toMillis, Timeframe timeframe,
            Duration timeout) {
        Evaluator evaluator = new Evaluator(indicators::get, input -> read(input, fromMillis, toMillis, timeframe),
                executor, timeout);
        return evaluator.evaluate(IndicatorGraph.of(List.of(node))).get(node.name());
    }

    @Override
    public SeriesId resolve(String input) {
        RoleBindings r = roles;
        Optional<SeriesId> id = r == null ? RoleBindings.seriesId(input) : r.resolve(input);
        return id.orElseThrow(() -> new IllegalArgumentException("'" + input + "' is neither a bound role nor a"
                + " series id: no series is bound to role " + input + " (roles set " + input + " SOURCE:SYMBOL"
                + (Roles.known().containsKey(input) ? "" : " --new") + ")"));
    }

    /** A role or series id, read from the store as its primary column. */
    private Aligned read(String input, long from, long to, Timeframe timeframe) throws Exception {
        return primary(store.read(resolve(input), from, to), timeframe);
    }

    /**
     * The column an indicator reads from {@code data}: its primary one (the close of OHLC bars),
     * on bars of {@code timeframe} when one is given, by the same {@link Resampler} the charts
     * use, so a weekly indicator value and a weekly candle cover the same ISO week.
     */
    static Aligned primary(SeriesData data, Timeframe timeframe) {
        SeriesData bars = timeframe == null ? data : Resampler.resample(data, timeframe);
        return new Aligned(bars.copyTimes(), new double[][] {bars.copyColumn(bars.primary())});
    }
}
