package io.tideline.regime;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import io.tideline.regime.api.Checklist;
import io.tideline.regime.api.ChecklistStep;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.RegimeEvents;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.StepContext;
import io.tideline.regime.api.Verdict;
import io.tideline.support.command.CommandArgs;
import io.tideline.support.json.LastValidFile;
import io.tideline.support.workspace.DataDir;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
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

/**
 * The {@code check} command: {@code check [--as-of YYYY-MM-DD] [--json]} prints the risk-off
 * checklist for a day (default: the latest), {@code check --from D1 --to D2 [--csv|--json]} one
 * verdict per day. Rules come from the bundle's defaults, replaced by
 * {@code DATA_DIR/workspace/checklist-rules.json} when that file is present and valid; an invalid
 * override keeps the previous valid rules in force and is reported. When the latest verdict's
 * regime differs from the previous one computed here, {@link RegimeEvents#TOPIC_CHANGED} is posted.
 */
@Component(service = {Command.class, EventHandler.class, Checklist.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
    EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_DELETED,
    EventConstants.EVENT_TOPIC + "=" + Roles.TOPIC_CHANGED})
public final class ChecklistComponent implements Command, EventHandler, Checklist {

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

    private static final CommandArgs.Parser ARGS = CommandArgs.parser().flags("--json", "--csv")
            .dates("--as-of", "--from", "--to");

    private Path overrideFile;
    private final LastValidFile<Rules> rules = new LastValidFile<>(RulesLoader::defaults, RulesLoader.READER::read);
    private Regime lastRegime;

    @Activate
    void activate(BundleContext context) {
        overrideFile = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("workspace").resolve("checklist-rules.json");
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

    /** New bars, a deleted series or a rebound role: recompute the latest verdict once things settle. */
    @Override
    public synchronized void handleEvent(Event event) {
        if (watcher.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = watcher.schedule(this::recheck, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Computes the latest verdict and posts a regime change; runs on the watcher thread. */
    private void recheck() {
        try {
            announce(checks(silent()).latest());
        } catch (RuntimeException e) {
            logger.warn("cannot recompute the latest checklist verdict: {}", e.toString());
        }
    }

    /** The verdict with every plugin step of the day appended; a plugin that throws shows UNKNOWN. */
    private Verdict withPlugins(Verdict v) {
        if (plugins.isEmpty()) {
            return v;
        }
        long end = LocalDate.parse(v.asOf()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 86_399_999L;
        RoleBindings bindings = roles;
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
                    return store.read(id.get(), Long.MIN_VALUE, end);
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
                v.missing(), steps);
    }

    @Override
    public Verdict latest() {
        return withPlugins(checks(silent()).latest());
    }

    @Override
    public Verdict asOf(LocalDate day) {
        return withPlugins(checks(silent()).asOf(day));
    }

    @Override
    public List<Verdict> replay(LocalDate from, LocalDate to) {
        return checks(silent()).replay(from, to).stream().map(this::withPlugins).toList();
    }

    private static PrintStream silent() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }

    /** The checks under the rules in force and the roles bound now. */
    private Checks checks(PrintStream err) {
        Rules current = currentRules(err);
        RoleBindings r = roles;
        return new Checks(engine, current, role -> r != null && r.get(role).isPresent());
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "the daily risk-off checklist: macro, leadership, crypto, correlation, execution and the regime";
    }

    @Override
    public String usage() {
        return "check [--as-of YYYY-MM-DD] [--json] | check --from YYYY-MM-DD --to YYYY-MM-DD [--csv|--json]";
    }

    @Override
    public int run(CommandRequest request) {
        LocalDate asOf;
        LocalDate from;
        LocalDate to;
        boolean json;
        boolean csv;
        try {
            CommandArgs a = ARGS.parse(request.args());
            asOf = a.date("--as-of");
            from = a.date("--from");
            to = a.date("--to");
            json = a.flag("--json");
            csv = a.flag("--csv");
            if ((from == null) != (to == null)) {
                throw new IllegalArgumentException("--from and --to go together");
            }
            if (from != null && asOf != null) {
                throw new IllegalArgumentException("--as-of does not go with --from/--to");
            }
            if (json && csv) {
                throw new IllegalArgumentException("choose one of --json and --csv");
            }
            if (csv && from == null) {
                throw new IllegalArgumentException("--csv is for --from/--to; use --json for one day");
            }
        } catch (IllegalArgumentException e) {
            request.err().println("check: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        }
        Checks checks = checks(request.err());
        PrintStream out = request.out();
        if (from != null) {
            List<Verdict> days = checks.replay(from, to).stream().map(this::withPlugins).toList();
            if (json) {
                out.println(VerdictFormat.json(days));
            } else if (csv) {
                out.println(VerdictFormat.CSV_HEADER);
                days.forEach(v -> out.println(VerdictFormat.csv(v)));
            } else {
                days.forEach(v -> VerdictFormat.text(v, out));
            }
            request.err().println(days.size() + " days");
            return OK;
        }
        Verdict v = withPlugins(asOf == null ? checks.latest() : checks.asOf(asOf));
        if (asOf == null) {
            announce(v);
        }
        if (json) {
            out.println(VerdictFormat.json(v));
        } else {
            VerdictFormat.text(v, out);
        }
        return OK;
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
