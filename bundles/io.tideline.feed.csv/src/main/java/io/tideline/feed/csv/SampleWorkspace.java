package io.tideline.feed.csv;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.support.workspace.DataDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The sample workspace: real daily data shipped in the distribution's {@code data/sample/}
 * (origin and licence in its SOURCES.md), loaded into an empty store on first start, with its
 * role bindings, so Tideline shows real markets with no network and no keys. Roles the user
 * bound already are left alone. The sample's own date (its manifest's {@code asOf}, a day on
 * which every core role is fresh) becomes the workspace's as-of date unless one is set already,
 * so the first verdict is a whole one rather than one over stale inputs. Headless, it loads before the command runs; with a window, in
 * the background. {@code sample} shows what it holds, {@code sample load} loads it again.
 */
@Component(service = Command.class, immediate = true)
public final class SampleWorkspace implements Command {

    static final String MARKER = "sample-loaded";

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference
    private SeriesStore store;

    @Reference
    private RoleBindings roles;

    @Reference
    private WorkspaceDate workspaceDate;

    /** The reason recorded with the sample's as-of date, shown by check, scenarios and the window. */
    static final String SAMPLE_DATE = WorkspaceDate.SAMPLE_REASON;

    private Path manifest;
    private Path marker;
    private volatile boolean stopping;
    private Thread loader;

    @Activate
    void activate(BundleContext context) {
        String home = context.getProperty("tideline.home");
        manifest = Path.of(home == null ? "." : home, "data", "sample", "workspace.json");
        marker = DataDir.of(context.getProperty(DataDir.PROPERTY)).resolve("workspace").resolve(MARKER);
        if (!Files.exists(manifest) || isLoaded()) {
            return;
        }
        if (Boolean.parseBoolean(context.getProperty("tideline.headless"))) {
            firstStart();
        } else {
            loader = new Thread(this::firstStart, "tideline-sample-workspace");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /** Stops a load in progress at the next file; it resumes on the next start. */
    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        if (loader != null) {
            loader.join(30_000);
        }
    }

    private boolean isLoaded() {
        try {
            return Files.exists(marker) && Files.readString(marker).startsWith("loaded");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Loads into an empty store, or resumes a load that was interrupted (imports are
     * idempotent); a store that already holds the user's own series is left alone.
     */
    private void firstStart() {
        try {
            boolean resuming = Files.exists(marker);
            if (!resuming && !store.list().isEmpty()) {
                logger.info("the store already holds series; the sample workspace is not loaded (sample load does)");
                mark("loaded: skipped, the store already held series, " + Instant.now());
                return;
            }
            mark("loading " + Instant.now());
            List<String> problems = load(msg -> logger.info("{}", msg));
            problems.forEach(p -> logger.error("sample workspace: {}", p));
            if (!stopping) {
                mark("loaded " + Instant.now() + " from " + manifest);
            }
        } catch (IOException | StoreException e) {
            logger.error("cannot load the sample workspace from {}: {}", manifest, e.getMessage());
        }
    }

    private void mark(String text) throws IOException {
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, text + "\n");
    }

    /** Imports every entry; returns the problems (one line each), importing what it can. */
    List<String> load(java.util.function.Consumer<String> out) throws IOException {
        SampleManifest m = SampleManifest.read(manifest);
        Path base = manifest.getParent();
        List<String> problems = new ArrayList<>();
        // Pinned before the first import binds a role, so nothing (status, the views) measures the
        // sample's data against today while it loads.
        Optional<LocalDate> day = m.date();
        if (day.isPresent() && !stopping && workspaceDate.pinned().isEmpty()) {
            workspaceDate.pin(new WorkspaceDate.Pinned(day.get(), SAMPLE_DATE));
            out.accept("as of " + day.get() + ", " + SAMPLE_DATE + " (asof latest for the newest data)");
        }
        for (SampleManifest.Entry e : m.series()) {
            if (stopping) {
                break;
            }
            try {
                Importer.Outcome outcome = Importer.run(store, e.request(base), bytes -> { });
                out.accept(outcome.summary());
                if (e.role() != null && roles.get(e.role()).isEmpty()) {
                    roles.bind(e.role(), SeriesId.parse(e.id()));
                }
            } catch (StoreException | IOException ex) {
                problems.add(ex.getMessage());
            }
        }
        return problems;
    }

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String summary() {
        return "the sample workspace shipped with Tideline: show it, or load it (again)";
    }

    @Override
    public String usage() {
        return "sample | sample load";
    }

    @Override
    public int run(CommandRequest request) throws IOException {
        PrintStream out = request.out();
        if (request.args().isEmpty()) {
            SampleManifest m = SampleManifest.read(manifest);
            out.println("sample workspace: " + manifest + (Files.exists(marker) ? " (loaded)" : " (not loaded)"));
            for (SampleManifest.Entry e : m.series()) {
                out.printf("  %-26s %-24s %s%n", e.id(), e.role() == null ? "" : e.role(), e.name());
                if (e.paths().size() > 1) {
                    out.printf("  %-26s %-24s stitched from %s (the later file wins where they overlap)%n", "", "",
                            String.join(" + ", e.paths()));
                }
            }
            m.date().ifPresent(d -> out.println("the sample's date: " + d + " (every core role fresh);"
                    + " loading the sample opens the workspace on it"));
            out.println("sources and licences: " + manifest.resolveSibling("SOURCES.md"));
            return OK;
        }
        if (request.args().equals(List.of("load"))) {
            List<String> problems = load(out::println);
            problems.forEach(p -> request.err().println("sample: " + p));
            mark("loaded " + Instant.now() + " from " + manifest);
            return problems.isEmpty() ? OK : FAILED;
        }
        request.err().println("usage: " + usage());
        return USAGE;
    }
}
