package io.tideline.cli.internal;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.BundleStatus;
import io.tideline.api.platform.DeployTrust;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreHealth;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
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
 * services, and the problems of bundles that are not running and of a series store that could not
 * open or failed its last integrity check. Exits 1 when there is a problem.
 */
@Component
public final class StatusCommand implements Command {

    private BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BundleDiagnostics diagnostics;

    /** Reports a damaged trust setting (which makes trust strict) as a problem. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeployTrust trust;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SeriesStore store;

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
        out.printf("  data directory  %s%n", context.getProperty("tideline.data.dir"));
        out.printf("  deploy folder   %s%n", context.getProperty("tideline.deploy.dir"));
        out.printf("  mode            %s%n", Boolean.parseBoolean(context.getProperty("tideline.headless"))
                ? "headless" : "workbench");

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

        List<String> problems = new ArrayList<>();
        diag.problems().forEach(p -> problems.add(p.oneLine()));
        problems.addAll(storeProblems());
        DeployTrust t = trust;
        if (t != null) {
            t.settingProblems().forEach(p -> problems.add("deploy trust setting: " + p
                    + "; trust is checked (mode trusted) until it is fixed"));
        }
        if (problems.isEmpty()) {
            out.printf("%nProblems: none%n");
        } else {
            out.printf("%nProblems (%d):%n", problems.size());
            problems.forEach(p -> out.println("  " + p));
        }
        return problems.isEmpty() ? OK : FAILED;
    }

    /** A store that could not open, or failed its last 'db check' (or a read since), is a problem. */
    private List<String> storeProblems() {
        SeriesStore s = store;
        if (s == null) {
            return List.of();
        }
        StoreHealth health = s.health();
        if (!health.isProblem()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (health.status() == StoreHealth.Status.UNAVAILABLE) {
            health.problems().forEach(p -> lines.add("series store: " + p));
        } else {
            lines.add("series store: damaged" + (health.checkedAt() == null ? "" : " (last 'db check' "
                    + health.checkedAt() + ")") + "; run 'tideline --headless db check', then restore the latest"
                    + " backup (db restore DIR)");
            health.problems().forEach(p -> lines.add("  " + p));
        }
        return lines;
    }
}
