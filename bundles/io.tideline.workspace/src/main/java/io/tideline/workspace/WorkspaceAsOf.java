package io.tideline.workspace;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * The {@link WorkspaceDate} service, saved in {@code DATA_DIR/workspace/asof.json} ({@link AsOfFile}),
 * and the {@code asof} command. The file is read again when it changed on disk, so a date set by
 * {@code tideline --headless asof} reaches a window open on the same data directory. A file that
 * cannot be read means no pinned day (the newest data); the log and the {@code asof} command name
 * the file and the fault, and the next {@code asof DATE} replaces it.
 */
@Component(service = {WorkspaceDate.class, Command.class})
public final class WorkspaceAsOf implements WorkspaceDate, Command {

    /** The reason recorded by {@code asof DATE}. */
    static final String SET_BY_USER = "set with asof";

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    private Path file;
    private Clock clock = Clock.systemUTC();
    /** What was read, and the file's modification time and size when it was read. */
    private Optional<Pinned> cached = Optional.empty();
    private FileTime cachedTime;
    private long cachedSize = -1;
    private String problem;

    @Activate
    void activate(BundleContext context) {
        file = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("workspace").resolve("asof.json");
    }

    /** For tests: the component over {@code file}, without a framework. */
    static WorkspaceAsOf of(Logger logger, Path file, Clock clock) {
        WorkspaceAsOf w = new WorkspaceAsOf();
        w.logger = logger;
        w.file = file;
        w.clock = clock;
        return w;
    }

    @Override
    public synchronized Optional<Pinned> pinned() {
        FileTime time = null;
        long size = -1;
        try {
            if (Files.exists(file)) {
                time = Files.getLastModifiedTime(file);
                size = Files.size(file);
            }
        } catch (IOException e) {
            // Gone between the two calls: read below as no file.
        }
        if (Objects.equals(time, cachedTime) && size == cachedSize) {
            return cached;
        }
        cachedTime = time;
        cachedSize = size;
        try {
            cached = AsOfFile.load(file);
            problem = null;
        } catch (IOException e) {
            cached = Optional.empty();
            problem = e.getMessage();
            logger.error("as-of date: {}; showing the newest data (asof DATE or asof latest replaces the file)",
                    e.getMessage());
        }
        return cached;
    }

    @Override
    public synchronized void pin(Pinned pinned) throws IOException {
        AsOfFile.save(file, pinned);
        changed(pinned.day().toString());
    }

    @Override
    public synchronized boolean clear() throws IOException {
        boolean was = pinned().isPresent();
        boolean existed = Files.deleteIfExists(file);
        if (existed) {
            changed("");
        }
        return was;
    }

    private void changed(String day) {
        cachedTime = null;
        cachedSize = -2;
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(TOPIC_CHANGED, Map.of("asOf", day)));
        }
    }

    // ---- the 'asof' command -----------------------------------------------------------------

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
            Optional<Pinned> p = pinned();
            String bad = problem;
            if (bad != null) {
                out.println("warning: " + bad + "; showing the newest data");
            }
            out.println(p.map(d -> "as of " + d.day() + ", " + d.reason() + "; asof latest for the newest data")
                    .orElse("the newest data (no as-of date set); asof YYYY-MM-DD pins a day"));
            out.println("saved in " + file);
            return OK;
        }
        if (args.size() != 1) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        String arg = args.get(0);
        if (arg.equals("latest") || arg.equals("clear")) {
            Optional<Pinned> before = pinned();
            clear();
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
        pin(new Pinned(day, SET_BY_USER));
        out.println("as of " + day + " from now on (check, scenarios and the window); asof latest for the newest data");
        return OK;
    }
}
