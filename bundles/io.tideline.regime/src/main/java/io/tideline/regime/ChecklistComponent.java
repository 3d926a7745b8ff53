package io.tideline.regime;

import io.tideline.support.series.Availability;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Checklist;
import io.tideline.regime.api.ChecklistStep;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.RegimeEvents;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.StepContext;
import io.tideline.regime.api.Verdict;
import io.tideline.support.json.LastValidFile;
import io.tideline.support.workspace.DataDir;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
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
 * The {@link Checklist} service, and the {@link ChecklistDesk} the {@code check} command
 * ({@link CheckCommand}) works through. Rules come from the bundle's defaults, replaced by
 * {@code DATA_DIR/workspace/checklist-rules.json} when that file is present and valid; the series'
 * availability rules likewise from {@code DATA_DIR/workspace/availability.json} laid over the
 * defaults; an invalid file keeps the previous valid one in force and is reported. When the
 * latest verdict's regime differs from the previous one computed here,
 * {@link RegimeEvents#TOPIC_CHANGED} is posted.
 */
@Component(service = {EventHandler.class, Checklist.class, ChecklistDesk.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_DELETED,
    EventConstants.EVENT_TOPIC + "=" + Roles.TOPIC_CHANGED})
public final class ChecklistComponent implements EventHandler, ChecklistDesk {

    /** New data usually arrives in bursts (a feed's series one after another): wait for quiet. */
    private static final long SETTLE_MILLIS = 1_000;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private ScheduledExecutorService watcher;
    private ScheduledFuture<?> pending;

    @Reference
    private IndicatorEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RoleBindings roles;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WorkspaceDate workspaceDate;

    @Reference
    private SeriesStore store;

    private final List<ChecklistStep> plugins = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStep(ChecklistStep step) {
        plugins.add(step);
    }

    void removeStep(ChecklistStep step) {
        plugins.remove(step);
    }

    private Path overrideFile;
    private Path availabilityFile;
    private final LastValidFile<Rules> rules = new LastValidFile<>(RulesLoader::defaults, RulesLoader.READER::read);
    private final LastValidFile<Availability> availability = Availability.watcher();
    private Regime lastRegime;
    /** The latest verdict kept between calls and extended as bars arrive (see docs/desk-incremental.md). */
    private final LatestVerdict latest = new LatestVerdict();

    @Activate
    void activate(BundleContext context) {
        Path workspace = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("workspace");
        overrideFile = workspace.resolve("checklist-rules.json");
        availabilityFile = workspace.resolve("availability.json");
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tideline-checklist");
            t.setDaemon(true);
            return t;
        });
        // The first verdict sets the regime that later changes are measured from.
        watcher.execute(this::recheck);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        watcher.shutdownNow();
        watcher.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * New bars, a deleted series or a rebound role: the kept latest verdict is marked out of date
     * at once (so a caller in between computes rather than reading it), and recomputed once
     * things settle: a burst of announcements costs one computation.
     */
    @Override
    public synchronized void handleEvent(Event event) {
        if (event.getTopic().equals(SeriesEvents.TOPIC_APPENDED)) {
            if (!bound(event.getProperty(SeriesEvents.SERIES))) {
                // bars of a series no role reads change no verdict
                return;
            }
            if (event.getProperty(SeriesEvents.FROM) instanceof Long from) {
                latest.appended(from);
            } else {
                latest.invalidate();
            }
        } else {
            latest.invalidate();
        }
        if (watcher.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = watcher.schedule(this::recheck, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether the announced series (its id as text) is bound to a role; true when that cannot be told. */
    private boolean bound(Object series) {
        RoleBindings r = roles;
        if (r == null) {
            return false;
        }
        if (!(series instanceof String text)) {
            return true;
        }
        try {
            // by source and symbol: a role may be bound to one field of a stored series
            SeriesId id = SeriesId.parse(text);
            for (SeriesId b : r.all().values()) {
                if (b.source().equals(id.source()) && b.symbol().equals(id.symbol())) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Computes the latest verdict and posts a regime change; runs on the watcher thread. */
    private void recheck() {
        try {
            announce(latestNow().verdict());
        } catch (RuntimeException e) {
            logger.warn("cannot recompute the latest checklist verdict: {}", e.toString());
        }
    }

    @Override
    public Verdict withPlugins(Verdict v, Checks checks) {
        if (plugins.isEmpty()) {
            return v;
        }
        long end = checks.decision(v.day());
        RoleBindings bindings = roles;
        Availability rulesNow = availabilityRules(silent());
        StepContext context = new StepContext() {
            @Override
            public String asOf() {
                return v.asOf();
            }

            @Override
            public long endMillis() {
                return end;
            }

            @Override
            public SeriesData role(String role) {
                Optional<SeriesId> id = bindings == null ? Optional.empty() : bindings.get(role);
                if (id.isEmpty()) {
                    return SeriesData.empty();
                }
                try {
                    SeriesData d = store.read(id.get(), Long.MIN_VALUE, end);
                    Availability.Rule rule = rulesNow.of(id.get());
                    int n = d.size();
                    while (n > 0 && Math.max(d.time(n - 1), rule.availableAt(d.time(n - 1))) > end) {
                        n--;
                    }
                    return n == d.size() ? d : n == 0 ? SeriesData.empty() : store.read(id.get(), Long.MIN_VALUE,
                            d.time(n - 1));
                } catch (StoreException e) {
                    return SeriesData.empty();
                }
            }
        };
        List<Step> steps = new ArrayList<>(v.steps());
        for (ChecklistStep plugin : plugins) {
            try {
                steps.add(plugin.evaluate(context));
            } catch (RuntimeException | LinkageError e) {
                steps.add(new Step(plugin.id(), Status.UNKNOWN, "the plugin step failed: " + e, List.of()));
            }
        }
        return new Verdict(v.asOf(), v.regime(), v.riskOff(), v.tier(), v.action(), v.exposure(), v.drivers(),
                v.missing(), steps, v.coverage(), v.stale(), v.decisionTime());
    }

    @Override
    public Verdict latest() {
        LatestVerdict.Latest l = latestNow();
        return withPlugins(l.verdict(), l.checks());
    }

    @Override
    public Verdict latestAnnounced() {
        Verdict v = latest();
        announce(v);
        return v;
    }

    /** The latest verdict without plugin steps, from the kept walk when it still stands. */
    private LatestVerdict.Latest latestNow() {
        InForce now = inForce();
        return latest.latest(now.key(), () -> checks(now), version(now.key().bindings()), System.currentTimeMillis());
    }

    /** The rules, availability and role bindings in force now: what the kept walk is held for. */
    private InForce inForce() {
        PrintStream err = silent();
        RoleBindings r = roles;
        return new InForce(new LatestVerdict.Key(currentRules(err), availabilityRules(err),
                r == null ? Map.of() : r.all()), r);
    }

    private record InForce(LatestVerdict.Key key, RoleBindings roles) {
    }

    private Checks checks(InForce f) {
        return checks(f.key().rules(), f.key().availability(), f.roles());
    }

    /** One bound series as the store holds it: a cheap data version of the roles. */
    private record Stamp(SeriesId id, long first, long last, long count) {
    }

    /**
     * What the store holds of each bound series (first and last time, count), or null when the
     * store cannot tell: an append that has not been announced yet still changes it.
     */
    private List<Stamp> version(Map<String, SeriesId> bound) {
        List<Stamp> out = new ArrayList<>(bound.size());
        try {
            for (SeriesId id : bound.values()) {
                out.add(store.info(id).map(i -> new Stamp(id, i.firstTime(), i.lastTime(), i.count()))
                        .orElse(new Stamp(id, 0, 0, -1)));
            }
        } catch (StoreException e) {
            return null;
        }
        return out;
    }

    @Override
    public Verdict asOf(LocalDate day) {
        Checks checks = checks(silent());
        return withPlugins(checks.asOf(day), checks);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A replay ending on the latest verdict's day (the checklist view's year-long timeline) is
     * read from the kept walk while it is current, judging no day; any other a full replay.
     */
    @Override
    public List<Verdict> replay(LocalDate from, LocalDate to) {
        InForce now = inForce();
        LatestVerdict.Replayed r = latest.replay(now.key(), () -> checks(now), version(now.key().bindings()),
                System.currentTimeMillis(), from, to);
        return r.verdicts().stream().map(v -> withPlugins(v, r.checks())).toList();
    }

    @Override
    public Function<String, String> units() {
        RoleBindings bindings = roles;
        Map<String, Optional<String>> known = new HashMap<>();
        return role -> known.computeIfAbsent(role, r -> {
            Optional<SeriesId> id = bindings == null ? Optional.empty() : bindings.get(r);
            try {
                return id.isEmpty() ? Optional.empty() : store.info(id.get()).map(i -> i.descriptor().unit());
            } catch (StoreException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    @Override
    public Optional<WorkspaceDate.Pinned> pinned() {
        WorkspaceDate d = workspaceDate;
        return d == null ? Optional.empty() : d.pinned();
    }

    private static PrintStream silent() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }

    @Override
    public Checks checks(PrintStream err) {
        return checks(currentRules(err), availabilityRules(err), roles);
    }

    private Checks checks(Rules current, Availability a, RoleBindings r) {
        return new Checks(engine, current, role -> r != null && r.get(role).isPresent(),
                r == null ? role -> a.fallback() : a.byRole(r::get), role -> timeframe(r, role));
    }

    /**
     * The native bar length of the series {@code role} is bound to, as its descriptor says; daily
     * when the role is unbound or the store cannot tell (the checklist then reads daily bars only).
     */
    private Timeframe timeframe(RoleBindings r, String role) {
        Optional<SeriesId> id = r == null ? Optional.empty() : r.get(role);
        try {
            return id.isEmpty() ? Timeframe.D1 : store.info(id.get()).map(i -> i.descriptor().timeframe())
                    .orElse(Timeframe.D1);
        } catch (StoreException e) {
            // The engine reads the same store next and fails the same way, which the verdict shows
            // (the role without data); a warning here would say it twice, and at every shutdown
            // that races a recheck.
            logger.debug("cannot read the bar length of {} (role {}): the checklist reads it as daily bars only: {}",
                    id.get(), role, e.toString());
            return Timeframe.D1;
        }
    }

    /** The availability rules in force: the workspace file over the defaults, else the previous valid ones. */
    private Availability availabilityRules(PrintStream err) {
        Path file = availabilityFile;
        LastValidFile.State<Availability> s = availability.current(file != null && Files.isRegularFile(file) ? file
                : null);
        if (s.error() != null) {
            err.println("check: " + s.error() + "; the previous valid availability rules stay in force");
        }
        return s.value();
    }

    /** The rules in force: the override when present and valid, else the previous valid rules. */
    private Rules currentRules(PrintStream err) {
        Path file = overrideFile;
        LastValidFile.State<Rules> s = rules.current(file != null && Files.isRegularFile(file) ? file : null);
        if (s.error() != null) {
            err.println("check: " + s.error() + "; the previous valid rules stay in force");
        }
        return s.value();
    }

    private synchronized void announce(Verdict v) {
        Regime previous = lastRegime;
        lastRegime = v.regime();
        EventAdmin ea = events;
        if (previous != null && previous != v.regime() && ea != null) {
            ea.postEvent(new Event(RegimeEvents.TOPIC_CHANGED, Map.of(RegimeEvents.AS_OF, v.asOf(),
                    RegimeEvents.REGIME, v.regime().name(), RegimeEvents.PREVIOUS, previous.name(),
                    RegimeEvents.TIER, v.tier(), RegimeEvents.RISK_OFF, v.riskOff())));
        }
    }
}
