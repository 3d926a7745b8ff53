package io.tideline.platform.internal;

import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.BundleProblem;
import io.tideline.api.platform.BundleStatus;
import io.tideline.api.platform.DeployFileProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Finds the bundles that are installed but not running and says why in one line: the missing
 * package (with its version range) or other requirement for a bundle that does not resolve, the
 * start error for one that resolved but failed to start. New problems are logged as warnings
 * (which the console log prints), e.g. for a jar dropped into {@code deploy/}.
 */
@Component(immediate = true, service = BundleDiagnostics.class)
public final class Diagnostics implements BundleDiagnostics, BundleListener, FrameworkListener {

    private static final long SETTLE_MILLIS = 250;
    private static final long RECHECK_MILLIS = 1_500;
    /**
     * How often the deploy folder is looked at for jars FileInstall leaves uninstalled: such a
     * jar raises no bundle event, so only a look finds it. A listing and a few file attributes.
     */
    private static final long DEPLOY_LOOK_MILLIS = 2_000;
    /** The framework property naming the deploy folder (set by the launcher). */
    static final String DEPLOY_DIR = "tideline.deploy.dir";

    private final Map<Long, String> startErrors = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** Problems seen once: reported only if a later check sees them again. */
    private final Set<String> suspect = ConcurrentHashMap.newKeySet();
    private final DeployFolderCheck deployFolder = new DeployFolderCheck();
    /** Deploy file problems already logged, so each is logged once while it lasts. */
    private final Set<String> reportedFiles = ConcurrentHashMap.newKeySet();

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    /** Says why a deploy bundle is held back or refused; the trust component logs that itself. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrustGate gate;

    /** Says why a deploy bundle did not start (its activator threw, or overran its time limit). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeployStarter starter;

    private BundleContext context;
    private ScheduledExecutorService checker;
    private ScheduledFuture<?> pending;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tideline-diagnostics"));
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        scheduleCheck();
        checker.scheduleWithFixedDelay(this::reportDeployFiles, DEPLOY_LOOK_MILLIS, DEPLOY_LOOK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
        checker.shutdownNow();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.UNINSTALLED
                || event.getType() == BundleEvent.UPDATED) {
            startErrors.remove(id);
        }
        scheduleCheck();
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getThrowable() != null) {
            String message = event.getThrowable().getMessage();
            startErrors.put(event.getBundle().getBundleId(), message == null
                    ? event.getThrowable().getClass().getName() : message.lines().findFirst().orElse(""));
            scheduleCheck();
        }
    }

    /** Debounced: a burst of bundle events (a jar installed, resolved, started) is checked once. */
    private synchronized void scheduleCheck() {
        if (checker.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = checker.schedule(this::reportNew, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void reportNew() {
        try {
            TrustGate g = gate;
            DeployStarter s = starter;
            for (BundleProblem p : problems()) {
                Bundle b = context.getBundle(p.bundleId());
                // The trust component and the deploy starter log their own findings.
                if (b != null && (g != null && g.reasonFor(b) != null || s != null && s.problemFor(b) != null)) {
                    continue;
                }
                String key = p.bundleId() + "|" + p.message();
                // A resolve that raced another one (the launcher starting bundles while FileInstall
                // installs) can fail for no lasting reason: report a problem only when a second
                // look, shortly after, still sees it.
                if (suspect.add(key)) {
                    checker.schedule(this::reportNew, RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                    continue;
                }
                if (reported.add(key)) {
                    logger.warn(p.oneLine());
                }
            }
        } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
            // The framework is stopping; nothing left to report on.
        }
    }

    /** Logs each new deploy file problem once as a warning, as a bundle problem is. */
    private void reportDeployFiles() {
        try {
            Set<String> now = new HashSet<>();
            for (DeployFileProblem p : deployFileProblems()) {
                String line = "deploy/" + p.fileName() + ": " + p.message();
                now.add(line);
                if (reportedFiles.add(line)) {
                    logger.warn(line);
                }
            }
            // A problem that went away (the file was fixed or removed) is logged again if it returns.
            reportedFiles.retainAll(now);
        } catch (IllegalStateException e) {
            // The framework is stopping; nothing left to report on.
        } catch (RuntimeException e) {
            // A look must never end the periodic task: the next one tries again.
            logger.warn("could not look at the deploy folder: {}", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public List<DeployFileProblem> deployFileProblems() {
        String dir = context.getProperty(DEPLOY_DIR);
        if (dir == null || dir.isBlank()) {
            return List.of();
        }
        Map<Path, DeployFolderCheck.Installed> installed = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            Path file = TrustGate.fileOf(b.getLocation());
            if (file != null) {
                installed.put(file, new DeployFolderCheck.Installed(nameOf(b), b.getVersion().toString(),
                        b.getLocation()));
            }
        }
        return deployFolder.problems(Path.of(dir).toAbsolutePath().normalize(), installed, Instant.now());
    }

    @Override
    public List<BundleStatus> bundles() {
        List<BundleStatus> list = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            list.add(new BundleStatus(b.getBundleId(), nameOf(b), b.getVersion().toString(), stateOf(b), b.getLocation()));
        }
        return List.copyOf(list);
    }

    static BundleStatus.State stateOf(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> BundleStatus.State.INSTALLED;
            case Bundle.RESOLVED -> isFragment(b) ? BundleStatus.State.FRAGMENT : BundleStatus.State.RESOLVED;
            case Bundle.STARTING -> BundleStatus.State.STARTING;
            case Bundle.STOPPING -> BundleStatus.State.STOPPING;
            case Bundle.ACTIVE -> BundleStatus.State.ACTIVE;
            default -> BundleStatus.State.UNINSTALLED;
        };
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String nameOf(Bundle b) {
        return b.getSymbolicName() == null ? b.getLocation() : b.getSymbolicName();
    }

    @Override
    public List<BundleProblem> problems() {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        List<BundleProblem> problems = new ArrayList<>();
        TrustGate g = gate;
        DeployStarter s = starter;
        for (Bundle b : context.getBundles()) {
            String message = g == null ? null : g.reasonFor(b);
            if (message == null && s != null) {
                message = s.problemFor(b);
            }
            BundleRevision revision = b.adapt(BundleRevision.class);
            // A bundle may be INSTALLED only because nobody asked for it to be resolved yet (the
            // launcher is still starting bundles, FileInstall has not got to it): try first.
            // A bundle the deploy trust gate holds back or refused: its reason is the whole story.
            if (message == null && b.getState() == Bundle.INSTALLED && revision != null && !wiring.resolveBundles(List.of(b))) {
                message = g == null ? null : g.reasonFor(b);
                if (message == null) {
                    message = unresolvedReason(revision, wiring);
                }
            } else if (message == null && !isFragment(b) && b.getState() == Bundle.RESOLVED && startErrors.containsKey(b.getBundleId())) {
                message = "start failed: " + startErrors.get(b.getBundleId());
            }
            if (message != null) {
                problems.add(new BundleProblem(b.getBundleId(), nameOf(b), b.getVersion().toString(), b.getLocation(),
                        message));
            }
        }
        return List.copyOf(problems);
    }

    /** The first mandatory requirement nothing provides, or the unresolved provider it waits for. */
    static String unresolvedReason(BundleRevision revision, FrameworkWiring wiring) {
        List<String> missing = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (Requirement req : revision.getRequirements(null)) {
            Map<String, String> directives = req.getDirectives();
            if (Namespace.RESOLUTION_OPTIONAL.equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || PackageNamespace.RESOLUTION_DYNAMIC.equals(
                            directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || "osgi.wiring.host".equals(req.getNamespace())) {
                continue;
            }
            String what = RequirementText.describe(req.getNamespace(), directives.get(Namespace.REQUIREMENT_FILTER_DIRECTIVE));
            Collection<BundleCapability> providers = wiring.findProviders(req);
            if (providers.isEmpty()) {
                missing.add(RequirementText.verb(req.getNamespace()) + " " + what
                        + ", which no installed bundle provides");
            } else if (providers.stream().allMatch(c -> c.getRevision().getBundle().getState() == Bundle.INSTALLED)) {
                Bundle provider = providers.iterator().next().getRevision().getBundle();
                waiting.add(RequirementText.verb(req.getNamespace()) + " " + what + " from "
                        + provider.getSymbolicName() + ", which is not resolved itself");
            }
        }
        if (!missing.isEmpty()) {
            return String.join("; ", missing);
        }
        if (!waiting.isEmpty()) {
            return String.join("; ", waiting);
        }
        return "not resolved (every requirement has a provider; a uses-constraint conflict is likely)";
    }
}
