package io.tideline.cli.internal;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.BundleStatus;
import io.tideline.api.platform.Problem;
import io.tideline.api.platform.ProblemSource;
import io.tideline.support.workspace.DataDir;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code status}: the data directory, every bundle with its state, the registered Tideline
 * services, and the problems every {@link ProblemSource} reports (bundles that cannot run, a
 * damaged trust setting, a damaged store, feeds that are down or stale, refused connector
 * settings, stale data behind a core role), grouped by source. Exits 1 when there is a problem.
 * It knows none of the services behind the problems: a service that can go wrong registers a
 * source.
 */
@Component
public final class StatusCommand implements Command {

    private BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BundleDiagnostics diagnostics;

    private final List<ProblemSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(ProblemSource source) {
        sources.add(source);
    }

    void removeSource(ProblemSource source) {
        sources.remove(source);
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "bundles with their state, Tideline services, data directory and problems";
    }

    @Override
    public String usage() {
        return "status";
    }

    @Override
    public int run(CommandRequest request) throws InvalidSyntaxException {
        if (!request.args().isEmpty()) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        PrintStream out = request.out();
        out.println("Tideline status");
        Path dataDir = DataDir.of(context.getProperty(DataDir.PROPERTY));
        out.printf("  data directory  %s%n", dataDir);
        out.printf("  deploy folder   %s%n", context.getProperty("tideline.deploy.dir"));
        boolean headless = Boolean.parseBoolean(context.getProperty("tideline.headless"));
        boolean serve = Boolean.parseBoolean(context.getProperty("tideline.serve"));
        out.printf("  mode            %s%n", serve ? "serve (headless, long-running; whether it runs the feeds: 'feeds status')"
                : headless ? "headless" : "workbench");
        if (Boolean.parseBoolean(context.getProperty("tideline.control"))) {
            out.printf("  control socket  %s (commands from other processes run here)%n",
                    dataDir.resolve("control.sock"));
        }

        BundleDiagnostics diag = diagnostics;
        if (diag == null) {
            request.err().println("status: bundle diagnostics (io.tideline.platform) is not running");
            return FAILED;
        }
        List<BundleStatus> bundles = diag.bundles();
        long active = bundles.stream().filter(b -> b.state() == BundleStatus.State.ACTIVE).count();
        out.printf("%nBundles (%d, %d active):%n", bundles.size(), active);
        out.printf("  %4s  %-11s  %-24s  %s%n", "ID", "STATE", "VERSION", "SYMBOLIC NAME");
        for (BundleStatus b : bundles) {
            out.printf("  %4d  %-11s  %-24s  %s%n", b.bundleId(), b.state(), b.version(), b.symbolicName());
        }

        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(objectClass=io.tideline.*)");
        List<ServiceReference<?>> services = refs == null ? List.of() : List.of(refs);
        out.printf("%nTideline services (%d):%n", services.size());
        for (ServiceReference<?> ref : services) {
            String[] classes = (String[]) ref.getProperty(Constants.OBJECTCLASS);
            Object component = ref.getProperty("component.name");
            out.printf("  %s%s  from %s%n", String.join(", ", classes),
                    component == null ? "" : " (" + component + ")", ref.getBundle().getSymbolicName());
        }

        Map<String, List<String>> problems = collect(sources);
        int count = problems.values().stream().mapToInt(List::size).sum();
        if (count == 0) {
            out.printf("%nProblems: none%n");
        } else {
            out.printf("%nProblems (%d):%n", count);
            problems.forEach((source, lines) -> {
                out.println("  " + source + ":");
                lines.forEach(line -> out.println("    " + line));
            });
        }
        return count == 0 ? OK : FAILED;
    }

    /**
     * What every source reports, by source name (sorted, so the list reads the same each time);
     * a source that throws is a problem of its own, named by its class, and the others go on.
     */
    static Map<String, List<String>> collect(List<ProblemSource> sources) {
        Map<String, List<String>> bySource = new TreeMap<>();
        for (ProblemSource source : sources) {
            List<Problem> reported;
            try {
                reported = source.problems();
            } catch (RuntimeException | LinkageError e) {
                reported = List.of(new Problem("status", "the problem source " + source.getClass().getName()
                        + " failed: " + e.getMessage() + "; its problems are not shown"));
            }
            for (Problem p : reported == null ? List.<Problem>of() : reported) {
                bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p.message());
            }
        }
        return bySource;
    }
}
