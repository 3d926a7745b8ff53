package io.tideline.views.admin.plugins;

import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.BundleProblem;
import io.tideline.api.platform.BundleStatus;
import io.tideline.api.platform.DeployFileProblem;
import io.tideline.api.platform.DeployTrust;
import io.tideline.api.platform.RefusedJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.log.Logger;

/**
 * The running framework as the Plugins view sees it. Bundle problems come from
 * {@link BundleDiagnostics} and refused jars from {@link DeployTrust} when those services run;
 * without them the view still lists bundles and their states. Thread-safe.
 */
public final class OsgiPluginsSource implements PluginsSource {

    /** The framework property naming the deploy folder. */
    public static final String DEPLOY_DIR = "tideline.deploy.dir";

    private final BundleContext context;
    private final Supplier<BundleDiagnostics> diagnostics;
    private final Supplier<DeployTrust> trust;
    private final Logger logger;

    /**
     * @param diagnostics the diagnostics service or {@code null}, asked on every snapshot since it may come and go
     * @param trust the trust service or {@code null}, likewise
     */
    public OsgiPluginsSource(BundleContext context, Supplier<BundleDiagnostics> diagnostics,
            Supplier<DeployTrust> trust, Logger logger) {
        this.context = context;
        this.diagnostics = diagnostics;
        this.trust = trust;
        this.logger = logger;
    }

    @Override
    public PluginsSnapshot snapshot() {
        Map<Long, String> problems = new HashMap<>();
        Map<String, String> fileProblems = new HashMap<>();
        BundleDiagnostics d = diagnostics.get();
        if (d != null) {
            for (BundleProblem p : d.problems()) {
                problems.put(p.bundleId(), p.message());
            }
            for (DeployFileProblem p : d.deployFileProblems()) {
                fileProblems.put(p.fileName(), p.message());
            }
        }
        List<PluginRow> rows = new ArrayList<>();
        Map<String, Long> byLocation = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            rows.add(row(b, problems.getOrDefault(b.getBundleId(), "")));
            byLocation.put(b.getLocation(), b.getBundleId());
        }
        String dirName = context.getProperty(DEPLOY_DIR);
        Path dir = dirName == null || dirName.isBlank() ? null : Path.of(dirName);
        List<DeployFile> files = new ArrayList<>();
        String filesError = null;
        if (dir != null) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") || !Files.isRegularFile(p)) {
                        continue;
                    }
                    long id = -1;
                    for (Map.Entry<String, Long> e : byLocation.entrySet()) {
                        if (e.getKey().endsWith("/" + dir.getFileName() + "/" + name)) {
                            id = e.getValue();
                        }
                    }
                    files.add(new DeployFile(name, Files.size(p), Files.getLastModifiedTime(p).toInstant(), id,
                            fileProblems.getOrDefault(name, "")));
                }
            } catch (IOException e) {
                filesError = dir + ": " + e;
            }
        }
        DeployTrust t = trust.get();
        String mode = null;
        List<RefusedJar> refused = List.of();
        if (t != null) {
            mode = t.mode().name();
            refused = t.refused();
        }
        return new PluginsSnapshot(rows, dir, files, filesError, mode, refused);
    }

    private static PluginRow row(Bundle b, String problem) {
        String symbolicName = b.getSymbolicName() == null ? b.getLocation() : b.getSymbolicName();
        String name = b.getHeaders().get(Constants.BUNDLE_NAME);
        TreeSet<String> services = new TreeSet<>();
        try {
            ServiceReference<?>[] refs = b.getRegisteredServices();
            if (refs != null) {
                for (ServiceReference<?> ref : refs) {
                    if (ref.getProperty(Constants.OBJECTCLASS) instanceof String[] classes) {
                        services.addAll(List.of(classes));
                    }
                }
            }
        } catch (IllegalStateException e) {
            // Uninstalled between getBundles() and now; it will vanish on the next refresh.
        }
        return new PluginRow(b.getBundleId(), symbolicName, name == null || name.isBlank() ? symbolicName : name,
                b.getVersion().toString(), state(b), new ArrayList<>(services), problem, b.getLocation());
    }

    private static BundleStatus.State state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> BundleStatus.State.INSTALLED;
            case Bundle.RESOLVED -> {
                BundleRevision revision = b.adapt(BundleRevision.class);
                yield revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0
                        ? BundleStatus.State.FRAGMENT : BundleStatus.State.RESOLVED;
            }
            case Bundle.STARTING -> BundleStatus.State.STARTING;
            case Bundle.STOPPING -> BundleStatus.State.STOPPING;
            case Bundle.ACTIVE -> BundleStatus.State.ACTIVE;
            default -> BundleStatus.State.UNINSTALLED;
        };
    }

    @Override
    public void start(long bundleId) throws BundleException {
        bundle(bundleId).start();
        logger.info("bundle {} started from the Plugins view", bundleId);
    }

    @Override
    public void stop(long bundleId) throws BundleException {
        bundle(bundleId).stop();
        logger.info("bundle {} stopped from the Plugins view", bundleId);
    }

    @Override
    public void uninstall(long bundleId) throws BundleException {
        Bundle b = bundle(bundleId);
        String name = b.getSymbolicName();
        b.uninstall();
        logger.info("bundle {} ({}) uninstalled from the Plugins view", bundleId, name);
    }

    private Bundle bundle(long bundleId) throws BundleException {
        if (bundleId == 0) {
            throw new BundleException("the framework itself (bundle 0) is not stopped or uninstalled from here");
        }
        Bundle b = context.getBundle(bundleId);
        if (b == null) {
            throw new BundleException("bundle " + bundleId + " is no longer installed");
        }
        return b;
    }

    @Override
    public Path install(Path jar) throws IOException {
        String dir = context.getProperty(DEPLOY_DIR);
        Path copied = DeployCopy.install(jar, dir == null || dir.isBlank() ? null : Path.of(dir));
        logger.info("{} copied into the deploy folder from the Plugins view", copied);
        return copied;
    }

    @Override
    public AutoCloseable watch(Runnable onChange) {
        BundleListener bundles = (BundleEvent e) -> onChange.run();
        ServiceListener services = e -> onChange.run();
        context.addBundleListener(bundles);
        context.addServiceListener(services);
        return () -> {
            try {
                context.removeBundleListener(bundles);
                context.removeServiceListener(services);
            } catch (IllegalStateException e) {
                // Our bundle is stopping: the framework drops the listeners itself.
            }
        };
    }
}
