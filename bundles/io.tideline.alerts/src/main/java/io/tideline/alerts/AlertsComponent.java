package io.tideline.alerts;

import io.tideline.api.alerts.AlertKind;
import io.tideline.api.alerts.Alerts;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.platform.Problem;
import io.tideline.api.platform.ProblemSource;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import io.tideline.regime.api.Checklist;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.RegimeEvents;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.support.json.LastValidFile;
import io.tideline.support.workspace.DataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
import org.osgi.service.metatype.annotations.Designate;

/**
 * Alerts without a window: on the checklist's regime change and on new data (settled for a
 * moment, as data arrives in bursts) it evaluates the rules of
 * {@code DATA_DIR/workspace/alerts-rules.json} (or the defaults) and fires what they say through
 * {@link Delivery}; every quarter of an hour it looks again, as a feed turns stale with time
 * alone. The event handler only schedules: the checklist pass, the store reads, the ledger and
 * the channels all run on background threads. The one place alerts are detected and written:
 * views read them through the {@link Alerts} service and the {@link
 * io.tideline.api.alerts.AlertEvents#TOPIC_FIRED} event. A refused rules file or setting is reported to
 * {@code status}. A new configuration makes SCR create a new instance.
 */
@Component(service = {EventHandler.class, ProblemSource.class, Alerts.class, AlertDesk.class},
        configurationPid = AlertsComponent.PID,
        immediate = true,
        property = {EventConstants.EVENT_TOPIC + "=" + RegimeEvents.TOPIC_CHANGED,
            EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
            EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_DELETED,
            EventConstants.EVENT_TOPIC + "=" + Roles.TOPIC_CHANGED})
@Designate(ocd = AlertsConfig.class)
public final class AlertsComponent implements EventHandler, ProblemSource, AlertDesk {

    /** The ConfigAdmin PID. */
    public static final String PID = "io.tideline.alerts";

    /** New data arrives in bursts, and the checklist waits 1 s for quiet itself: wait a little longer. */
    private static final long SETTLE_MILLIS = 2_000;
    private static final long PERIOD_MINUTES = 15;

    private final Logger logger;
    private final EventAdmin events;
    private final Path rulesFile;
    private final LastValidFile<AlertRules> rules = AlertRules.lastValid();
    private final String rejected;
    private final Delivery delivery;
    private final Evaluator evaluator = new Evaluator();
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Checklist checklist;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RoleBindings roles;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SeriesStore store;

    /** Activated by SCR with the configuration (or its defaults) untyped in {@code properties}. */
    @Activate
    public AlertsComponent(BundleContext context, AlertsConfig config, Map<String, Object> properties,
            @Reference(service = LoggerFactory.class) Logger logger, @Reference EventAdmin events) {
        this.logger = logger;
        this.events = events;
        Path workspace = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("workspace");
        this.rulesFile = workspace.resolve(AlertRules.FILE_NAME);
        AlertsSettings.Configured configured = AlertsSettings.read(config, properties);
        this.rejected = configured.problem();
        if (rejected != null) {
            // Info, not a warning: every headless command activates this; status reports it.
            logger.info("alerts: {}; alerts go to the window's banner only until it is fixed", rejected);
        }
        this.delivery = new Delivery(new Ledger(workspace.resolve(Ledger.FILE_NAME), 2_000, 4_000),
                channels(configured.settings(), () -> this.events), logger::warn);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tideline-alerts-rules");
            t.setDaemon(true);
            return t;
        });
        // The first look waits a moment: the optional references are bound after the constructor.
        timer.scheduleWithFixedDelay(this::evaluate, SETTLE_MILLIS, TimeUnit.MINUTES.toMillis(PERIOD_MINUTES),
                TimeUnit.MILLISECONDS);
    }

    /** The channels the settings ask for; with refused settings the banner alone. */
    static List<Channel> channels(AlertsSettings s, java.util.function.Supplier<EventAdmin> events) {
        List<Channel> out = new ArrayList<>();
        if (s == null || s.banner()) {
            out.add(new BannerChannel(events));
        }
        if (s != null && s.webhook() != null) {
            out.add(new WebhookChannel(s.webhook(), s.secretHeader(), s.secret(), s.timeout(), s.attempts(),
                    s.backoff(), d -> Thread.sleep(d.toMillis())));
        }
        if (s != null && !s.command().isEmpty()) {
            out.add(new CommandChannel(s.command(), s.commandLimit()));
        }
        return out;
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        delivery.close();
    }

    @Override
    public void handleEvent(Event event) {
        synchronized (this) {
            if (timer.isShutdown()) {
                return;
            }
            if (RegimeEvents.TOPIC_CHANGED.equals(event.getTopic())) {
                // Even the rules file's check is a disk access: not on the event thread.
                timer.execute(() -> regimeChanged(event));
                return;
            }
            if (pending != null) {
                pending.cancel(false);
            }
            pending = timer.schedule(this::evaluate, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void regimeChanged(Event event) {
        AlertRules now = currentRules();
        String asOf = String.valueOf(event.getProperty(RegimeEvents.AS_OF));
        String regime = String.valueOf(event.getProperty(RegimeEvents.REGIME));
        String previous = String.valueOf(event.getProperty(RegimeEvents.PREVIOUS));
        Object tier = event.getProperty(RegimeEvents.TIER);
        long nowMillis = System.currentTimeMillis();
        for (AlertRule r : now.rules()) {
            if (r.kind() == AlertKind.REGIME_CHANGE) {
                delivery.fire(Evaluator.alert(r, nowMillis, asOf, "regime", previous, regime, null, null, "checklist",
                        "Regime changed from " + previous + " to " + regime + " as of " + asOf
                                + (tier == null ? "" : " (tier " + tier + ")")), r);
            }
        }
    }

    /** Evaluates the rules on the desk now; runs on the timer thread. */
    private void evaluate() {
        try {
            AlertRules now = currentRules();
            Evaluator.Snapshot s = snapshot(now);
            for (Evaluator.Firing f : evaluator.evaluate(s, now, System.currentTimeMillis())) {
                delivery.fire(f.alert(), f.rule());
            }
        } catch (RuntimeException e) {
            logger.warn("alerts: cannot evaluate the alert rules: {}", e.toString());
        }
    }

    private AlertRules currentRules() {
        LastValidFile.State<AlertRules> s = rules.current(Files.isRegularFile(rulesFile) ? rulesFile : null);
        return s.value();
    }

    /** What the rules need, read from the checklist and the store; parts without a service are empty. */
    private Evaluator.Snapshot snapshot(AlertRules now) {
        boolean needsVerdict = false;
        Set<String> valueRoles = new java.util.HashSet<>();
        for (AlertRule r : now.rules()) {
            if (r.kind() == AlertKind.THRESHOLD && r.indicator() == null) {
                valueRoles.add(r.role());
            } else {
                // A regime-change rule reads the verdict too: the checklist posts a change only
                // against a regime it computed before, so the first look after a start sets it.
                needsVerdict = true;
            }
        }
        String asOf = "";
        Integer tier = null;
        Set<String> stale = Set.of();
        Map<String, Double> readings = new HashMap<>();
        List<Evaluator.Reading> checked = List.of();
        Checklist c = checklist;
        if (needsVerdict && c != null) {
            Verdict v = c.latest();
            asOf = v.asOf();
            tier = v.tier();
            stale = Set.copyOf(v.stale());
            checked = Evaluator.Reading.of(v);
            for (Step step : v.steps()) {
                for (Evidence e : step.evidence()) {
                    if (e.value() != null) {
                        readings.putIfAbsent(e.role() + " " + e.indicator(), e.value());
                    }
                }
            }
        }
        Map<String, Evaluator.Value> values = new HashMap<>();
        RoleBindings bindings = roles;
        SeriesStore st = store;
        Map<String, String> bound = new HashMap<>();
        if (bindings != null) {
            bindings.all().forEach((role, id) -> bound.put(role, id.toString()));
        }
        if (bindings != null && st != null) {
            for (String role : valueRoles) {
                latest(bindings, st, role).ifPresent(v -> values.put(role, v));
            }
        }
        return new Evaluator.Snapshot(asOf, tier, stale, readings, checked, values, bindings != null && st != null,
                bound);
    }

    private java.util.Optional<Evaluator.Value> latest(RoleBindings bindings, SeriesStore st, String role) {
        try {
            SeriesId id = bindings.get(role).orElse(null);
            if (id == null) {
                return java.util.Optional.empty();
            }
            SeriesInfo info = st.info(id).orElse(null);
            if (info == null || info.count() == 0) {
                return java.util.Optional.empty();
            }
            SeriesData data = st.read(id, info.lastTime(), info.lastTime());
            if (data.isEmpty()) {
                return java.util.Optional.empty();
            }
            int last = data.size() - 1;
            String day = Instant.ofEpochMilli(data.time(last)).atZone(ZoneOffset.UTC).toLocalDate().toString();
            return java.util.Optional.of(new Evaluator.Value(data.value(last), day, id.toString()));
        } catch (Exception e) {
            logger.warn("alerts: cannot read the latest value of role {}: {}", role, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    @Override
    public List<TrackedAlert> recent(int max) {
        return delivery.recent(max);
    }

    @Override
    public List<String> channels() {
        return delivery.channels().stream().map(Channel::name).toList();
    }

    @Override
    public Future<?> test(long nowMillis) {
        AlertRule rule = new AlertRule("test", AlertKind.TEST, null, null, null, null, java.time.Duration.ZERO);
        return delivery.fire(Evaluator.alert(rule, nowMillis, "", "test", "none", "test", null, null, "",
                "A test alert from Tideline: if you read this, this channel works."), null);
    }

    @Override
    public Path ledger() {
        return rulesFile.resolveSibling(Ledger.FILE_NAME);
    }

    @Override
    public List<String> refusals() {
        List<String> out = new ArrayList<>();
        if (rejected != null) {
            out.add(rejected + "; alerts go to the window's banner only");
        }
        String error = rules.current(Files.isRegularFile(rulesFile) ? rulesFile : null).error();
        if (error != null) {
            out.add(error + "; the previous valid alert rules stay in force");
        }
        return out;
    }

    @Override
    public List<Problem> problems() {
        return refusals().stream().map(line -> Problem.of("alerts", line)).toList();
    }
}
