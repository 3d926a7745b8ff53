package io.tideline.platform.internal;

import io.tideline.platform.guard.internal.StartCancellations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Starts the bundles of {@code deploy/} jars, each on a thread of its own with a time limit, so
 * that no plugin's activator can hold up FileInstall or another plugin. FileInstall only installs
 * (the launcher sets {@code felix.fileinstall.bundles.new.start=false}); this class starts every
 * deploy bundle once per installed or updated jar, when the package refresh FileInstall runs
 * after installing has ended (as FileInstall itself would), and tries unresolved ones again
 * after every refresh, since an install, update or uninstall may have made them resolvable.
 *
 * <p>Every start of a deploy bundle is watched, whoever runs it (this class, the framework
 * restarting an updated bundle on FileInstall's thread, a console command): one that is still
 * STARTING after the limit is reported and cancelled. Cancelling ends the loops of the plugin's
 * activator class at their next turn ({@link PluginWeaver} puts a checkpoint there), and
 * interrupts the thread when it is one of ours. An activator that waits or loops elsewhere cannot
 * be stopped by Java (there is no way to kill a thread); it stays reported, its thread runs on.
 *
 * <p>Registered by {@link PlatformActivator}; thread-safe.
 */
final class DeployStarter implements SynchronousBundleListener, FrameworkListener {

    /** Framework property: seconds a deploy bundle may spend starting. */
    static final String TIMEOUT_PROPERTY = "tideline.deploy.startTimeoutSeconds";
    /** The default limit: generous for a busy machine, short enough to notice. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** How long a cancelled start gets to end before it is called unstoppable. */
    private static final long GRACE_MILLIS = 2_000;
    private static final long WATCH_MILLIS = 250;
    private static final String THREAD_PREFIX = "tideline-deploy-start ";
    /**
     * After an install or update, when no package refresh follows (FileInstall always refreshes
     * what it installed), the bundles are started after this delay anyway.
     */
    private static final long FALLBACK_MILLIS = 5_000;

    /** One start in progress. */
    private record Start(Thread thread, long startedNanos, boolean cancelled) {
    }

    private final BundleContext context;
    private final Function<Bundle, Path> deployJar;
    private final Duration timeout;
    private final Consumer<String> warn;
    /** Runs the starts, one at a time. */
    private final ExecutorService worker;
    /** Watches the starts in progress; apart from the worker, which may wait on a start. */
    private final ScheduledExecutorService watchdog;
    private final Map<Long, Start> starting = new ConcurrentHashMap<>();
    /**
     * Whether a watchdog round is scheduled. The watchdog runs only while a deploy bundle is
     * starting, so an idle Tideline ({@code serve} for days) does not wake four times a second.
     */
    private final AtomicBoolean watching = new AtomicBoolean();
    /** Why a deploy bundle did not start, by bundle id; cleared when it starts, is updated or goes. */
    private final Map<Long, String> failures = new ConcurrentHashMap<>();
    /** Bundles whose activator ran (or was tried) for their current jar: not started again by us. */
    private final Map<Long, Boolean> attempted = new ConcurrentHashMap<>();
    private final AtomicBoolean scanQueued = new AtomicBoolean();

    /**
     * @param deployJar the deploy jar a bundle was installed from, or null for other bundles
     * @param warn where reports go (the OSGi log)
     */
    DeployStarter(BundleContext context, Function<Bundle, Path> deployJar, Duration timeout, Consumer<String> warn) {
        this.context = context;
        this.deployJar = deployJar;
        this.timeout = timeout;
        this.warn = warn;
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, "tideline-deploy-starter"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tideline-deploy-watchdog"));
    }

    /** The limit from the framework property {@value #TIMEOUT_PROPERTY}, or the default if unset or not a positive number. */
    static Duration timeout(String property, Consumer<String> warn) {
        if (property == null || property.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(property.strip());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        warn.accept(TIMEOUT_PROPERTY + "=" + property + " is not a whole number of seconds above 0; using "
                + DEFAULT_TIMEOUT.toSeconds());
        return DEFAULT_TIMEOUT;
    }

    /** Starts watching and starts the deploy bundles already installed. */
    void open() {
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        queueScan();
    }

    void close() {
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
        worker.shutdownNow();
        watchdog.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The time limit in force. */
    Duration limit() {
        return timeout;
    }

    /** Why this deploy bundle is not running, or null if it is not one we know to have failed. */
    String problemFor(Bundle bundle) {
        if (bundle.getState() == Bundle.ACTIVE) {
            return null;
        }
        return failures.get(bundle.getBundleId());
    }

    /** Asks for the deploy bundle to be started (e.g. after the trust gate released it). */
    void requestStart(Bundle bundle) {
        attempted.remove(bundle.getBundleId());
        queueScan();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        long id = bundle.getBundleId();
        boolean deploy = deployJar.apply(bundle) != null;
        switch (event.getType()) {
            case BundleEvent.STARTING -> {
                if (deploy) {
                    starting.put(id, new Start(Thread.currentThread(), System.nanoTime(), false));
                    watchSoon();
                }
            }
            case BundleEvent.STARTED -> {
                ended(id);
                failures.remove(id);
            }
            case BundleEvent.STOPPED -> ended(id);
            case BundleEvent.RESOLVED -> {
                ended(id);
                // Resolved by someone else (the trust gate opening, the diagnostics asking why it
                // was not): start it if it has not been tried, as FileInstall would have.
                if (deploy && !attempted.containsKey(id)) {
                    queueScan();
                }
            }
            case BundleEvent.UNINSTALLED -> {
                ended(id);
                failures.remove(id);
                attempted.remove(id);
            }
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> {
                if (deploy) {
                    failures.remove(id);
                    attempted.remove(id);
                    // Not at once: FileInstall refreshes what it installed right after, and a
                    // start racing that refresh loses its wiring. The refresh's end starts them.
                    try {
                        watchdog.schedule(this::queueScan, FALLBACK_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException e) {
                        // Closing.
                    }
                }
            }
            default -> {
                // Other events change nothing here.
            }
        }
    }

    /** FileInstall's refresh after an install, update or uninstall has ended: start what is new. */
    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            queueScan();
        }
    }

    private void ended(long id) {
        Start s = starting.remove(id);
        if (s != null) {
            StartCancellations.release(s.thread());
        }
    }

    private void queueScan() {
        if (scanQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::scan);
            } catch (RejectedExecutionException e) {
                // Closing.
            }
        }
    }

    /** Starts, one after the other, every deploy bundle that is not running and not yet tried. */
    private void scan() {
        scanQueued.set(false);
        try {
            for (Bundle b : context.getBundles()) {
                int state = b.getState();
                if ((state == Bundle.INSTALLED || state == Bundle.RESOLVED) && deployJar.apply(b) != null
                        && !isFragment(b) && !attempted.containsKey(b.getBundleId())) {
                    startWithLimit(b);
                }
            }
        } catch (IllegalStateException e) {
            // The framework is stopping.
        }
    }

    private void startWithLimit(Bundle bundle) {
        long id = bundle.getBundleId();
        Thread t = new Thread(() -> {
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                if (bundle.getState() == Bundle.INSTALLED || bundle.getState() == Bundle.UNINSTALLED) {
                    // Not resolved (the diagnostics say why) or gone: tried again after the next change.
                    attempted.remove(id);
                } else if (!failures.containsKey(id)) {
                    String why = "start failed: " + cause(e);
                    failures.put(id, why);
                    warn.accept("plugin " + name(bundle) + " (" + deployJar.apply(bundle) + ") did not start: " + cause(e));
                }
            } finally {
                StartCancellations.release(Thread.currentThread());
            }
        }, THREAD_PREFIX + name(bundle));
        t.setDaemon(true);
        attempted.put(id, Boolean.TRUE);
        t.start();
        try {
            // One start at a time, so plugins start in a stable order; a start that overruns its
            // limit (the watchdog reports it) no longer holds up the next one.
            t.join(timeout.toMillis() + GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Schedules a watchdog round unless one is scheduled. */
    private void watchSoon() {
        if (watching.compareAndSet(false, true)) {
            try {
                watchdog.schedule(this::watch, WATCH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Closing: nothing is watched any more.
                watching.set(false);
            }
        }
    }

    /**
     * Reports and cancels the starts that overran the limit; notes those that ignore it; comes
     * back while any start is still in flight.
     */
    private void watch() {
        try {
            watchOnce();
        } catch (RuntimeException e) {
            // A failing round must not end the watching; say so and go on.
            warn.accept("deploy start watchdog: " + e);
        } finally {
            // Cleared before the look at the map: a start noted meanwhile is either seen here or
            // schedules its own round.
            watching.set(false);
            if (!starting.isEmpty()) {
                watchSoon();
            }
        }
    }

    private void watchOnce() {
        long now = System.nanoTime();
        for (Map.Entry<Long, Start> e : starting.entrySet()) {
            long id = e.getKey();
            Start s = e.getValue();
            Bundle bundle = context.getBundle(id);
            if (bundle == null || bundle.getState() != Bundle.STARTING) {
                ended(id);
                continue;
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(now - s.startedNanos());
            if (!s.cancelled() && elapsed > timeout.toMillis()) {
                starting.put(id, new Start(s.thread(), s.startedNanos(), true));
                StartCancellations.cancel(s.thread());
                if (s.thread().getName().startsWith(THREAD_PREFIX)) {
                    s.thread().interrupt(); // ours: an activator that sleeps or waits wakes up
                }
                String why = "did not finish starting within " + timeout.toSeconds() + " s; its start was cancelled";
                failures.put(id, why);
                warn.accept("plugin " + name(bundle) + " (" + deployJar.apply(bundle) + ") " + why);
            } else if (s.cancelled() && elapsed > timeout.toMillis() + GRACE_MILLIS
                    && !failures.getOrDefault(id, "").contains("ignores")) {
                String why = "did not finish starting within " + timeout.toSeconds()
                        + " s and ignores cancellation; its thread keeps running until Tideline exits"
                        + " (remove the jar, then restart Tideline)";
                failures.put(id, why);
                warn.accept("plugin " + name(bundle) + " (" + deployJar.apply(bundle) + ") " + why);
            }
        }
    }

    /** The message a user can act on: the activator's own words, not the framework's wrapper. */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null || message.isBlank() ? "its activator failed without saying why"
                : message.lines().findFirst().orElse(message);
    }

    private static String name(Bundle b) {
        return (b.getSymbolicName() == null ? b.getLocation() : b.getSymbolicName()) + " " + b.getVersion();
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
