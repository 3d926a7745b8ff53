package io.tideline.workbench.internal;

import io.tideline.api.feed.FeedConnector;
import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.BundleProblem;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreHealth;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.alerts.AlertEvents;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.support.workspace.DataDir;
import io.tideline.workbench.internal.layout.Bounds;
import io.tideline.workbench.internal.layout.Layout;
import io.tideline.workbench.internal.layout.LayoutFile;
import io.tideline.workbench.internal.layout.Side;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Tideline window. SWT runs on its own {@code swt-ui} thread (allowed on Linux/GTK), which
 * creates the display and dispatches its events; other threads reach it only through
 * {@link Display#asyncExec}. Views come and go with the bundles that register them. Closing the
 * window saves the layout and stops the framework. Nothing is opened when the framework runs
 * headless. As the {@link WorkbenchDesk} it offers {@link WorkbenchCommand} the operations the
 * {@code workbench} command drives the open window with (for scripts and tests): they take the
 * same code paths as the mouse.
 */
@Component(immediate = true, configurationPid = "io.tideline.workbench",
        service = {WorkbenchDesk.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
            EventConstants.EVENT_TOPIC + "=" + AlertEvents.TOPIC_FIRED})
@Designate(ocd = WorkbenchConfig.class)
public final class WorkbenchWindow implements WorkbenchDesk, EventHandler {

    private static final long CLOSE_WAIT_MILLIS = 8_000;
    /** How long a desk operation waits for the UI thread. */
    private static final long COMMAND_WAIT_MILLIS = 15_000;
    private static final String NO_WINDOW = "no window is open";
    /** Where {@code workbench detach} puts a view's own window, as a drop outside every window would. */
    private static final Bounds DETACHED_AT = new Bounds(60, 60, 640, 420);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private final Registry registry = new Registry();
    private final List<FeedConnector> feeds = new CopyOnWriteArrayList<>();

    private BundleContext context;
    private volatile boolean headless;
    private Thread uiThread;
    private volatile Display display;
    private volatile WorkbenchUi ui;
    private volatile UiWatchdog watchdog;
    private volatile boolean closing;
    private volatile Messages messages = new Messages(Locale.ENGLISH);
    private ExecutorService io;
    /** The layout file and what it held, read on a thread of its own as the window opens. */
    private CompletableFuture<LayoutRead> layoutRead;
    private ScheduledExecutorService ticker;
    /** The {@link #PAINTED} condition once registered; guarded by {@code this}. */
    private ServiceRegistration<Condition> paintedCondition;

    /**
     * The {@code osgi.condition.id} of the {@link Condition} this component registers at the
     * window's first paint (or when the window cannot open). The bundle names it in its
     * {@code Tideline-Start-Gate} header: the launcher starts the bundles that are not needed for
     * the window only then.
     */
    static final String PAINTED = "tideline.window.painted";

    /** Activated by SCR. */
    public WorkbenchWindow() {
    }

    /**
     * For tests: the desk over a window {@code ui} opened without the framework, on the thread of
     * its display, which runs the event loop; {@code watchdog} watches that loop.
     */
    WorkbenchWindow(WorkbenchUi ui, UiWatchdog watchdog) {
        this.display = ui.display();
        this.messages = ui.messages();
        this.watchdog = watchdog;
        this.ui = ui;
    }

    private final ViewClasses viewClasses = new ViewClasses();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(ViewFactory factory, ServiceReference<ViewFactory> ref) {
        ViewSpec spec;
        try {
            spec = factory.spec();
        } catch (RuntimeException | LinkageError e) {
            logger.error("the view of plugin {} cannot say what it is: {}", ref.getBundle().getSymbolicName(),
                    e.toString());
            return;
        }
        // Before the UI thread builds the view: its classes are then defined already.
        viewClasses.preload(ref.getBundle());
        registry.add(new Registry.Entry(factory, spec, ref.getBundle().getSymbolicName()));
        onUiLater(u -> u.viewAdded(spec.id()));
    }

    void removeView(ViewFactory factory) {
        String viewId = registry.remove(factory);
        if (viewId != null) {
            // Synchronously, while the leaving bundle's classes still work: its controls are
            // disposed before it stops.
            onUi(() -> {
                WorkbenchUi u = ui;
                if (u != null) {
                    u.viewRemoved(viewId);
                }
                return null;
            }, 3_000);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SeriesStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BundleDiagnostics diagnostics;

    /** The problem notice last shown in the status bar (null: none); ticker thread only. */
    private String shownProblem;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WorkspaceDate workspaceDate;

    /** The as-of date last shown in the status bar ("" for none); ticker thread only. */
    private String shownAsOf = "";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFeed(FeedConnector feed) {
        feeds.add(feed);
    }

    void removeFeed(FeedConnector feed) {
        feeds.remove(feed);
    }

    @Activate
    void activate(BundleContext context, WorkbenchConfig config) {
        this.context = context;
        this.headless = Boolean.parseBoolean(context.getProperty("tideline.headless"));
        this.messages = new Messages(Messages.locale(config.language()));
        Messages.languageProblem(config.language()).ifPresent(problem -> logger.warn("{}", problem));
        if (headless) {
            logger.debug("headless: no workbench window");
            return;
        }
        io = Executors.newSingleThreadExecutor(r -> daemon(r, "tideline-layout-io"));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tideline-status"));
        // The display and the layout, opened and read since the bundle started (before SCR did).
        EarlyDisplay early = WorkbenchActivator.take();
        // Reading the layout (Jackson's first use) overlaps with the display opening.
        layoutRead = early != null ? early.layoutRead() : readLayout(context, io);
        if (early != null && early.handOver(this::runUi)) {
            uiThread = early.thread();
        } else {
            // Activated again, or without the bundle's activator: a display of its own.
            uiThread = new Thread(this::runUi, "swt-ui");
            uiThread.start();
        }
        // Polled, not only told: the sample pins its date after loading, or a command run beside the window does.
        ticker.scheduleWithFixedDelay(this::asOfDate, 0, 2, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(this::feedHealth, 1, 5, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(this::problemNotice, 2, 5, TimeUnit.SECONDS);
    }

    @Modified
    void modified(WorkbenchConfig config) {
        Messages m = new Messages(Messages.locale(config.language()));
        Messages.languageProblem(config.language()).ifPresent(problem -> logger.warn("{}", problem));
        if (!m.locale().equals(messages.locale())) {
            messages = m;
            logger.info("workbench language: {}", m.locale());
            onUiLater(u -> u.relocalize(m));
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (this) {
            closing = true;
            if (paintedCondition != null) {
                try {
                    paintedCondition.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
                paintedCondition = null;
            }
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        Display d = display;
        if (d != null && !d.isDisposed()) {
            try {
                d.asyncExec(() -> {
                    WorkbenchUi u = ui;
                    if (u != null && !u.shell().isDisposed()) {
                        u.save(true);
                        u.shell().dispose();
                    }
                });
                d.wake();
            } catch (org.eclipse.swt.SWTException e) {
                // the display is already gone
            }
        }
        if (uiThread != null) {
            uiThread.join(CLOSE_WAIT_MILLIS);
        }
        if (io != null) {
            io.shutdown();
            io.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private Path dataDir() {
        return DataDir.of(context.getProperty(DataDir.PROPERTY));
    }

    /** The window's layout file and what it holds. */
    record LayoutRead(LayoutFile file, LayoutFile.Loaded loaded) {
    }

    /**
     * Reads the window's layout file in the data directory the framework names, on
     * {@code executor}; {@link LayoutFile#read} reports a damaged file in its result, never throws.
     */
    static CompletableFuture<LayoutRead> readLayout(BundleContext context, java.util.concurrent.Executor executor) {
        Path dataDir = DataDir.of(context.getProperty(DataDir.PROPERTY));
        return CompletableFuture.supplyAsync(() -> {
            // Created here, not by the caller: the class's first use starts Jackson (a fifth of a second).
            LayoutFile file = new LayoutFile(dataDir.resolve("workspace").resolve("layout.json"));
            LayoutRead read = new LayoutRead(file, file.read());
            // The UI watchdog's first use of java.management (its thread CPU clock) loads the JDK's
            // management classes, 30-40 ms cold: done here, not on the UI thread before the first paint.
            java.lang.management.ManagementFactory.getThreadMXBean();
            return read;
        }, executor);
    }

    private void runUi() {
        Display d;
        try {
            d = new Display();
        } catch (Throwable t) {
            runUi(null, t);
            return;
        }
        runUi(d, null);
    }

    /** The event loop, on the thread that opened {@code d}; {@code failure} says why there is no display. */
    private void runUi(Display d, Throwable failure) {
        if (d == null) {
            logger.error("cannot open the workbench window (no usable display?): {}", failure.toString(), failure);
            painted();
            return;
        }
        display = d;
        try {
            boolean timing = Boolean.parseBoolean(context.getProperty("tideline.timing"));
            if (timing) {
                printFirstPaint(d);
            }
            onFirstPaint(d);
            LayoutRead layout = layoutRead.join();
            WorkbenchUi u = new WorkbenchUi(d, registry, layout.file(), io, messages, dataDir(), logger::warn);
            Shell shell = u.open(layout.loaded());
            shell.addListener(org.eclipse.swt.SWT.Close, e -> u.save(true));
            ui = u;
            watchdog = new UiWatchdog(d, logger::warn);
            if (timing) {
                new StartTiming(d, u, () -> watchdog, this::allBundlesActive,
                        line -> System.err.println("tideline: timing: " + line));
            }
            logger.info("workbench window open");
            while (!shell.isDisposed()) {
                try {
                    if (!d.readAndDispatch()) {
                        d.sleep();
                    }
                } catch (RuntimeException | LinkageError e) {
                    // A view that throws while painting or handling input must not take the window down.
                    boolean blamed = u.blame(e);
                    logger.error("{} in the workbench event loop{}: {}", e.getClass().getSimpleName(),
                            blamed ? " (the view that threw was replaced by an error placeholder)" : "", e.toString(), e);
                    u.status(e.toString());
                }
            }
        } catch (RuntimeException e) {
            logger.error("the workbench window failed: {}", e.toString(), e);
        } finally {
            // A window that failed before it painted must not hold back the other bundles' start.
            painted();
            if (watchdog != null) {
                if (Boolean.parseBoolean(context.getProperty("tideline.timing"))) {
                    // The whole session, e.g. a first start that loads the sample workspace.
                    System.err.println("tideline: timing: UI thread over the session: " + watchdog.report());
                }
                watchdog.stop();
            }
            ui = null;
            d.dispose();
        }
        if (!closing) {
            stopFramework();
        }
    }

    /**
     * Whether every bundle but fragments is active, as the launcher's "all bundles active" line
     * counts them (the launcher starts them after the framework, while the window opens).
     */
    private boolean allBundlesActive() {
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (b.getState() != org.osgi.framework.Bundle.ACTIVE
                    && b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens the launcher's start gate at the window's first paint (see {@link #PAINTED}): the
     * launcher starts the other bundles then, so until the window shows, their class loading and
     * component activation do not compete with it for the CPU.
     */
    private void onFirstPaint(Display d) {
        org.eclipse.swt.widgets.Listener[] once = new org.eclipse.swt.widgets.Listener[1];
        once[0] = e -> {
            d.removeFilter(org.eclipse.swt.SWT.Paint, once[0]);
            // Here, not in an asyncExec: those run only once GTK has no events pending, which
            // after the first paint took 0.15-0.7 s on a busy machine, all of it added to the views'
            // arrival. The launcher then starts the bundles on another thread.
            painted();
        };
        d.addFilter(org.eclipse.swt.SWT.Paint, once[0]);
    }

    /** Registers the {@link #PAINTED} condition, once; from any thread. */
    private void painted() {
        synchronized (this) {
            if (paintedCondition != null || closing) {
                return;
            }
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(Condition.CONDITION_ID, PAINTED);
            try {
                paintedCondition = context.registerService(Condition.class, Condition.INSTANCE, props);
            } catch (IllegalStateException e) {
                // The bundle is stopping: there is no start left to release.
            }
        }
    }

    /** {@code --timing}: prints the time from process start to the first paint of the window. */
    private static void printFirstPaint(Display d) {
        org.eclipse.swt.widgets.Listener[] once = new org.eclipse.swt.widgets.Listener[1];
        once[0] = e -> {
            d.removeFilter(org.eclipse.swt.SWT.Paint, once[0]);
            // The JVM's own start time, as the launcher's "all bundles active" line uses (the
            // process start time Linux reports is rounded to the boot second); the wall clock
            // lets a benchmark measure from the moment it launched the script.
            long now = System.currentTimeMillis();
            long ms = now - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("tideline: timing: process start to first painted window " + ms + " ms (at " + now
                    + ")");
        };
        d.addFilter(org.eclipse.swt.SWT.Paint, once[0]);
    }

    private void onUiLater(java.util.function.Consumer<WorkbenchUi> action) {
        Display d = display;
        if (d == null || d.isDisposed()) {
            return;
        }
        try {
            d.asyncExec(() -> {
                WorkbenchUi u = ui;
                if (u != null && !u.shell().isDisposed()) {
                    action.accept(u);
                }
            });
        } catch (org.eclipse.swt.SWTException e) {
            // disposed meanwhile
        }
    }

    /** Runs on the UI thread and waits for the result (at most {@code timeoutMillis}). */
    private <T> T onUi(Callable<T> action, long timeoutMillis) {
        Display d = display;
        if (d == null || d.isDisposed()) {
            return null;
        }
        if (Display.getCurrent() == d) {
            try {
                return action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try {
            d.asyncExec(() -> {
                try {
                    result.set(action.call());
                } catch (Exception e) {
                    failure.set(e);
                } finally {
                    done.countDown();
                }
            });
            if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the UI thread did not answer within " + timeoutMillis + " ms");
            }
        } catch (org.eclipse.swt.SWTException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (failure.get() != null) {
            Exception e = failure.get();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
        return result.get();
    }

    private void feedHealth() {
        // Counted as the feeds table shows them: a feed that has fetched nothing yet (UNKNOWN) is
        // neither ok nor failing (counting it as ok said "1 ok" beside a table with none).
        int ok = 0;
        int failing = 0;
        int unknown = 0;
        for (FeedConnector f : feeds) {
            try {
                switch (f.health().state()) {
                    case UP -> ok++;
                    case DOWN, DEGRADED -> failing++;
                    case UNKNOWN -> unknown++;
                }
            } catch (RuntimeException e) {
                failing++;
            }
        }
        int o = ok;
        int f = failing;
        int n = unknown;
        onUiLater(u -> u.chrome().feeds(o, f, n));
    }

    /**
     * Problems a user must act on become a notice that stays in the status bar (the same as
     * {@code status} reports them), the most urgent first: a store that failed its last check,
     * met damage since, or could not open; then plugins that failed to resolve or start. The
     * notice goes when the problem does (after {@code db restore} and {@code db check}, or the
     * plugin fixed or removed). Off the UI thread: {@code health()} may wait for the store to open.
     */
    private void problemNotice() {
        String key = null;
        String details = null;
        SeriesStore s = store;
        try {
            StoreHealth health = s == null ? null : s.health();
            if (health != null && health.isProblem()) {
                key = health.status() == StoreHealth.Status.DAMAGED ? "store.noticeDamaged" : "store.noticeUnavailable";
                details = String.join("\n", health.problems());
            }
        } catch (RuntimeException e) {
            logger.warn("cannot ask the series store for its health: {}", e.toString());
        }
        BundleDiagnostics d = diagnostics;
        if (key == null && d != null) {
            List<String> failed = new ArrayList<>();
            try {
                for (BundleProblem p : d.problems()) {
                    failed.add(p.symbolicName() + " " + p.version() + ": " + p.message());
                }
            } catch (RuntimeException e) {
                logger.warn("cannot list the plugins' problems: {}", e.toString());
            }
            if (!failed.isEmpty()) {
                key = "plugins.noticeFailed";
                details = String.join("\n", failed);
            }
        }
        String shown = key == null ? null : key + "\n" + details;
        if (Objects.equals(shown, shownProblem)) {
            return;
        }
        shownProblem = shown;
        if (key == null) {
            onUiLater(u -> {
                u.chrome().clearNotice("store.");
                u.chrome().clearNotice("plugins.");
            });
        } else {
            String k = key;
            String text = details;
            onUiLater(u -> u.chrome().notice(k, k + "Full", text));
        }
    }

    /**
     * The workspace's as-of date in the status bar ("Sample date 2026-02-06"), which every view
     * asked for no day in particular shows; a click moves the workspace to the newest data.
     */
    private void asOfDate() {
        WorkspaceDate w = workspaceDate;
        WorkspaceDate.Pinned p;
        try {
            p = w == null ? null : w.pinned().orElse(null);
        } catch (RuntimeException e) {
            logger.warn("cannot read the workspace's as-of date: {}", e.toString());
            return;
        }
        String shown = p == null ? "" : p.day() + " " + p.reason();
        if (shown.equals(shownAsOf)) {
            return;
        }
        shownAsOf = shown;
        String key = p == null ? null : WorkspaceDate.SAMPLE_REASON.equals(p.reason()) ? "status.asOfSample" : "status.asOf";
        String day = p == null ? null : p.day().toString();
        onUiLater(u -> u.chrome().asOf(key, day, this::toLatest));
    }

    /** The status bar's as-of date was clicked: the newest data from now on. */
    private void toLatest() {
        ticker.execute(() -> {
            WorkspaceDate w = workspaceDate;
            try {
                if (w != null) {
                    w.clear();
                }
            } catch (java.io.IOException e) {
                logger.error("cannot move the workspace to the newest data: {}", e.getMessage());
                onUiLater(u -> u.chrome().message(e.getMessage()));
            }
            asOfDate();
        });
    }

    @Override
    public void handleEvent(Event event) {
        if (AlertEvents.TOPIC_FIRED.equals(event.getTopic())) {
            // The alerts bundle's banner channel: shown in the window, beside a notice, not over it.
            if (event.getProperty(AlertEvents.MESSAGE) instanceof String text && !text.isBlank()) {
                onUiLater(u -> u.chrome().alert(text));
            }
            return;
        }
        String when = LocalDateTime.now(ZoneId.systemDefault()).format(CLOCK);
        onUiLater(u -> u.chrome().lastUpdate(when + " (" + event.getProperty(SeriesEvents.SERIES) + ")"));
    }

    private void stopFramework() {
        // Stopping the framework deactivates this component, which waits for the UI thread:
        // do it from another thread.
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).stop();
            } catch (BundleException | IllegalStateException e) {
                logger.error("cannot stop the framework after the window closed: {}", e.toString());
            }
        }, "tideline-stop");
        stopper.start();
    }

    // ---- the desk the workbench command drives -------------------------------------------------

    @Override
    public boolean windowOpen() {
        return ui != null;
    }

    @Override
    public boolean headless() {
        return headless;
    }

    @Override
    public Layout layout() {
        return onWindow(WorkbenchUi::layout);
    }

    @Override
    public Layout save() {
        return onWindow(u -> {
            u.save(true);
            return u.layout();
        });
    }

    @Override
    public boolean switchTo(String id) {
        return onWindow(u -> {
            if (u.layout().find(id).isEmpty()) {
                return false;
            }
            u.switchTo(id);
            return true;
        });
    }

    @Override
    public String show(String viewId, Map<String, String> settings) {
        return onWindow(u -> u.showView(viewId, settings));
    }

    @Override
    public boolean move(String instance, String stack, Side side) {
        return onView(instance, u -> u.drop(instance, new WorkbenchUi.Drop(stack, side, null)));
    }

    @Override
    public boolean detach(String instance) {
        return onView(instance, u -> u.drop(instance, new WorkbenchUi.Drop(null, null, DETACHED_AT)));
    }

    @Override
    public boolean focus(String instance) {
        return onView(instance, u -> u.focus(instance));
    }

    @Override
    public boolean close(String instance) {
        return onView(instance, u -> u.close(instance));
    }

    @Override
    public Maximized toggleMaximize(String stack) {
        return onWindow(u -> {
            if (u.perspective().stacks().stream().noneMatch(st -> st.id().equals(stack))) {
                return Maximized.NO_STACK;
            }
            u.toggleMaximize(stack);
            return u.perspective().maximized() == null ? Maximized.RESTORED : Maximized.MAXIMIZED;
        });
    }

    @Override
    public StatusBar status() {
        return onWindow(u -> new StatusBar(u.chrome().statusNotice(), u.chrome().statusAsOf(),
                u.chrome().statusMessage(), u.chrome().statusAlert()));
    }

    @Override
    public Views views() {
        return onWindow(WindowReadings::views);
    }

    @Override
    public List<StackGeometry> geometry() {
        return onWindow(WindowReadings::geometry);
    }

    @Override
    public boolean screenshot(Path png, String instance) {
        return onWindow(u -> {
            if (instance == null) {
                u.screenshot(u.shell(), png);
                return true;
            }
            ViewHost h = u.hosts().get(instance);
            if (h == null) {
                return false;
            }
            u.screenshot(h.holder(), png);
            return true;
        });
    }

    @Override
    public String watchdog() {
        return onWindow(u -> runningWatchdog().report());
    }

    @Override
    public void resetWatchdog() {
        onWindow(u -> {
            runningWatchdog().reset();
            return null;
        });
    }

    @Override
    public Locale language() {
        return onWindow(u -> u.messages().locale());
    }

    @Override
    public Locale language(String language) {
        return onWindow(u -> {
            Messages m = new Messages(Messages.locale(language));
            messages = m;
            u.relocalize(m);
            return m.locale();
        });
    }

    /** The UI watchdog; set right after the window opens. */
    private UiWatchdog runningWatchdog() {
        UiWatchdog w = watchdog;
        if (w == null) {
            throw new IllegalStateException("the UI watchdog is not running yet");
        }
        return w;
    }

    /** Runs {@code action} on the open view {@code instance}; false (nothing ran) when there is none. */
    private boolean onView(String instance, java.util.function.Consumer<WorkbenchUi> action) {
        return onWindow(u -> {
            if (u.perspective().view(instance).isEmpty()) {
                return false;
            }
            action.accept(u);
            return true;
        });
    }

    /**
     * Runs {@code action} on the UI thread with the open window and waits for its result.
     *
     * @throws IllegalStateException when no window is open (it closed meanwhile) or the UI thread
     *     did not answer in time
     */
    private <T> T onWindow(Function<WorkbenchUi, T> action) {
        Optional<T> result = onUi(() -> {
            WorkbenchUi u = ui;
            if (u == null) {
                throw new IllegalStateException(NO_WINDOW);
            }
            return Optional.ofNullable(action.apply(u));
        }, COMMAND_WAIT_MILLIS);
        if (result == null) {
            throw new IllegalStateException(NO_WINDOW);
        }
        return result.orElse(null);
    }
}
