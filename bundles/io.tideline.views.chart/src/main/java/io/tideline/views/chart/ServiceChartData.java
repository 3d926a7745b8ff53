package io.tideline.views.chart;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Checklist;
import io.tideline.regime.api.Verdict;
import io.tideline.support.jar.BundleClasses;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * {@link ChartData} over the running services. Every service is optional and dynamic: a view
 * shows "no data for role X" or goes without indicators or regime bands while one is missing,
 * and recovers when it comes back. Forwards store, role-binding and as-of date events to open
 * views; reads and indicator passes stop at the end of the pinned day when the view asks so.
 */
@Component(service = {ChartData.class, EventHandler.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_DELETED,
    EventConstants.EVENT_TOPIC + "=" + Roles.TOPIC_CHANGED,
    EventConstants.EVENT_TOPIC + "=" + WorkspaceDate.TOPIC_CHANGED})
public final class ServiceChartData implements ChartData, EventHandler {

    private volatile SeriesStore store;

    private volatile RoleBindings roles;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IndicatorEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Checklist checklist;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WorkspaceDate workspaceDate;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<Indicator> indicators = new CopyOnWriteArrayList<>();

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private ExecutorService executor;

    // Store and role bindings arrive after the views at start: each arrival tells the views to
    // load again, so they go from "Loading…" to the data instead of "no data for role btc".
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unsetStore")
    void setStore(SeriesStore s) {
        store = s;
        changed();
    }

    void unsetStore(SeriesStore s) {
        if (store == s) {
            store = null;
        }
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unsetRoles")
    void setRoles(RoleBindings r) {
        roles = r;
        changed();
    }

    void unsetRoles(RoleBindings r) {
        if (roles == r) {
            roles = null;
        }
        changed();
    }

    private void changed() {
        for (Consumer<String> l : listeners) {
            l.accept("*");
        }
    }

    @Override
    public boolean ready() {
        return store != null && roles != null;
    }

    @Activate
    void activate() {
        AtomicInteger n = new AtomicInteger();
        // Two threads: one view's slow checklist replay must not hold up another's series load.
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tideline-chart-load-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.execute(ServiceChartData::preloadChartClasses);
    }

    /**
     * Loads SWTChart's classes on a background thread, so the first chart a view builds does not
     * spend its UI-thread time reading and defining them (measured: a first pane held the UI
     * thread for about 100 ms of CPU, most of it in Chart's constructor). Not initialised here:
     * static initialisers of widget classes may touch the display, which only the UI thread may.
     */
    private static void preloadChartClasses() {
        Bundle swtchart = FrameworkUtil.getBundle(org.eclipse.swtchart.Chart.class);
        if (swtchart == null) {
            return; // outside OSGi (unit tests): nothing to gain
        }
        // An optional part of SWTChart whose imports are absent (its JFace extensions) is skipped:
        // the views never use it.
        BundleClasses.load(swtchart, "org/eclipse/swtchart");
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public Optional<SeriesId> resolve(String roleOrId) {
        RoleBindings r = roles;
        return r == null ? RoleBindings.seriesId(roleOrId) : r.resolve(roleOrId);
    }

    @Override
    public SeriesData read(SeriesId id) throws StoreException {
        SeriesStore s = store;
        if (s == null) {
            throw new StoreException("no series store is running");
        }
        if (s.info(id).isEmpty()) {
            return SeriesData.empty();
        }
        return s.read(id, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
    }

    @Override
    public SeriesData read(SeriesId id, long toMillis) throws StoreException {
        SeriesStore s = store;
        if (s == null) {
            throw new StoreException("no series store is running");
        }
        Optional<io.tideline.api.store.SeriesInfo> info = s.info(id);
        // Nothing stored, or nothing by then (the store refuses an inverted range).
        if (info.isEmpty() || info.get().count() == 0 || info.get().firstTime() > toMillis) {
            return SeriesData.empty();
        }
        return s.read(id, Long.MIN_VALUE / 4, Math.min(toMillis, Long.MAX_VALUE / 4));
    }

    @Override
    public Optional<WorkspaceDate.Pinned> pinned() {
        WorkspaceDate w = workspaceDate;
        return w == null ? Optional.empty() : w.pinned();
    }

    @Override
    public Optional<SeriesDescriptor> descriptor(SeriesId id) {
        SeriesStore s = store;
        try {
            return s == null ? Optional.empty() : s.info(id).map(i -> i.descriptor());
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Timeframe> timeframe(SeriesId id) {
        SeriesStore s = store;
        try {
            return s == null ? Optional.empty() : s.info(id).map(i -> i.descriptor().timeframe());
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<IndicatorSpec> indicator(String id) {
        for (Indicator i : indicators) {
            if (i.spec().id().equals(id)) {
                return Optional.of(i.spec());
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes) {
        IndicatorEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("no indicator engine is running");
        }
        return e.evaluate(nodes, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
    }

    @Override
    public Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long toMillis) {
        IndicatorEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("no indicator engine is running");
        }
        return e.evaluate(nodes, Long.MIN_VALUE / 4, Math.min(toMillis, Long.MAX_VALUE / 4));
    }

    @Override
    public Optional<List<Verdict>> replay(LocalDate from, LocalDate to) {
        Checklist c = checklist;
        return c == null ? Optional.empty() : Optional.of(c.replay(from, to));
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return executor;
    }

    @Override
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public void unlisten(Consumer<String> listener) {
        listeners.remove(listener);
    }

    @Override
    public void handleEvent(Event event) {
        Object series = event.getProperty(SeriesEvents.SERIES);
        // Role bindings and the as-of date concern every view: "*" reloads them all.
        String what = Roles.TOPIC_CHANGED.equals(event.getTopic()) || series == null ? "*" : series.toString();
        for (Consumer<String> l : listeners) {
            l.accept(what);
        }
    }
}
