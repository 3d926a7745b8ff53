package io.tideline.workspace;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.series.SeriesId;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * {@code roles} command. A file that cannot be read is kept aside (never overwritten) and the
 * backup copy {@code roles.json.bak} is used if it reads cleanly; otherwise the workspace starts
 * without bindings. Either way the log and the {@code roles} command say which file was bad, where,
 * and what is in use instead (see {@link RolesOnDisk}).
 */
@Component(service = {RoleBindings.class, Command.class})
public final class WorkspaceRoles implements RoleBindings, Command {

    /** The option of {@code roles set} that adds a role of the user's own. */
    static final String NEW = "--new";

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

    /** What was wrong with the role files at start and what is in use instead, or null. */
    String loadProblem() {
        return loadProblem;
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

    // ---- the 'roles' command ----------------------------------------------------------------

    @Override
    public String name() {
        return "roles";
    }

    @Override
    public String summary() {
        return "which series plays which role (us10y, btc, ...); set or unset one";
    }

    @Override
    public String usage() {
        return "roles | roles set ROLE SERIES [--new] | roles unset ROLE";
    }

    @Override
    public int run(CommandRequest request) throws IOException {
        List<String> args = request.args();
        PrintStream out = request.out();
        try {
            if (args.isEmpty()) {
                list(out);
                return OK;
            }
            if (args.get(0).equals("set")) {
                return set(args.subList(1, args.size()), request);
            }
            if (args.size() == 2 && args.get(0).equals("unset")) {
                if (!unbind(args.get(1))) {
                    request.err().println("roles: " + args.get(1) + " is not bound");
                    return FAILED;
                }
                out.println(args.get(1) + " unbound");
                return OK;
            }
        } catch (IllegalArgumentException e) {
            request.err().println("roles: " + e.getMessage());
            return USAGE;
        }
        request.err().println("usage: " + usage());
        return USAGE;
    }

    private void list(PrintStream out) {
        Map<String, SeriesId> current = bindings;
        out.printf("%-24s  %-30s  %s%n", "ROLE", "SERIES", "STANDS FOR");
        Roles.known().forEach((role, what) -> out.printf("%-24s  %-30s  %s%n", role,
                current.containsKey(role) ? current.get(role) : "(unbound)", what));
        current.forEach((role, id) -> {
            if (!Roles.known().containsKey(role)) {
                out.printf("%-24s  %-30s  %s%n", role, id, "(your own role)");
            }
        });
        out.println("saved in " + disk.file());
        String misbound = cmeAsPerpetualOpenInterest(current);
        if (misbound != null) {
            out.println("note: " + misbound);
        }
        String problem = loadProblem;
        if (problem != null) {
            out.println("warning: " + problem);
        }
    }

    /**
     * {@code roles set ROLE SERIES [--new]}: a name that is neither a known role nor bound already
     * is refused without {@code --new}, so a typo does not quietly create a role nobody reads.
     */
    private int set(List<String> rest, CommandRequest request) throws IOException {
        List<String> words = new ArrayList<>();
        boolean isNew = false;
        for (String a : rest) {
            if (a.equals(NEW)) {
                isNew = true;
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a + " (roles set takes only " + NEW + ")");
            } else {
                words.add(a);
            }
        }
        if (words.size() != 2) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        String role = Roles.check(words.get(0));
        SeriesId series = SeriesId.parse(words.get(1));
        if (!isNew && !Roles.known().containsKey(role) && !bindings.containsKey(role)) {
            request.err().println("roles: " + unknownRole(role, bindings.keySet()));
            request.err().println("usage: " + usage());
            return USAGE;
        }
        bind(role, series);
        request.out().println(role + " -> " + series);
        String misbound = cmeAsPerpetualOpenInterest(bindings);
        if (misbound != null && role.equals(Roles.BTC_OI)) {
            request.out().println("note: " + misbound);
        }
        return OK;
    }

    /** Why {@code role} is refused: the closest known name, every known and bound one, and how to add it. */
    static String unknownRole(String role, Set<String> bound) {
        Set<String> names = new LinkedHashSet<>(Roles.known().keySet());
        names.addAll(bound);
        String closest = RoleNames.closest(role, names);
        Set<String> own = new TreeSet<>(bound);
        own.removeAll(Roles.known().keySet());
        return role + " is not a known role" + (closest == null ? "" : "; did you mean " + closest + "?")
                + " Known roles: " + String.join(", ", Roles.known().keySet())
                + (own.isEmpty() ? "" : "; your own roles: " + String.join(", ", own))
                + ". To add a role of your own: roles set " + role + " SERIES " + NEW;
    }
}
