package io.tideline.workbench.internal;

import io.tideline.workbench.internal.layout.Bounds;
import io.tideline.workbench.internal.layout.Layout;
import io.tideline.workbench.internal.layout.LayoutFile;
import io.tideline.workbench.internal.layout.Node;
import io.tideline.workbench.internal.layout.Perspective;
import io.tideline.workbench.internal.layout.Side;
import io.tideline.workbench.internal.layout.Split;
import io.tideline.workbench.internal.layout.Stack;
import io.tideline.workbench.internal.layout.ViewRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabFolder2Adapter;
import org.eclipse.swt.custom.CTabFolderEvent;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * The workbench window on the UI thread: renders the active perspective into split and tab
 * stacks, keeps every open view in a {@link ViewHost} that survives rearrangements, and applies
 * every change (drag and drop, show view, close, detach, resize) to the immutable layout model,
 * which is saved in the background after each change. Every method runs on the UI thread.
 */
final class WorkbenchUi implements ViewHost.Site {

    private static final int SAVE_DELAY_MILLIS = 400;

    private final Display display;
    private final Registry registry;
    private final LayoutFile file;
    private final ExecutorService io;
    private final Consumer<String> log;
    private final Path dataDir;

    private Messages messages;
    private Layout layout;
    private Shell shell;
    private Shell pool;
    private Composite content;
    private Chrome chrome;
    private final Map<String, ViewHost> hosts = new LinkedHashMap<>();
    private final Map<String, CTabFolder> folders = new LinkedHashMap<>();
    private final Map<String, SashForm> sashes = new HashMap<>();
    private final Map<String, Shell> windows = new HashMap<>();
    private boolean rendering;
    private boolean saveScheduled;
    private String activeInstance;

    WorkbenchUi(Display display, Registry registry, LayoutFile file, ExecutorService io, Messages messages,
            Path dataDir, Consumer<String> log) {
        this.display = display;
        this.registry = registry;
        this.file = file;
        this.io = io;
        this.messages = messages;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Opens the window with the saved layout (or its backup copy, or the defaults, saying why). */
    Shell open(LayoutFile.Loaded loaded) {
        layout = loaded.layout();
        shell = new Shell(display);
        shell.setText(messages.get("app.title"));
        shell.setLayout(new GridLayout(1, false));
        pool = new Shell(display);
        chrome = new Chrome(this, shell);
        content = new Composite(shell, SWT.NONE);
        content.setLayout(new FillLayout());
        content.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chrome.createStatusBar(shell);
        chrome.rebuild();
        Bounds b = layout.window();
        Rectangle screen = clientArea(display, b);
        if (b != null) {
            // Never larger than the screen it opens on (the layout may come from a bigger one).
            Bounds fit = b.within(screen.x, screen.y, screen.width, screen.height);
            shell.setBounds(fit.x(), fit.y(), fit.width(), fit.height());
        } else {
            Bounds fit = new Bounds(screen.x, screen.y, 1280, 820).within(screen.x, screen.y, screen.width, screen.height);
            shell.setSize(fit.width(), fit.height());
        }
        shell.addListener(SWT.Move, e -> scheduleSave());
        shell.addListener(SWT.Resize, e -> scheduleSave());
        shell.addListener(SWT.Dispose, e -> pool.dispose());
        render();
        if (loaded.problem() != null) {
            boolean backup = loaded.source() == LayoutFile.Source.BACKUP;
            chrome.notice(backup ? "layout.noticeBackup" : "layout.noticeDefaults",
                    backup ? "layout.fromBackup" : "layout.problem", loaded.problem());
            log.accept(loaded.problem());
        }
        shell.open();
        return shell;
    }

    Shell shell() {
        return shell;
    }

    Display display() {
        return display;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    Registry registry() {
        return registry;
    }

    Layout layout() {
        return layout;
    }

    Path dataDir() {
        return dataDir;
    }

    Chrome chrome() {
        return chrome;
    }

    // ---- the layout model ------------------------------------------------------------------

    /** Replaces the active perspective and re-renders. */
    void apply(Perspective p) {
        layout = layout.with(p);
        render();
        scheduleSave();
    }

    /** Switches perspective; the views of the old one are closed (their settings are saved). */
    void switchTo(String perspectiveId) {
        captureGeometry();
        layout = layout.activate(perspectiveId);
        render();
        chrome.rebuild();
        scheduleSave();
    }

    /** Replaces the whole layout (new, delete, reset perspectives). */
    void replace(Layout l) {
        captureGeometry();
        layout = l;
        render();
        chrome.rebuild();
        scheduleSave();
    }

    Perspective perspective() {
        return layout.activePerspective();
    }

    /** Opens a new instance of a view in the active stack; returns its instance id. */
    String showView(String viewId, Map<String, String> settings) {
        String id = "view-" + UUID.randomUUID().toString().substring(0, 8);
        String stack = activeInstance == null ? null : perspective().stackOf(activeInstance).map(Stack::id)
                .orElse(null);
        apply(perspective().add(new ViewRef(id, viewId, settings), stack));
        activeInstance = id;
        return id;
    }

    /** Where a dragged tab was dropped: on a stack's side, or outside every window. */
    /**
     * The client area (the screen less panels and docks) of the monitor holding the middle of
     * {@code saved}, else of the primary monitor.
     */
    static Rectangle clientArea(Display display, Bounds saved) {
        if (saved != null) {
            int cx = saved.x() + saved.width() / 2;
            int cy = saved.y() + saved.height() / 2;
            for (org.eclipse.swt.widgets.Monitor m : display.getMonitors()) {
                if (m.getBounds().contains(cx, cy)) {
                    return m.getClientArea();
                }
            }
        }
        org.eclipse.swt.widgets.Monitor primary = display.getPrimaryMonitor();
        return primary != null ? primary.getClientArea() : display.getClientArea();
    }

    record Drop(String stackId, Side side, Bounds detachAt) {
    }

    /** Moves a view as the drag-and-drop gesture does; the {@code workbench move} command calls it too. */
    void drop(String instanceId, Drop drop) {
        captureGeometry();
        Perspective p = perspective();
        apply(drop.detachAt() != null ? p.detach(instanceId, drop.detachAt())
                : p.move(instanceId, drop.stackId(), drop.side()));
        activeInstance = instanceId;
    }

    /** Brings a view instance's tab to the front of its stack. */
    void focus(String instanceId) {
        Stack s = perspective().stackOf(instanceId)
                .orElseThrow(() -> new IllegalArgumentException("no view " + instanceId));
        captureGeometry();
        apply(perspective().activate(s.id(), s.indexOf(instanceId)));
        activeInstance = instanceId;
    }

    void close(String instanceId) {
        captureGeometry();
        apply(perspective().close(instanceId));
    }

    void toggleMaximize(String stackId) {
        captureGeometry();
        Perspective p = perspective();
        apply(p.maximize(stackId.equals(p.maximized()) ? null : stackId));
    }

    String activeInstance() {
        return activeInstance;
    }

    // ---- rendering ------------------------------------------------------------------------

    private void render() {
        rendering = true;
        try {
            Perspective p = perspective();
            for (ViewHost h : hosts.values()) {
                h.holder().setParent(pool);
            }
            for (Control c : content.getChildren()) {
                c.dispose();
            }
            for (Shell w : windows.values()) {
                w.dispose();
            }
            windows.clear();
            folders.clear();
            sashes.clear();
            Set<String> live = new HashSet<>();
            p.views().forEach(v -> live.add(v.instanceId()));
            hosts.entrySet().removeIf(e -> {
                if (!live.contains(e.getKey())) {
                    e.getValue().dispose();
                    return true;
                }
                return false;
            });
            Node main = p.root();
            if (p.maximized() != null) {
                main = p.stacks().stream().filter(s -> s.id().equals(p.maximized())).findFirst().map(Node.class::cast)
                        .orElse(main);
            }
            build(content, main);
            for (io.tideline.workbench.internal.layout.Window w : p.windows()) {
                Shell s = new Shell(shell, SWT.SHELL_TRIM | SWT.TOOL);
                s.setText(messages.get("app.title"));
                s.setLayout(new FillLayout());
                build(s, w.root());
                Rectangle area = clientArea(shell.getDisplay(), w.bounds());
                Bounds fit = w.bounds().within(area.x, area.y, area.width, area.height);
                s.setBounds(fit.x(), fit.y(), fit.width(), fit.height());
                s.addListener(SWT.Move, e -> scheduleSave());
                s.addListener(SWT.Resize, e -> scheduleSave());
                s.addListener(SWT.Close, e -> {
                    // Closing a window of its own brings its views back into the main window: nothing is lost.
                    e.doit = false;
                    display.asyncExec(() -> windowClosed(w.id()));
                });
                s.setData("tideline.window", w.id());
                windows.put(w.id(), s);
                s.open();
            }
            content.layout(true, true);
        } finally {
            rendering = false;
        }
    }

    /** A window of its own was closed: its views move back into the main window's first stack. */
    private void windowClosed(String windowId) {
        Perspective p = perspective();
        String target = p.mainStacks().get(0).id();
        for (io.tideline.workbench.internal.layout.Window w : perspective().windows()) {
            if (w.id().equals(windowId)) {
                for (ViewRef v : Perspective.views(w.root())) {
                    p = p.move(v.instanceId(), target, Side.CENTER);
                }
            }
        }
        apply(p);
    }

    private void build(Composite parent, Node node) {
        if (node instanceof Split s) {
            SashForm form = new SashForm(parent, s.horizontal() ? SWT.HORIZONTAL : SWT.VERTICAL);
            form.setSashWidth(6);
            form.setData("tideline.split", s.id());
            for (Node c : s.children()) {
                build(form, c);
            }
            form.setWeights(s.weights().stream().mapToInt(Integer::intValue).toArray());
            for (Control c : form.getChildren()) {
                if (c instanceof org.eclipse.swt.widgets.Sash) {
                    c.addListener(SWT.Selection, e -> scheduleSave());
                }
            }
            sashes.put(s.id(), form);
            return;
        }
        Stack stack = (Stack) node;
        CTabFolder folder = new CTabFolder(parent, SWT.BORDER | SWT.CLOSE);
        folder.setData("tideline.stack", stack.id());
        folder.setMaximizeVisible(true);
        folder.setMaximized(stack.id().equals(perspective().maximized()));
        folder.setSelectionBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        folders.put(stack.id(), folder);
        if (stack.views().isEmpty()) {
            Label hint = new Label(folder, SWT.CENTER | SWT.WRAP);
            hint.setText(messages.get("stack.empty"));
            CTabItem item = new CTabItem(folder, SWT.NONE);
            item.setText("\u2014");
            item.setControl(hint);
            folder.setSelection(0);
        }
        for (ViewRef ref : stack.views()) {
            ViewHost host = hosts.computeIfAbsent(ref.instanceId(), id -> createHost(ref));
            CTabItem item = new CTabItem(folder, SWT.CLOSE);
            item.setText(title(ref.viewId()));
            item.setData("tideline.instance", ref.instanceId());
            host.holder().setParent(folder);
            item.setControl(host.holder());
        }
        if (!stack.views().isEmpty()) {
            folder.setSelection(stack.active());
        }
        folder.addListener(SWT.Selection, e -> {
            if (!rendering && e.item != null && e.item.getData("tideline.instance") instanceof String id) {
                activeInstance = id;
                layout = layout.with(perspective().activate(stack.id(), folder.indexOf((CTabItem) e.item)));
                scheduleSave();
            }
        });
        folder.addCTabFolder2Listener(new CTabFolder2Adapter() {
            @Override
            public void close(CTabFolderEvent e) {
                e.doit = false;
                if (e.item.getData("tideline.instance") instanceof String id) {
                    display.asyncExec(() -> WorkbenchUi.this.close(id));
                }
            }

            @Override
            public void maximize(CTabFolderEvent e) {
                display.asyncExec(() -> toggleMaximize(stack.id()));
            }

            @Override
            public void restore(CTabFolderEvent e) {
                display.asyncExec(() -> toggleMaximize(stack.id()));
            }
        });
        folder.addListener(SWT.MouseDoubleClick, e -> {
            if (folder.getItem(new Point(e.x, e.y)) != null) {
                display.asyncExec(() -> toggleMaximize(stack.id()));
            }
        });
        new TabDrag(this, folder);
    }

    /**
     * A host whose view is created on a later turn of the event loop: the window paints its
     * frame first, and each view's creation is its own short task, so the UI answers in between.
     */
    private ViewHost createHost(ViewRef ref) {
        ViewHost host = new ViewHost(pool, ref.instanceId(), ref.viewId(), this);
        display.asyncExec(() -> {
            if (!host.holder().isDisposed() && host.state() == null) {
                Registry.Entry e = registry.get(ref.viewId());
                host.show(e == null ? null : e.factory(), title(ref.viewId()));
            }
        });
        return host;
    }

    String title(String viewId) {
        Registry.Entry e = registry.get(viewId);
        return messages.viewTitle(viewId, e == null ? viewId : e.spec().title());
    }

    /** The stacks as rendered now, for drop targets: stack id to tab folder. */
    Map<String, CTabFolder> folders() {
        return folders;
    }

    /** The shells that hold stacks: the main window and windows of their own. */
    List<Shell> shells() {
        List<Shell> list = new ArrayList<>();
        list.add(shell);
        list.addAll(windows.values());
        return list;
    }

    Map<String, ViewHost> hosts() {
        return hosts;
    }

    // ---- plugins coming and going ------------------------------------------------------------

    /** A view factory arrived: its waiting placeholders come back to life. */
    void viewAdded(String viewId) {
        for (ViewHost h : hosts.values()) {
            if (h.viewId().equals(viewId) && h.state() != ViewHost.State.LIVE) {
                Registry.Entry e = registry.get(viewId);
                h.show(e == null ? null : e.factory(), title(viewId));
            }
        }
        refreshTitles();
    }

    /** A view factory left: its open instances close into placeholders naming the plugin. */
    void viewRemoved(String viewId) {
        for (ViewHost h : hosts.values()) {
            if (h.viewId().equals(viewId)) {
                h.show(null, title(viewId));
            }
        }
    }

    private void refreshTitles() {
        for (CTabFolder f : folders.values()) {
            for (CTabItem item : f.getItems()) {
                if (item.getData("tideline.instance") instanceof String id && hosts.get(id) != null) {
                    item.setText(title(hosts.get(id).viewId()));
                }
            }
        }
    }

    /**
     * An exception escaped the event loop: if its stack names a view's classes, that view's
     * instances become error placeholders; the window and the other views keep running.
     */
    boolean blame(Throwable t) {
        Set<String> failed = new HashSet<>();
        for (ViewHost h : hosts.values()) {
            if (h.state() == ViewHost.State.LIVE && h.factory() != null) {
                String pkg = h.factory().getClass().getPackageName();
                // asyncExec wraps a view's exception in an SWTException: look through the causes.
                for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                    if (Arrays.stream(c.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(pkg + "."))) {
                        failed.add(h.viewId());
                        break;
                    }
                }
            }
        }
        for (ViewHost h : hosts.values()) {
            if (failed.contains(h.viewId())) {
                h.fail(t.getCause() != null && t instanceof org.eclipse.swt.SWTException ? t.getCause() : t,
                        title(h.viewId()));
            }
        }
        return !failed.isEmpty();
    }

    /** The language changed: menus, titles and every open view are recreated in it. */
    void relocalize(Messages m) {
        messages = m;
        shell.setText(messages.get("app.title"));
        for (ViewHost h : hosts.values()) {
            Registry.Entry e = registry.get(h.viewId());
            h.show(e == null ? null : e.factory(), title(h.viewId()));
        }
        render();
        chrome.rebuild();
        chrome.createStatusBarTexts();
    }

    // ---- ViewHost.Site ------------------------------------------------------------------------

    @Override
    public Map<String, String> settings(String instanceId) {
        return perspective().view(instanceId).map(ViewRef::settings).orElse(Map.of());
    }

    @Override
    public void updateSettings(String instanceId, Map<String, String> settings) {
        if (Display.getCurrent() != display) {
            display.asyncExec(() -> updateSettings(instanceId, settings));
            return;
        }
        if (perspective().view(instanceId).isPresent()) {
            layout = layout.with(perspective().settings(instanceId, settings));
            scheduleSave();
        }
    }

    @Override
    public void status(String message) {
        if (Display.getCurrent() != display) {
            display.asyncExec(() -> status(message));
            return;
        }
        chrome.message(message);
    }

    @Override
    public void withdrawStatus(String message) {
        if (Display.getCurrent() != display) {
            display.asyncExec(() -> withdrawStatus(message));
            return;
        }
        // Only the view's own message: another view's or the window's news since then stays.
        if (message.replace('\n', ' ').equals(chrome.statusMessage())) {
            chrome.message("");
        }
    }

    @Override
    public String providerOf(String viewId) {
        return registry.providerOf(viewId);
    }

    // ---- saving -------------------------------------------------------------------------------

    void scheduleSave() {
        if (saveScheduled || shell == null || shell.isDisposed()) {
            return;
        }
        saveScheduled = true;
        display.timerExec(SAVE_DELAY_MILLIS, () -> {
            saveScheduled = false;
            if (!shell.isDisposed()) {
                save(false);
            }
        });
    }

    /** Captures sash weights and window bounds into the model, then writes it off the UI thread. */
    void save(boolean wait) {
        captureGeometry();
        Layout snapshot = layout;
        var done = io.submit(() -> {
            try {
                file.write(snapshot);
            } catch (IOException e) {
                log.accept("cannot save the layout to " + file.path() + ": " + e);
            }
        });
        if (wait) {
            try {
                done.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.accept("saving the layout did not finish: " + e);
            }
        }
    }

    private void captureGeometry() {
        if (shell == null || shell.isDisposed()) {
            return;
        }
        Perspective p = perspective();
        for (Map.Entry<String, SashForm> e : sashes.entrySet()) {
            SashForm f = e.getValue();
            if (!f.isDisposed()) {
                List<Integer> w = Arrays.stream(f.getWeights()).boxed().toList();
                if (w.stream().allMatch(x -> x > 0) && moved(p, e.getKey(), w)) {
                    p = p.resize(e.getKey(), w);
                }
            }
        }
        for (Map.Entry<String, Shell> e : windows.entrySet()) {
            Rectangle r = e.getValue().getBounds();
            if (!e.getValue().isDisposed() && r.width > 0 && r.height > 0) {
                p = p.moveWindow(e.getKey(), new Bounds(r.x, r.y, r.width, r.height));
            }
        }
        Rectangle r = shell.getBounds();
        layout = layout.with(p);
        if (r.width > 0 && r.height > 0 && !shell.getMaximized()) {
            layout = layout.withWindow(new Bounds(r.x, r.y, r.width, r.height));
        }
    }

    /**
     * Whether the rendered proportions differ from the model's by more than pixel rounding:
     * SashForm reports weights from pixel sizes, and a layout restored and saved again must
     * stay the same file.
     */
    private static boolean moved(Perspective p, String splitId, List<Integer> rendered) {
        List<Integer> model = p.splitWeights(splitId);
        if (model == null || model.size() != rendered.size()) {
            return true;
        }
        double ms = model.stream().mapToInt(Integer::intValue).sum();
        double rs = rendered.stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < model.size(); i++) {
            if (Math.abs(model.get(i) / ms - rendered.get(i) / rs) > 0.01) {
                return true;
            }
        }
        return false;
    }

    // ---- screenshots --------------------------------------------------------------------------

    /** Saves a PNG of a control as it is on screen (a view, or the whole window). */
    void screenshot(Control control, Path png) {
        Rectangle area = control instanceof Shell s ? s.getBounds() : control.getBounds();
        Point origin = control instanceof Shell s ? new Point(area.x, area.y)
                : control.getParent().toDisplay(area.x, area.y);
        Image image = new Image(display, Math.max(1, area.width), Math.max(1, area.height));
        GC gc = new GC(display);
        try {
            gc.copyArea(image, origin.x, origin.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(png.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
