package io.tideline.workspace;

import io.tideline.api.series.SeriesId;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link RoleBindings} service, saved in {@code DATA_DIR/workspace/roles.json}, and the
 * {@link RolesDesk} the {@code roles} command ({@link RolesCommand}) works through. A file that cannot be read is kept aside (never overwritten) and the
 * backup copy {@code roles.json.bak} is used if it reads cleanly; otherwise the workspace starts
 * without bindings. Either way the log and the {@code roles} command say which file was bad, where,
 * and what is in use instead (see {@link RolesOnDisk}).
 */
@Component(service = {RoleBindings.class, RolesDesk.class})
public final class WorkspaceRoles implements RolesDesk {

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    private RolesOnDisk disk;
    private volatile Map<String, SeriesId> bindings = Map.of();
    /** What was wrong with the files at start, and what is in use instead; null if nothing. */
    private volatile String loadProblem;

    @Activate
    void activate(BundleContext context) {
        open(new RolesOnDisk(DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("workspace")
                .resolve("roles.json")));
    }

    /** For tests: the component over {@code onDisk}, loaded, without a framework. */
    static WorkspaceRoles of(Logger logger, RolesOnDisk onDisk) {
        WorkspaceRoles roles = new WorkspaceRoles();
        roles.logger = logger;
        roles.open(onDisk);
        return roles;
    }

    /** Loads the bindings, reporting a fallback in the log. */
    private void open(RolesOnDisk onDisk) {
        disk = onDisk;
        RolesOnDisk.Loaded loaded = onDisk.load();
        bindings = loaded.bindings();
        loadProblem = loaded.problem();
        if (loaded.source() == RolesOnDisk.Source.BACKUP) {
            logger.warn("role bindings: {}", loaded.problem());
        } else if (loaded.problem() != null) {
            logger.error("role bindings: {}", loaded.problem());
        }
        String misbound = cmeAsPerpetualOpenInterest(bindings);
        if (misbound != null) {
            logger.warn("role bindings: {}", misbound);
        }
    }

    /**
     * A note when {@code btc.oi}, perpetual open interest, is bound to a CFTC series: the weekly
     * report of CME futures contracts, which is {@code btc.cme.oi}. Sample workspaces loaded before
     * that role existed bound it so. A binding is the user's, so it is named, never moved; null
     * when there is nothing to say.
     */
    static String cmeAsPerpetualOpenInterest(Map<String, SeriesId> bindings) {
        SeriesId oi = bindings.get(Roles.BTC_OI);
        if (oi == null || !oi.source().equals("cftc")) {
            return null;
        }
        return Roles.BTC_OI + " (perpetual open interest, USD) is bound to " + oi + ", a CFTC report of CME futures"
                + " (weekly, contracts), which the checklist would read as perpetual positioning; CME open interest is"
                + " the role " + Roles.BTC_CME_OI + ". To move it: roles unset " + Roles.BTC_OI + ", then roles set "
                + Roles.BTC_CME_OI + " " + oi;
    }

    @Override
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    @Override
    public Path file() {
        return disk.file();
    }

    @Override
    public Map<String, SeriesId> all() {
        return bindings;
    }

    @Override
    public Optional<SeriesId> get(String role) {
        return Optional.ofNullable(bindings.get(role));
    }

    @Override
    public synchronized void bind(String role, SeriesId series) throws IOException {
        Roles.check(role);
        Map<String, SeriesId> next = new TreeMap<>(bindings);
        next.put(role, series);
        save(next, role);
    }

    @Override
    public synchronized boolean unbind(String role) throws IOException {
        if (!bindings.containsKey(role)) {
            return false;
        }
        Map<String, SeriesId> next = new TreeMap<>(bindings);
        next.remove(role);
        save(next, role);
        return true;
    }

    private void save(Map<String, SeriesId> next, String role) throws IOException {
        disk.save(next);
        bindings = Collections.unmodifiableMap(next);
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(Roles.TOPIC_CHANGED, Map.of("role", role)));
        }
    }
}
