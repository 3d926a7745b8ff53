package io.tideline.views.admin.plugins;

import io.tideline.api.platform.BundleStatus;
import io.tideline.api.platform.RefusedJar;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.kit.ViewBase;
import io.tideline.views.admin.Messages;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The Plugins view: installed bundles with state, version, the services each offers and, for
 * those that do not run, why; Start, Stop and Uninstall for the selected one; the deploy folder
 * with "Install jar…"; and the jars the trust check refused. It refreshes itself on bundle and
 * service events, coalesced so a burst of events costs one refresh; every read and every
 * operation runs on the view kit's {@link io.tideline.api.ui.kit.Background}, off the UI thread.
 */
public final class PluginsView extends ViewBase<Messages> {

    /** How long events are gathered before one refresh. */
    private static final int COALESCE_MILLIS = 150;

    private final PluginsSource source;
    private final DateTimeFormatter time;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Operations so far: each has a key of its own, so a quick second one does not hide the first's outcome. */
    private int operations;

    private final Table bundles;
    private final Button start;
    private final Button stop;
    private final Button uninstall;
    private final Text details;
    private final Label status;
    private final Label deployLabel;
    private final Table files;
    private final Label trustLabel;
    private final Table refused;

    private PluginsSnapshot snapshot;
    private long selectedId = -1;

    /** Builds the view inside {@code parent} and starts listening. Call on the UI thread. */
    public PluginsView(Composite parent, ViewContext context, PluginsSource source) {
        super(parent, context, Messages.of(context.locale()), "plugins");
        this.source = source;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale())
                .withZone(ZoneId.systemDefault());

        root.setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Group installed = group(sash, msg.format("plugins.installed"), 1);
        bundles = table(installed, "plugins.col.id", "plugins.col.name", "plugins.col.version", "plugins.col.state",
                "plugins.col.services", "plugins.col.problem");
        bundles.addListener(SWT.Selection, e -> {
            if (e.item instanceof TableItem item && item.getData() instanceof PluginRow row) {
                selectedId = row.bundleId();
                showSelection();
            }
        });
        Composite actions = new Composite(installed, SWT.NONE);
        actions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        actions.setLayout(new GridLayout(4, false));
        start = button(actions, "plugins.start", () -> operate("start"));
        stop = button(actions, "plugins.stop", () -> operate("stop"));
        uninstall = button(actions, "plugins.uninstall", this::confirmUninstall);
        status = new Label(actions, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        details = new Text(installed, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData detailsData = new GridData(SWT.FILL, SWT.FILL, true, false);
        detailsData.heightHint = details.getLineHeight() * 5;
        details.setLayoutData(detailsData);

        Composite bottom = new Composite(sash, SWT.NONE);
        GridLayout bottomLayout = new GridLayout(2, true);
        bottomLayout.marginWidth = 0;
        bottom.setLayout(bottomLayout);
        Group deploy = group(bottom, msg.format("plugins.deploy"), 1);
        deployLabel = new Label(deploy, SWT.WRAP);
        deployLabel.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        files = table(deploy, "plugins.file.name", "plugins.file.size", "plugins.file.modified",
                "plugins.file.bundle", "plugins.col.problem");
        button(deploy, "plugins.installJar", this::installJar);
        Group refusedGroup = group(bottom, msg.format("plugins.refused"), 1);
        trustLabel = new Label(refusedGroup, SWT.WRAP);
        trustLabel.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        refused = table(refusedGroup, "plugins.refused.file", "plugins.refused.reason", "plugins.refused.when",
                "plugins.refused.movedTo");
        sash.setWeights(62, 38);

        showSelection();
        status.setText(msg.format("plugins.loading"));
        AutoCloseable subscription = source.watch(this::requestRefresh);
        root.addDisposeListener(e -> {
            try {
                subscription.close();
            } catch (Exception ex) {
                // Closing only removes listeners; a failure means the framework already dropped them.
            }
        });
        requestRefresh();
    }

    private Group group(Composite parent, String title, int columns) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(columns, false));
        if (parent.getLayout() instanceof GridLayout) {
            g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        }
        return g;
    }

    private Table table(Composite parent, String... columnKeys) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String key : columnKeys) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText(msg.format(key));
            c.pack();
        }
        return t;
    }

    private Button button(Composite parent, String key, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(msg.format(key));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /**
     * Asks for a refresh; events arriving within the coalescing window share it. Any thread: the
     * window is a timer of the UI thread, which then reads in the background.
     */
    void requestRefresh() {
        if (pending.compareAndSet(false, true)) {
            onUi(() -> root.getDisplay().timerExec(COALESCE_MILLIS, this::refreshNow));
        }
    }

    private void refreshNow() {
        pending.set(false);
        if (root.isDisposed()) {
            return;
        }
        background.run("snapshot", source::snapshot, this::show,
                e -> status.setText(msg.format("plugins.readFailed", String.valueOf(e.getMessage()))));
    }

    private void show(PluginsSnapshot s) {
        snapshot = s;
        Color problemColour = root.getDisplay().getSystemColor(SWT.COLOR_RED);
        bundles.setRedraw(false);
        try {
            bundles.removeAll();
            for (PluginRow row : s.rows()) {
                TableItem item = new TableItem(bundles, SWT.NONE);
                item.setText(new String[] {Long.toString(row.bundleId()), row.symbolicName(), row.version(),
                        stateName(row.state()), String.join(", ", row.services()), row.problem()});
                item.setData(row);
                if (!row.problem().isEmpty()) {
                    item.setForeground(problemColour);
                }
                if (row.bundleId() == selectedId) {
                    bundles.setSelection(item);
                }
            }
            packColumns(bundles, 420);
        } finally {
            bundles.setRedraw(true);
        }

        deployLabel.setText(s.deployDir() == null ? msg.format("plugins.deploy.none")
                : s.filesError() != null ? msg.format("plugins.deploy.error", s.filesError())
                : msg.format("plugins.deploy.dir", s.deployDir().toString(), s.files().size())
                        // The table cuts a long reason; under the folder's line it is read whole.
                        + s.files().stream().filter(f -> !f.problem().isEmpty()).map(f -> "\n" + f.problem())
                                .collect(Collectors.joining()));
        files.removeAll();
        for (DeployFile f : s.files()) {
            TableItem item = new TableItem(files, SWT.NONE);
            item.setText(new String[] {f.name(), String.format(Locale.ROOT, "%.1f KB", f.size() / 1024.0),
                    time.format(f.modified()), f.bundleId() < 0 ? "" : "#" + f.bundleId(), f.problem()});
            if (!f.problem().isEmpty()) {
                item.setForeground(problemColour);
            }
        }
        packColumns(files, 300);

        trustLabel.setText(s.trustMode() == null ? msg.format("plugins.trust.none")
                : msg.format("plugins.trust.mode", msg.format("plugins.trust." + s.trustMode()), s.refused().size()));
        refused.removeAll();
        for (RefusedJar jar : s.refused()) {
            TableItem item = new TableItem(refused, SWT.NONE);
            item.setText(new String[] {jar.fileName(), jar.reason(), time.format(jar.refusedAt()),
                    jar.movedTo().toString()});
            item.setForeground(problemColour);
        }
        packColumns(refused, 360);
        long problems = s.rows().stream().filter(r -> !r.problem().isEmpty()).count();
        long unusable = s.files().stream().filter(f -> !f.problem().isEmpty()).count();
        status.setText(unusable == 0 ? msg.format("plugins.summary", s.rows().size(), problems)
                : msg.format("plugins.summary.files", s.rows().size(), problems, unusable));
        showSelection();
        root.layout(true, true);
    }

    private static void packColumns(Table table, int maxWidth) {
        for (TableColumn c : table.getColumns()) {
            c.pack();
            if (c.getWidth() > maxWidth) {
                c.setWidth(maxWidth);
            }
        }
    }

    private String stateName(BundleStatus.State state) {
        return msg.format("state." + state.name());
    }

    private PluginRow selected() {
        if (snapshot == null) {
            return null;
        }
        for (PluginRow row : snapshot.rows()) {
            if (row.bundleId() == selectedId) {
                return row;
            }
        }
        return null;
    }

    private void showSelection() {
        PluginRow row = selected();
        boolean editable = row != null && !row.systemBundle() && row.state() != BundleStatus.State.UNINSTALLED;
        boolean running = row != null && (row.state() == BundleStatus.State.ACTIVE
                || row.state() == BundleStatus.State.STARTING);
        start.setEnabled(editable && !running && row.state() != BundleStatus.State.FRAGMENT);
        stop.setEnabled(editable && running);
        uninstall.setEnabled(editable);
        if (row == null) {
            details.setText(msg.format("plugins.pick"));
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(msg.format("plugins.detail.head", row.name(), row.symbolicName(), row.version(),
                stateName(row.state()))).append('\n');
        text.append(msg.format("plugins.detail.location", row.location())).append('\n');
        if (!row.problem().isEmpty()) {
            text.append(msg.format("plugins.detail.problem", row.problem())).append('\n');
        }
        text.append(msg.format("plugins.detail.services", row.services().size()));
        for (String service : row.services()) {
            text.append("\n  ").append(service);
        }
        details.setText(text.toString());
    }

    private void confirmUninstall() {
        PluginRow row = selected();
        if (row == null || row.systemBundle()) {
            return;
        }
        MessageBox box = new MessageBox(root.getShell(), SWT.ICON_WARNING | SWT.YES | SWT.NO);
        box.setText(msg.format("plugins.uninstall.title"));
        box.setMessage(msg.format("plugins.uninstall.confirm", row.symbolicName(), row.version()));
        if (box.open() == SWT.YES) {
            operate("uninstall");
        }
    }

    /** Runs a life-cycle operation on the selected bundle in the background. */
    void operate(String operation) {
        PluginRow row = selected();
        if (row == null || row.systemBundle()) {
            return;
        }
        String label = msg.format("plugins.op." + operation);
        status.setText(msg.format("plugins.op.running", label, row.symbolicName()));
        run(() -> {
            switch (operation) {
                case "start" -> source.start(row.bundleId());
                case "stop" -> source.stop(row.bundleId());
                case "uninstall" -> source.uninstall(row.bundleId());
                default -> throw new IllegalArgumentException(operation);
            }
            return msg.format("plugins.op.done", label, row.symbolicName());
        }, failure -> msg.format("plugins.op.failed", label, row.symbolicName(), failure));
    }

    private void installJar() {
        FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
        dialog.setText(msg.format("plugins.installJar.title"));
        dialog.setFilterExtensions(new String[] {"*.jar", "*"});
        String chosen = dialog.open();
        if (chosen != null) {
            install(Path.of(chosen));
        }
    }

    /** Copies a jar into the deploy folder in the background. */
    void install(Path jar) {
        status.setText(msg.format("plugins.install.running", jar.getFileName()));
        run(() -> msg.format("plugins.install.done", source.install(jar).getFileName()),
                failure -> msg.format("plugins.install.failed", jar.getFileName(), failure));
    }

    @FunctionalInterface
    private interface Job {
        String call() throws Exception;
    }

    /** Runs {@code job} in the background; its outcome, or {@code onFailure}'s words, goes to the status lines. */
    private void run(Job job, Function<String, String> onFailure) {
        background.run("operation-" + ++operations, job::call, this::done,
                e -> done(onFailure.apply(e.getMessage() == null ? e.toString() : e.getMessage())));
    }

    private void done(String message) {
        status.setText(message);
        context.status(message);
        requestRefresh();
    }

    // Accessors for the tests in this package.

    Table bundlesTable() {
        return bundles;
    }

    Table filesTable() {
        return files;
    }

    Label deployLabel() {
        return deployLabel;
    }

    Table refusedTable() {
        return refused;
    }

    Label status() {
        return status;
    }

    Text details() {
        return details;
    }

    Button startButton() {
        return start;
    }

    Button stopButton() {
        return stop;
    }

    Button uninstallButton() {
        return uninstall;
    }

    PluginsSnapshot snapshot() {
        return snapshot;
    }

    void select(long bundleId) {
        selectedId = bundleId;
        showSelection();
    }
}
