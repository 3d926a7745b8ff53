package io.tideline.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.condition.Condition;

/**
 * A running Tideline: Apache Felix with the distribution's bundles installed and started, and
 * FileInstall watching the deploy folder. Used by the launcher and by the integration tests, so
 * both boot the product the same way.
 *
 * <p>The framework's bundle cache lives in a fresh temporary folder per process, so two
 * Tidelines on one data directory (a workbench and a headless command) never share a cache, and
 * every start installs exactly the bundles of the distribution.
 */
public final class TidelineFramework implements AutoCloseable {

    private final Framework framework;
    private final DataDirLock lock;
    private final Path cacheDir;
    private final List<String> startFailures;
    private final long bootMillis;
    /** Null unless {@link LaunchConfig#CONTROL} asked for it and the socket could be bound. */
    private final ControlServer control;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TidelineFramework(Framework framework, DataDirLock lock, ControlServer control, Path cacheDir,
            List<String> startFailures, long bootMillis) {
        this.framework = framework;
        this.lock = lock;
        this.control = control;
        this.cacheDir = cacheDir;
        this.startFailures = List.copyOf(startFailures);
        this.bootMillis = bootMillis;
    }

    /**
     * Boots the framework, installs every jar of {@link LaunchConfig#bundlesDir()} and starts
     * every bundle that is not a fragment. A bundle that fails to start is reported in
     * {@link #startFailures()}; the others keep running. Locks the data directory first
     * ({@link DataDirLock}), so no bundle of a second Tideline ever opens the store or the
     * workspace files of a running one; the lock is held until {@link #close()}.
     *
     * @throws DataDirLock.InUseException if another Tideline (process or framework) holds the data directory
     * @throws IOException if the bundles folder holds no jar, a folder cannot be created or made
     *         private ({@link DataDirPermissions}), or {@code DATA_DIR/config} is not a folder
     * @throws BundleException if the framework itself cannot start
     */
    public static TidelineFramework start(LaunchConfig config) throws IOException, BundleException {
        long t0 = System.nanoTime();
        List<Path> jars = LaunchConfig.jarsIn(config.bundlesDir());
        if (jars.isEmpty()) {
            throw new IOException("no bundles found in " + config.bundlesDir()
                    + " (build the distribution with: mvn -B -DskipTests package)");
        }
        // Before the lock file or any bundle writes into it: the data directory holds secrets
        // (the settings ConfigAdmin keeps under config/), and ConfigAdmin cannot start without
        // a config folder, so a file in its place stops the start here with its path.
        DataDirPermissions.secure(config.dataDir(), CONFIG_DIR);
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        // Bound right after the lock, before the bundles start: a second process that finds the
        // directory locked finds the socket too, and its command waits for the start to finish.
        ControlServer control = null;
        if (Boolean.parseBoolean(config.extraProperties().get(LaunchConfig.CONTROL))) {
            try {
                control = ControlServer.open(config.dataDir());
            } catch (IOException e) {
                System.err.println("tideline: no control channel (" + e.getMessage() + "); commands from other"
                        + " processes are refused while this Tideline runs");
            }
        }
        try {
            return start(config, jars, lock, control, t0);
        } catch (IOException | BundleException | RuntimeException e) {
            try {
                if (control != null) {
                    control.close();
                }
            } finally {
                lock.close();
            }
            throw e;
        }
    }

    private static TidelineFramework start(LaunchConfig config, List<Path> jars, DataDirLock lock,
            ControlServer control, long t0) throws IOException, BundleException {
        Files.createDirectories(config.deployDir());
        Path cache = Files.createTempDirectory("tideline-felix-");

        Map<String, String> props = new HashMap<>(defaults(config, cache));
        props.putAll(config.extraProperties());
        long gateWait = gateWaitMillis(props);
        Framework framework = loadFactory().newFramework(props);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path jar : jars) {
            try {
                // By reference: Felix reads the jar where it is instead of copying it into its
                // cache on every start (the cache is fresh each time).
                installed.add(context.installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                failures.add(jar.getFileName() + ": cannot install: " + e.getMessage());
            }
        }
        framework.start();
        List<Bundle> first = firstPhase(installed);
        startAll(framework, first, failures);
        // The window opens on a thread of its own while this one waits: starting the other
        // bundles now would take both cores from it (class loading, component activation), and
        // its first paint came no sooner than the last bundle's start.
        if (!config.headless()) {
            List<String> missed = awaitGates(context, first, gateWait);
            if (!missed.isEmpty()) {
                System.err.println("tideline: " + String.join(", ", missed) + " not reached within " + gateWait
                        + " ms; starting the other bundles anyway");
            }
        }
        startAll(framework, installed.stream().filter(b -> !first.contains(b)).toList(), failures);
        long bootMillis = (System.nanoTime() - t0) / 1_000_000L;
        if (control != null) {
            control.ready(context);
        }
        return new TidelineFramework(framework, lock, control, cache, failures, bootMillis);
    }

    /**
     * The runtime services every component may need, started first in this order: with SCR
     * started, each bundle's components activate as it starts, so EventAdmin must already be
     * there (the sample workspace starts loading at once, and its "series appended" events must
     * not be lost).
     */
    private static final List<String> RUNTIME_FIRST = List.of("org.apache.felix.log", "org.apache.felix.configadmin",
            "org.apache.felix.eventadmin", "org.apache.felix.metatype", "org.apache.felix.scr");
    /**
     * A manifest header: {@code true} starts the bundle right after the runtime, before the rest;
     * {@code first} before the runtime, for an activator that needs no service and should run
     * while the runtime starts (the workbench's, which opens the display).
     */
    static final String START_EARLY = "Tideline-Start-Early";

    /**
     * A manifest header of an early bundle: the {@code osgi.condition.id} of a
     * {@link Condition} service it registers once the others may start (the workbench: its
     * window's first paint). Unless the framework runs headless, the launcher starts the other
     * bundles only when every such condition is there, an early bundle is not active, or
     * {@link #GATE_WAIT_PROPERTY} has passed.
     */
    static final String START_GATE = "Tideline-Start-Gate";
    /** Framework property: the most milliseconds to wait for the early bundles' gates. */
    static final String GATE_WAIT_PROPERTY = "tideline.start.gate.wait";
    /**
     * The default wait: far beyond a first paint on a busy machine (6.2 s at worst measured), so
     * it only ends a wait for a window that never paints; then the start goes on as before.
     */
    static final long GATE_WAIT_MILLIS = 20_000;

    /**
     * The bundles started before the gates are waited for: those that ask to start first (the
     * workbench, whose activator opens the display), the runtime (log, ConfigAdmin, SCR), then
     * those that ask to start early (the platform's hooks). The rest follow in installation order.
     */
    static List<Bundle> firstPhase(List<Bundle> installed) {
        List<Bundle> first = new ArrayList<>();
        installed.stream().filter(b -> "first".equals(b.getHeaders().get(START_EARLY))).forEach(first::add);
        for (String name : RUNTIME_FIRST) {
            installed.stream().filter(b -> name.equals(b.getSymbolicName())).forEach(first::add);
        }
        installed.stream().filter(b -> !first.contains(b) && "true".equals(b.getHeaders().get(START_EARLY)))
                .forEach(first::add);
        return first;
    }

    private static void startAll(Framework framework, List<Bundle> bundles, List<String> failures) {
        for (Bundle bundle : bundles) {
            if (framework.getState() != Bundle.ACTIVE) {
                // Stopped while starting (the window was closed, or SIGTERM): the rest is not started.
                return;
            }
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                failures.add(bundle.getSymbolicName() + " " + bundle.getVersion() + ": " + firstLine(e.getMessage()));
            }
        }
    }

    private static long gateWaitMillis(Map<String, String> props) {
        String value = props.get(GATE_WAIT_PROPERTY);
        if (value == null) {
            return GATE_WAIT_MILLIS;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(GATE_WAIT_PROPERTY + " must be a number of milliseconds, not '"
                    + value + "'");
        }
    }

    /**
     * Waits until each active bundle of {@code early} that names a {@link #START_GATE} has
     * registered that {@link Condition}, or until one of them is no longer active, at most
     * {@code maxMillis} in all.
     *
     * @return the gates still closed when the time ran out (none when the wait ended otherwise)
     */
    static List<String> awaitGates(BundleContext context, List<Bundle> early, long maxMillis) {
        Map<String, Bundle> gates = new LinkedHashMap<>();
        for (Bundle b : early) {
            String id = b.getHeaders().get(START_GATE);
            if (id != null && !id.isBlank() && b.getState() == Bundle.ACTIVE) {
                gates.put(id.trim(), b);
            }
        }
        if (gates.isEmpty()) {
            return List.of();
        }
        // Any change that may end the wait wakes the loop, which then looks at every gate; the
        // listeners never block the thread that registers a service or stops a bundle.
        Semaphore changed = new Semaphore(0);
        ServiceListener serviceListener = event -> changed.release();
        BundleListener bundleListener = event -> changed.release();
        try {
            context.addServiceListener(serviceListener, "(" + Constants.OBJECTCLASS + "=" + Condition.class.getName() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        context.addBundleListener(bundleListener);
        try {
            long deadline = System.nanoTime() + maxMillis * 1_000_000L;
            while (true) {
                changed.drainPermits();
                gates.entrySet().removeIf(g -> g.getValue().getState() != Bundle.ACTIVE || isMet(context, g.getKey()));
                if (gates.isEmpty()) {
                    return List.of();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return List.copyOf(gates.keySet());
                }
                changed.tryAcquire(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.copyOf(gates.keySet());
        } finally {
            context.removeServiceListener(serviceListener);
            context.removeBundleListener(bundleListener);
        }
    }

    private static boolean isMet(BundleContext context, String conditionId) {
        try {
            return context.getServiceReferences(Condition.class.getName(),
                    "(" + Condition.CONDITION_ID + "=" + conditionId + ")") != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(START_GATE + " '" + conditionId + "' is not a valid condition id", e);
        }
    }

    /** Apache Felix ConfigAdmin's property naming the folder of its persisted configurations. */
    static final String CONFIG_DIR_PROPERTY = "felix.cm.dir";
    /** That folder, under the data directory. */
    public static final String CONFIG_DIR = "config";

    static Map<String, String> defaults(LaunchConfig config, Path cache) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, LaunchConfig.SPI_PACKAGE);
        p.put(LaunchConfig.DATA_DIR, config.dataDir().toAbsolutePath().toString());
        p.put(LaunchConfig.HOME, config.bundlesDir().toAbsolutePath().getParent().toString());
        p.put(LaunchConfig.DEPLOY_DIR, config.deployDir().toAbsolutePath().toString());
        // ConfigAdmin keeps its configurations in the data directory, not in the bundle cache
        // (a fresh temporary folder per process): a setting saved in the settings dialog is
        // still there after a restart.
        p.put(CONFIG_DIR_PROPERTY, config.dataDir().resolve(CONFIG_DIR).toAbsolutePath().toString());
        p.put(LaunchConfig.HEADLESS, Boolean.toString(config.headless()));
        // FileInstall: scan deploy/ at once on start, then every 250 ms. It installs a file only
        // once two scans saw it unchanged, so a new jar is live after about two polls: 250 ms
        // keeps hot deploy near half a second (500 ms measured at about one second).
        p.put("felix.fileinstall.dir", config.deployDir().toAbsolutePath().toString());
        p.put("felix.fileinstall.poll", "250");
        p.put("felix.fileinstall.noInitialDelay", "true");
        // FileInstall only installs: io.tideline.platform starts deploy bundles, each on a thread
        // of its own with a time limit, so a plugin whose activator never returns cannot hold up
        // FileInstall (later jars, deletions) or the other plugins.
        p.put("felix.fileinstall.bundles.new.start", "false");
        // Never write ConfigAdmin changes back into the admin's .cfg files.
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.level", "1");
        // Gogo reads the console only when asked for; otherwise it would stop the framework
        // when standard input closes.
        p.put("gosh.args", config.console() ? "" : "--nointeractive");
        p.put("felix.log.level", "1");
        return p;
    }

    private static FrameworkFactory loadFactory() {
        return ServiceLoader.load(FrameworkFactory.class, TidelineFramework.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "failed to start";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The running framework. */
    public Framework framework() {
        return framework;
    }

    /** The system bundle's context, to look up services and bundles. */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** One line per distribution bundle that could not be installed or started. */
    public List<String> startFailures() {
        return startFailures;
    }

    /** The control channel's socket, or null when this Tideline does not listen for commands. */
    public Path controlSocket() {
        return control == null ? null : control.socket();
    }

    /** Milliseconds from {@link #start} being called to every bundle started. */
    public long bootMillis() {
        return bootMillis;
    }

    /** The bundles that are neither active nor fragments, as "name version STATE" lines. */
    public List<String> inactiveBundles() {
        List<String> inactive = new ArrayList<>();
        for (Bundle b : context().getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                inactive.add(b.getSymbolicName() + " " + b.getVersion() + " " + stateName(b.getState()));
            }
        }
        return inactive;
    }

    /** The name of an OSGi bundle state. */
    public static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    /**
     * Blocks until the framework stops (a window closed it, or {@link #close()} was called).
     *
     * @return the final framework event
     */
    public FrameworkEvent awaitStop() throws InterruptedException {
        return framework.waitForStop(0);
    }

    /**
     * Stops the framework, waits up to 30 s for it, deletes the bundle cache and releases the
     * data directory (after the store has shut down). Safe to call more than once and from
     * several threads (the launcher's main thread and its shutdown hook both do on Ctrl-C); only
     * the first call does the work.
     */
    @Override
    public void close() throws BundleException, InterruptedException, IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (control != null) {
                try {
                    control.close();
                } catch (IOException e) {
                    System.err.println("tideline: control channel: " + e.getMessage());
                }
            }
            framework.stop();
            FrameworkEvent event = framework.waitForStop(30_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                throw new BundleException("the framework did not stop within 30 s");
            }
        } finally {
            try {
                deleteTree(cacheDir);
            } finally {
                lock.close();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
