package io.tideline.workspace;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.series.SeriesId;
import io.tideline.api.workspace.Roles;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code roles | roles set ROLE SERIES [--new] | roles unset ROLE}: which series plays which role,
 * and binding or unbinding one. A thin command over {@link RolesDesk}.
 */
@Component(service = Command.class)
public final class RolesCommand implements Command {

    /** The option of {@code roles set} that adds a role of the user's own. */
    static final String NEW = "--new";

    private final RolesDesk roles;

    /** Activated by SCR with the workspace's role bindings. */
    @Activate
    public RolesCommand(@Reference RolesDesk roles) {
        this.roles = roles;
    }

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
                if (!roles.unbind(args.get(1))) {
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
        Map<String, SeriesId> current = roles.all();
        out.printf("%-24s  %-30s  %s%n", "ROLE", "SERIES", "STANDS FOR");
        Roles.known().forEach((role, what) -> out.printf("%-24s  %-30s  %s%n", role,
                current.containsKey(role) ? current.get(role) : "(unbound)", what));
        current.forEach((role, id) -> {
            if (!Roles.known().containsKey(role)) {
                out.printf("%-24s  %-30s  %s%n", role, id, "(your own role)");
            }
        });
        out.println("saved in " + roles.file());
        String misbound = WorkspaceRoles.cmeAsPerpetualOpenInterest(current);
        if (misbound != null) {
            out.println("note: " + misbound);
        }
        roles.loadProblem().ifPresent(problem -> out.println("warning: " + problem));
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
        Map<String, SeriesId> bound = roles.all();
        if (!isNew && !Roles.known().containsKey(role) && !bound.containsKey(role)) {
            request.err().println("roles: " + unknownRole(role, bound.keySet()));
            request.err().println("usage: " + usage());
            return USAGE;
        }
        roles.bind(role, series);
        request.out().println(role + " -> " + series);
        String misbound = WorkspaceRoles.cmeAsPerpetualOpenInterest(roles.all());
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
