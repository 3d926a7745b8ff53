package io.tideline.workbench.internal;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.feed.FeedConnector;
import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.BundleProblem;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreHealth;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.support.workspace.DataDir;
import io.tideline.workbench.internal.layout.Bounds;
import io.tideline.workbench.internal.layout.LayoutFile;
import io.tideline.workbench.internal.layout.Side;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
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
 * headless. The {@code workbench} command drives the open window (for scripts and tests): it
 * takes the same code paths as the mouse.
 */
@Component(immediate = true, configurationPid = "io.tideline.workbench",
        service = {Command.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED)
@Designate(ocd = WorkbenchConfig.class)
public final class WorkbenchWindow implements Command, EventHandler {

    private static final long CLOSE_WAIT_MILLIS = 8_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private final Registry registry = new Registry();
    private final List<FeedConnector> feeds = new CopyOnWriteArrayList<>();

    private BundleContext context;
    private Thread uiThread;
    private volatile Display display;
    private volatile WorkbenchUi ui;
    private volatile UiWatchdog watchdog;
    private volatile boolean closing;
    private volatile Messages messages = new Messages(Locale.ENGLISH);
    private ExecutorService io;
    private LayoutFile layoutFile;
    private CompletableFuture<LayoutFile.Loaded> layoutRead;
    private ScheduledExecutorService ticker;

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
        this.messages = new Messages(Messages.locale(config.language()));
        Messages.languageProblem(config.language()).ifPresent(problem -> logger.warn("{}", problem));
        if (Boolean.parseBoolean(context.getProperty("tideline.headless"))) {
            logger.debug("headless: no workbench window");
            return;
        }
        io = Executors.newSingleThreadExecutor(r -> daemon(r, "tideline-layout-io"));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tideline-status"));
        // Reading the layout (Jackson's first use) overlaps with the display opening.
        LayoutFile file = new LayoutFile(dataDir().resolve("workspace").resolve("layout.json"));
        layoutRead = CompletableFuture.supplyAsync(file::read, io);
        layoutFile = file;
        uiThread = new Thread(this::runUi, "swt-ui");
        uiThread.start();
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
        closing = true;
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

    private void runUi() {
        Display d;
        try {
            d = new Display();
        } catch (Throwable t) {
            logger.error("cannot open the workbench window (no usable display?): {}", t.toString(), t);
            return;
        }
        display = d;
        try {
            WorkbenchUi u = new WorkbenchUi(d, registry, layoutFile, io, messages, dataDir(), logger::warn);
            Shell shell = u.open(layoutRead.join());
            shell.addListener(org.eclipse.swt.SWT.Close, e -> u.save(true));
            boolean timing = Boolean.parseBoolean(context.getProperty("tideline.timing"));
            if (timing) {
                printFirstPaint(d);
            }
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

    // ---- the workbench command ------------------------------------------------------------------

    @Override
    public String name() {
        return "workbench";
    }

    @Override
    public String summary() {
        return "drive the open window: layout, perspectives, views, screenshots, UI responsiveness";
    }

    @Override
    public String usage() {
        return "workbench layout | perspective ID | show VIEW_ID [key=value...] | move INSTANCE STACK"
                + " center|left|right|top|bottom | detach INSTANCE | close INSTANCE | views | save"
                + " | maximize STACK | geometry | status | screenshot FILE.png [INSTANCE] | watchdog [reset]"
                + " | language [en|de|zh]";
    }

    @Override
    public int run(CommandRequest request) {
        List<String> args = request.args();
        PrintStream out = request.out();
        if (args.isEmpty()) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        if (ui == null) {
            request.err().println("workbench: no window is open"
                    + (Boolean.parseBoolean(context.getProperty("tideline.headless"))
                            ? " (this Tideline runs headless; start the window with ./tideline, then send it"
                                    + " workbench commands from a second terminal)" : ""));
            return FAILED;
        }
        try {
            String result = onUi(() -> execute(args, request::path), 15_000);
            if (result != null && !result.isEmpty()) {
                out.println(result);
            }
            return OK;
        } catch (IllegalArgumentException e) {
            request.err().println("workbench: " + e.getMessage());
            request.err().println("usage: " + usage());
            return USAGE;
        } catch (RuntimeException e) {
            request.err().println("workbench: " + e.getMessage());
            return FAILED;
        }
    }

    private String execute(List<String> args, Function<String, Path> paths) throws Exception {
        WorkbenchUi u = ui;
        String sub = args.get(0);
        switch (sub) {
            case "layout" -> {
                u.save(true);
                return LayoutFile.json(u.layout());
            }
            case "save" -> {
                u.save(true);
                return "saved";
            }
            case "perspective" -> {
                String id = arg(args, 1, "a perspective id");
                if (u.layout().find(id).isEmpty()) {
                    throw new IllegalArgumentException("no perspective " + id + "; there are "
                            + u.layout().perspectives().stream().map(p -> p.id()).toList());
                }
                u.switchTo(id);
                return id;
            }
            case "show" -> {
                Map<String, String> settings = new HashMap<>();
                for (String kv : args.subList(Math.min(2, args.size()), args.size())) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("a setting is key=value, not " + kv);
                    }
                    settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                return u.showView(arg(args, 1, "a view id"), settings);
            }
            case "move" -> {
                String instance = arg(args, 1, "a view instance id");
                String stack = arg(args, 2, "a stack id");
                Side side;
                try {
                    side = Side.valueOf(arg(args, 3, "a side").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the side is one of center, left, right, top, bottom");
                }
                u.perspective().view(instance).orElseThrow(() -> new IllegalArgumentException("no view " + instance));
                u.drop(instance, new WorkbenchUi.Drop(stack, side, null));
                return "moved";
            }
            case "detach" -> {
                String instance = arg(args, 1, "a view instance id");
                u.perspective().view(instance).orElseThrow(() -> new IllegalArgumentException("no view " + instance));
                u.drop(instance, new WorkbenchUi.Drop(null, null, new Bounds(60, 60, 640, 420)));
                return "detached";
            }
            case "focus" -> {
                String instance = arg(args, 1, "a view instance id");
                u.focus(instance);
                return "focused";
            }
            case "close" -> {
                String instance = arg(args, 1, "a view instance id");
                u.perspective().view(instance).orElseThrow(() -> new IllegalArgumentException("no view " + instance));
                u.close(instance);
                return "closed";
            }
            case "status" -> {
                // The status bar as the user reads it: the notice that stays until clicked, then
                // the latest message.
                String notice = u.chrome().statusNotice();
                String asOf = u.chrome().statusAsOf();
                return (notice == null ? "" : "notice " + notice + "\n") + (asOf == null ? "" : "asof " + asOf + "\n")
                        + "message " + u.chrome().statusMessage();
            }
            case "views" -> {
                StringBuilder sb = new StringBuilder();
                for (Registry.Entry e : registry.all()) {
                    sb.append("offered ").append(e.spec().id()).append(" [").append(e.spec().category()).append("] ")
                            .append(e.plugin()).append('\n');
                }
                for (ViewHost h : u.hosts().values()) {
                    boolean shown = !h.holder().isDisposed() && h.holder().getParent() instanceof CTabFolder
                            && h.holder().isVisible();
                    sb.append("open ").append(h.instanceId()).append(' ').append(h.viewId()).append(' ')
                            .append(h.state() == null ? "PENDING" : h.state()).append(shown ? "" : " (hidden)")
                            .append(h.message() == null ? "" : " " + h.message()).append('\n');
                }
                sb.append("stacks ").append(u.folders().size());
                return sb.toString();
            }
            case "screenshot" -> {
                Path png = paths.apply(arg(args, 1, "a .png file"));
                if (args.size() > 2) {
                    ViewHost h = u.hosts().get(args.get(2));
                    if (h == null) {
                        throw new IllegalArgumentException("no open view " + args.get(2));
                    }
                    u.screenshot(h.holder(), png);
                } else {
                    u.screenshot(u.shell(), png);
                }
                return png.toString();
            }
            case "watchdog" -> {
                UiWatchdog w = watchdog;
                if (args.size() > 1 && args.get(1).equals("reset")) {
                    w.reset();
                    return "reset";
                }
                return w.report();
            }
            case "geometry" -> {
                // Where stacks and tabs are on the display, for scripted mouse gestures.
                StringBuilder sb = new StringBuilder();
                for (var e : u.folders().entrySet()) {
                    CTabFolder f = e.getValue();
                    if (f.isDisposed() || !f.isVisible()) {
                        continue;
                    }
                    org.eclipse.swt.graphics.Point o = f.toDisplay(0, 0);
                    org.eclipse.swt.graphics.Point size = f.getSize();
                    sb.append("stack ").append(e.getKey()).append(' ').append(o.x).append(' ').append(o.y).append(' ')
                            .append(size.x).append(' ').append(size.y).append(' ').append(f.getTabHeight()).append('\n');
                    for (org.eclipse.swt.custom.CTabItem item : f.getItems()) {
                        if (item.getData("tideline.instance") instanceof String id && item.isShowing()) {
                            org.eclipse.swt.graphics.Rectangle b = item.getBounds();
                            sb.append("tab ").append(id).append(' ').append(o.x + b.x).append(' ').append(o.y + b.y)
                                    .append(' ').append(b.width).append(' ').append(b.height).append('\n');
                        }
                    }
                }
                return sb.toString().strip();
            }
            case "maximize" -> {
                String stack = arg(args, 1, "a stack id");
                if (u.perspective().stacks().stream().noneMatch(st -> st.id().equals(stack))) {
                    throw new IllegalArgumentException("no stack " + stack);
                }
                u.toggleMaximize(stack);
                return u.perspective().maximized() == null ? "restored" : "maximized " + stack;
            }
            case "language" -> {
                if (args.size() == 1) {
                    return u.messages().locale().getLanguage();
                }
                Messages m = new Messages(Messages.locale(args.get(1)));
                messages = m;
                u.relocalize(m);
                return m.locale().toString();
            }
            default -> throw new IllegalArgumentException("unknown subcommand " + sub);
        }
    }

    private static String arg(List<String> args, int i, String what) {
        if (args.size() <= i) {
            throw new IllegalArgumentException(args.get(0) + " needs " + what);
        }
        return args.get(i);
    }
}
