package io.tideline.workspace;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.workspace.WorkspaceDate.Pinned;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code asof | asof YYYY-MM-DD | asof latest}: prints the day the checklist, scenarios and window
 * show, pins a day, or goes back to the newest data. A thin command over {@link AsOfDesk}.
 */
@Component(service = Command.class)
public final class AsOfCommand implements Command {

    /** The reason recorded by {@code asof DATE}. */
    static final String SET_BY_USER = "set with asof";

    private final AsOfDesk desk;
    /** Today, for refusing a day after it; fixed in tests. */
    private final Clock clock;

    /** Activated by SCR with the workspace's date. */
    @Activate
    public AsOfCommand(@Reference AsOfDesk desk) {
        this(desk, Clock.systemUTC());
    }

    /** For tests: the command with {@code clock} as today. */
    AsOfCommand(AsOfDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "asof";
    }

    @Override
    public String summary() {
        return "the day the checklist, scenarios and window show: print it, pin a day, or back to the newest data";
    }

    @Override
    public String usage() {
        return "asof | asof YYYY-MM-DD | asof latest (or: asof clear)";
    }

    @Override
    public int run(CommandRequest request) throws IOException {
        List<String> args = request.args();
        PrintStream out = request.out();
        if (args.isEmpty()) {
            Optional<Pinned> p = desk.pinned();
            desk.problem().ifPresent(bad -> out.println("warning: " + bad + "; showing the newest data"));
            out.println(p.map(d -> "as of " + d.day() + ", " + d.reason() + "; asof latest for the newest data")
                    .orElse("the newest data (no as-of date set); asof YYYY-MM-DD pins a day"));
            out.println("saved in " + desk.file());
            return OK;
        }
        if (args.size() != 1) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        String arg = args.get(0);
        if (arg.equals("latest") || arg.equals("clear")) {
            Optional<Pinned> before = desk.pinned();
            desk.clear();
            out.println("the newest data from now on" + before.map(d -> " (was " + d.day() + ", " + d.reason() + ")")
                    .orElse("") + "; check shows what is stale there");
            return OK;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(arg);
        } catch (DateTimeParseException e) {
            request.err().println("asof: '" + arg + "' is not a date YYYY-MM-DD, latest or clear");
            request.err().println("usage: " + usage());
            return USAGE;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (day.isAfter(today)) {
            request.err().println("asof: " + day + " is after today (" + today + " UTC); there is no data for it yet");
            return USAGE;
        }
        desk.pin(new Pinned(day, SET_BY_USER));
        out.println("as of " + day + " from now on (check, scenarios and the window); asof latest for the newest data");
        return OK;
    }
}
