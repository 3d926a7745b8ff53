package io.tideline.workspace;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.series.SeriesId;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.Roles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
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
 * {@code roles} command. A file that cannot be read is moved aside (never overwritten) and the
 * workspace starts without bindings, with an error naming the file and what was wrong.
 */
@Component(service = {RoleBindings.class, Command.class})
public final class WorkspaceRoles implements RoleBindings, Command {

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    private Path file;
    private volatile Map<String, SeriesId> bindings = Map.of();

    @Activate
    void activate(BundleContext context) {
        String dataDir = context.getProperty("tideline.data.dir");
        file = Path.of(dataDir == null ? System.getProperty("user.home") + "/.tideline" : dataDir, "workspace",
                "roles.json");
        bindings = load(file);
    }

    private Map<String, SeriesId> load(Path path) {
        if (!Files.exists(path)) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(RolesFile.read(path).bindings(path));
        } catch (IOException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + Instant.now().toEpochMilli());
            try {
                Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
                logger.error("cannot read the role bindings: {}; the file was kept as {} and the workspace starts"
                        + " without bindings", e.getMessage(), aside);
            } catch (IOException moveFailed) {
                logger.error("cannot read the role bindings: {}; it could not be moved aside either ({})",
                        e.getMessage(), moveFailed.getMessage());
            }
            return Map.of();
        }
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
        RolesFile.write(file, next);
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
        return "roles | roles set ROLE SERIES | roles unset ROLE";
    }

    @Override
    public int run(CommandRequest request) throws IOException {
        List<String> args = request.args();
        PrintStream out = request.out();
        try {
            if (args.isEmpty()) {
                Map<String, SeriesId> current = bindings;
                out.printf("%-24s  %-30s  %s%n", "ROLE", "SERIES", "STANDS FOR");
                Roles.known().forEach((role, what) -> out.printf("%-24s  %-30s  %s%n", role,
                        current.containsKey(role) ? current.get(role) : "(unbound)", what));
                current.forEach((role, id) -> {
                    if (!Roles.known().containsKey(role)) {
                        out.printf("%-24s  %-30s  %s%n", role, id, "(your own role)");
                    }
                });
                out.println("saved in " + file);
                return OK;
            }
            if (args.size() == 3 && args.get(0).equals("set")) {
                bind(args.get(1), SeriesId.parse(args.get(2)));
                out.println(args.get(1) + " -> " + args.get(2));
                return OK;
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
}
