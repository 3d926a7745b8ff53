package io.tideline.workbench.internal;

import io.tideline.workbench.internal.layout.Layout;
import io.tideline.workbench.internal.layout.LayoutFile;
import io.tideline.workbench.internal.layout.Perspective;
import io.tideline.workbench.internal.layout.Stack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The window's menu bar, toolbar (one button per perspective, "Show view", "Export PNG") and
 * status bar (data directory, feed health, last update, messages). Rebuilt when perspectives
 * or the language change. UI thread only.
 */
final class Chrome {

    private static final Set<String> SHIPPED = Set.of("morning", "macro", "crypto");
    private static final Map<String, String> SHIPPED_NAMES = Map.of("morning", "Morning checklist", "macro",
            "Macro desk", "crypto", "Crypto structure");

    private final WorkbenchUi ui;
    private final Shell shell;
    private ToolBar toolbar;
    private Label notice;
    /** The newest alert, until clicked; hidden without one. */
    private Label alert;
    private String alertText;
    /** The notice's message keys (short text, full text) and its argument; null when there is none. */
    private String[] noticeKeys;
    private String noticeArg;
    private Label message;
    /** The workspace's as-of date; hidden when the window shows the newest data. */
    private Label asOf;
    private String asOfKey;
    private String asOfDay;
    private Runnable toLatest;
    private Label data;
    private Label feeds;
    private Label update;
    private String feedsText;
    private String updateText;

    Chrome(WorkbenchUi ui, Shell shell) {
        this.ui = ui;
        this.shell = shell;
        toolbar = new ToolBar(shell, SWT.FLAT | SWT.RIGHT | SWT.WRAP);
        toolbar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    /** The shown name of a perspective: shipped ones in the UI language unless the user renamed them. */
    String name(Perspective p) {
        if (SHIPPED.contains(p.id()) && SHIPPED_NAMES.get(p.id()).equals(p.name())) {
            return ui.messages().get("perspective." + p.id());
        }
        return p.name();
    }

    void rebuild() {
        Messages m = ui.messages();
        Menu old = shell.getMenuBar();
        Menu bar = new Menu(shell, SWT.BAR);
        shell.setMenuBar(bar);
        if (old != null) {
            old.dispose();
        }
        Menu file = cascade(bar, m.get("menu.file"));
        item(file, m.get("menu.file.export"), this::exportPng);
        item(file, m.get("menu.file.preferences"), this::preferences);
        new MenuItem(file, SWT.SEPARATOR);
        item(file, m.get("menu.file.quit"), shell::close);

        Menu persp = cascade(bar, m.get("menu.perspective"));
        for (Perspective p : ui.layout().perspectives()) {
            MenuItem mi = new MenuItem(persp, SWT.RADIO);
            mi.setText(name(p).replace("&", "&&"));
            mi.setSelection(p.id().equals(ui.layout().active()));
            mi.addListener(SWT.Selection, e -> {
                if (mi.getSelection() && !p.id().equals(ui.layout().active())) {
                    ui.switchTo(p.id());
                }
            });
        }
        new MenuItem(persp, SWT.SEPARATOR);
        item(persp, m.get("menu.perspective.new"), this::newPerspective);
        item(persp, m.get("menu.perspective.rename"), this::rename);
        item(persp, m.get("menu.perspective.duplicate"), this::duplicate);
        item(persp, m.get("menu.perspective.reset"), this::reset);
        item(persp, m.get("menu.perspective.delete"), this::delete);

        Menu view = cascade(bar, m.get("menu.view"));
        item(view, m.get("menu.view.show"), this::showView);
        item(view, m.get("menu.view.plugins"), () -> ui.showView("io.tideline.views.plugins", Map.of()));
        item(view, m.get("menu.view.maximize"), () -> {
            String active = ui.activeInstance();
            ui.perspective().stackOf(active == null ? "" : active).or(() -> ui.perspective().stacks().stream()
                    .findFirst()).ifPresent(s -> ui.toggleMaximize(s.id()));
        });
        item(view, m.get("menu.view.close"), () -> {
            String active = ui.activeInstance();
            if (active != null && ui.perspective().view(active).isPresent()) {
                ui.close(active);
            }
        });
        Menu help = cascade(bar, m.get("menu.help"));
        item(help, m.get("menu.help.about"), this::about);

        for (ToolItem t : toolbar.getItems()) {
            t.dispose();
        }
        for (Perspective p : ui.layout().perspectives()) {
            ToolItem t = new ToolItem(toolbar, SWT.RADIO);
            t.setText(name(p).replace("&", "&&"));
            t.setSelection(p.id().equals(ui.layout().active()));
            t.addListener(SWT.Selection, e -> {
                if (t.getSelection() && !p.id().equals(ui.layout().active())) {
                    ui.display().asyncExec(() -> ui.switchTo(p.id()));
                }
            });
        }
        new ToolItem(toolbar, SWT.SEPARATOR);
        ToolItem show = new ToolItem(toolbar, SWT.PUSH);
        show.setText(m.get("tool.showView"));
        show.addListener(SWT.Selection, e -> showView());
        ToolItem export = new ToolItem(toolbar, SWT.PUSH);
        export.setText(m.get("tool.export"));
        export.addListener(SWT.Selection, e -> exportPng());
        toolbar.pack();
        shell.layout(true, true);
    }

    void createStatusBar(Shell parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        GridLayout gl = new GridLayout(7, false);
        gl.marginHeight = 2;
        bar.setLayout(gl);
        notice = new Label(bar, SWT.NONE);
        GridData hidden = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        hidden.exclude = true;
        notice.setLayoutData(hidden);
        notice.setVisible(false);
        notice.setForeground(bar.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        notice.setCursor(bar.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
        notice.addListener(SWT.MouseUp, e -> {
            String full = notice.getToolTipText();
            notice(null, null, null);
            info(full);
        });
        alert = new Label(bar, SWT.NONE);
        GridData alertHidden = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        alertHidden.exclude = true;
        alert.setLayoutData(alertHidden);
        alert.setVisible(false);
        alert.setForeground(bar.getDisplay().getSystemColor(SWT.COLOR_DARK_MAGENTA));
        alert.setCursor(bar.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
        alert.addListener(SWT.MouseUp, e -> {
            String full = alertText;
            alert(null);
            if (full != null) {
                info(full);
            }
        });
        message = new Label(bar, SWT.NONE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        asOf = new Label(bar, SWT.NONE);
        GridData asOfHidden = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        asOfHidden.exclude = asOfKey == null;
        asOf.setLayoutData(asOfHidden);
        asOf.setVisible(asOfKey != null);
        asOf.setCursor(bar.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
        asOf.addListener(SWT.MouseUp, e -> {
            if (toLatest != null) {
                toLatest.run();
            }
        });
        data = new Label(bar, SWT.NONE);
        feeds = new Label(bar, SWT.NONE);
        update = new Label(bar, SWT.NONE);
        createStatusBarTexts();
    }

    void createStatusBarTexts() {
        Messages m = ui.messages();
        data.setText(m.get("status.dataDir", ui.dataDir()));
        feeds.setText(feedsText == null ? m.get("status.feedsNone") : feedsText);
        update.setText(updateText == null ? m.get("status.lastUpdateNever") : updateText);
        if (asOfKey != null) {
            asOf.setText(m.get(asOfKey, asOfDay));
            asOf.setToolTipText(m.get("status.asOfTip", asOfDay));
        }
        if (noticeKeys != null) {
            notice.setText("\u26a0 " + m.get(noticeKeys[0]));
            notice.setToolTipText(m.get(noticeKeys[1], noticeArg) + "\n\n" + m.get("status.noticeDismiss"));
        }
        data.getParent().layout(true);
    }

    /**
     * Shows a notice at the start of the status bar that stays until the user clicks it (the
     * click shows the full text), unlike messages, which the next message replaces: a layout
     * opened from its backup copy must not be reported only until a view's first message.
     *
     * @param shortKey the key of the short text shown in the bar, or null to remove the notice
     * @param fullKey the key of the full text (tooltip and dialog), with {@code arg} as its {0}
     */
    void notice(String shortKey, String fullKey, String arg) {
        if (notice == null || notice.isDisposed()) {
            return;
        }
        noticeKeys = shortKey == null ? null : new String[] {shortKey, fullKey};
        noticeArg = arg;
        ((GridData) notice.getLayoutData()).exclude = shortKey == null;
        notice.setVisible(shortKey != null);
        if (shortKey == null) {
            notice.setText("");
            notice.setToolTipText(null);
            notice.getParent().layout(true);
        } else {
            createStatusBarTexts();
        }
    }

    /**
     * The alerts bundle's banner: the newest alert's message after "Alert:", beside the notice, until
     * the user clicks it (the click shows it whole); the next alert replaces it. Cut to
     * {@value #ALERT_CHARS} characters in the bar, whole on hover.
     *
     * @param text the alert's message, or null to remove the banner
     */
    void alert(String text) {
        alertText = text;
        if (alert == null || alert.isDisposed()) {
            return;
        }
        ((GridData) alert.getLayoutData()).exclude = text == null;
        alert.setVisible(text != null);
        if (text == null) {
            alert.setText("");
            alert.setToolTipText(null);
        } else {
            String line = text.replace('\n', ' ');
            String shown = line.length() > ALERT_CHARS ? line.substring(0, ALERT_CHARS - 1) + "\u2026" : line;
            // A word, not an emoji: the desktop's fonts may have no bell (a box is no warning).
            alert.setText(ui.messages().get("status.alertPrefix") + " " + shown.replace("&", "&&"));
            alert.setToolTipText(line + "\n\n" + ui.messages().get("status.alertDismiss"));
        }
        alert.getParent().layout(true);
    }

    /** The banner's alert text, or null when there is none. */
    String statusAlert() {
        return alertText;
    }

    /** How much of an alert the status bar shows. */
    static final int ALERT_CHARS = 90;

    /** Removes the notice if it is the one whose short key starts with {@code keyPrefix}. */
    void clearNotice(String keyPrefix) {
        if (noticeKeys != null && noticeKeys[0].startsWith(keyPrefix)) {
            notice(null, null, null);
        }
    }

    /**
     * Shows the workspace's as-of date in the status bar ("Sample date 2026-02-06"), or hides it.
     *
     * @param key {@code status.asOfSample} or {@code status.asOf}, or null to hide (the newest data)
     * @param day the day, the key's {0}
     * @param onClick what a click does: back to the newest data
     */
    void asOf(String key, String day, Runnable onClick) {
        asOfKey = key;
        asOfDay = day;
        toLatest = onClick;
        if (asOf == null || asOf.isDisposed()) {
            return;
        }
        ((GridData) asOf.getLayoutData()).exclude = key == null;
        asOf.setVisible(key != null);
        if (key == null) {
            asOf.setText("");
            asOf.setToolTipText(null);
            asOf.getParent().layout(true);
        } else {
            createStatusBarTexts();
        }
    }

    /** The as-of date as the status bar shows it, or null when it shows the newest data. */
    String statusAsOf() {
        return asOfKey == null || asOf == null || asOf.isDisposed() ? null : asOf.getText();
    }

    /** The notice's short and full text, or null when there is none. */
    String statusNotice() {
        return noticeKeys == null ? null : notice.getText() + " | " + notice.getToolTipText().replace('\n', ' ');
    }

    /** Feed health counts for the status bar: up, down or degraded, and not fetched yet. */
    void feeds(int ok, int failing, int unknown) {
        feedsText = ok + failing + unknown == 0 ? ui.messages().get("status.feedsNone")
                : unknown == 0 ? ui.messages().get("status.feeds", ok, failing)
                : ui.messages().get("status.feedsUnknown", ok, failing, unknown);
        feeds.setText(feedsText);
        feeds.getParent().layout(true);
    }

    /** The time of the last bars the store announced. */
    void lastUpdate(String when) {
        updateText = ui.messages().get("status.lastUpdate", when);
        update.setText(updateText);
        update.getParent().layout(true);
    }

    void message(String text) {
        if (message != null && !message.isDisposed()) {
            // A message naming "S&P" must not lose its '&' to SWT's mnemonics.
            message.setText(text == null ? "" : text.replace('\n', ' ').replace("&", "&&"));
            message.setToolTipText(text);
        }
    }

    String statusMessage() {
        return message.getText().replace("&&", "&");
    }

    private static Menu cascade(Menu bar, String text) {
        MenuItem item = new MenuItem(bar, SWT.CASCADE);
        item.setText(text);
        Menu menu = new Menu(bar.getShell(), SWT.DROP_DOWN);
        item.setMenu(menu);
        return menu;
    }

    private static void item(Menu menu, String text, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, e -> action.run());
    }

    private void showView() {
        ShowViewDialog.open(ui).ifPresent(viewId -> ui.showView(viewId, Map.of()));
    }

    private void exportPng() {
        Messages m = ui.messages();
        String active = ui.activeInstance();
        ViewHost host = active == null ? null : ui.hosts().get(active);
        if (host == null || host.holder().isDisposed()) {
            info(m.get("export.none"));
            return;
        }
        FileDialog fd = new FileDialog(shell, SWT.SAVE);
        fd.setText(m.get("export.title"));
        fd.setFilterExtensions(new String[] {"*.png"});
        fd.setFileName(host.viewId().substring(host.viewId().lastIndexOf('.') + 1) + ".png");
        fd.setOverwrite(true);
        String target = fd.open();
        if (target != null) {
            ui.screenshot(host.holder(), Path.of(target));
            message(m.get("status.exported", target));
        }
    }

    private void preferences() {
        Messages m = ui.messages();
        Registry.Entry settings = ui.registry().get("io.tideline.views.settings");
        if (settings == null) {
            info(m.get("prefs.missing"));
            return;
        }
        Shell dialog = new Shell(shell, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.APPLICATION_MODAL);
        dialog.setText(m.get("prefs.title"));
        dialog.setLayout(new org.eclipse.swt.layout.FillLayout());
        ViewHost host = new ViewHost(dialog, "preferences", settings.spec().id(), ui);
        host.show(settings.factory(), m.get("prefs.title"));
        dialog.setSize(820, 560);
        dialog.open();
    }

    private void newPerspective() {
        Messages m = ui.messages();
        Dialogs.ask(shell, m, m.get("menu.perspective.new"), m.get("perspective.newName"), m.get("perspective.user"))
                .ifPresent(name -> {
                    Perspective p = new Perspective("perspective-"
                            + java.util.UUID.randomUUID().toString().substring(0, 8), name,
                            new Stack("stack-" + java.util.UUID.randomUUID().toString().substring(0, 8), List.of(), 0),
                            List.of(), null);
                    Layout l = ui.layout().with(p).activate(p.id());
                    ui.replace(l);
                });
    }

    private void rename() {
        Messages m = ui.messages();
        Perspective p = ui.perspective();
        Dialogs.ask(shell, m, m.get("menu.perspective.rename"), m.get("perspective.renameTo"), name(p))
                .ifPresent(n -> ui.replace(ui.layout().with(p.rename(n))));
    }

    private void duplicate() {
        Messages m = ui.messages();
        Perspective p = ui.perspective();
        Dialogs.ask(shell, m, m.get("menu.perspective.duplicate"), m.get("perspective.duplicateName"),
                m.get("perspective.copyOf", name(p))).ifPresent(n -> {
                    Perspective copy = p.duplicate(n);
                    ui.replace(ui.layout().with(copy).activate(copy.id()));
                });
    }

    private void reset() {
        Messages m = ui.messages();
        Perspective p = ui.perspective();
        if (!confirm(m.get("perspective.confirmReset", name(p)))) {
            return;
        }
        Perspective shipped = LayoutFile.defaults().find(p.id()).orElse(null);
        if (shipped == null) {
            // A perspective of the user's own resets to one empty stack.
            shipped = new Perspective(p.id(), p.name(), new Stack("stack-" + p.id(), List.of(), 0), List.of(), null);
        }
        ui.replace(ui.layout().with(shipped));
    }

    private void delete() {
        Messages m = ui.messages();
        Perspective p = ui.perspective();
        if (ui.layout().perspectives().size() == 1) {
            info(m.get("perspective.lastOne"));
            return;
        }
        if (confirm(m.get("perspective.confirmDelete", name(p)))) {
            ui.replace(ui.layout().without(p.id()));
        }
    }

    private void about() {
        String version = String.valueOf(org.osgi.framework.FrameworkUtil.getBundle(Chrome.class) == null ? "dev"
                : org.osgi.framework.FrameworkUtil.getBundle(Chrome.class).getVersion());
        info(ui.messages().get("about.text", version, ui.dataDir()));
    }

    private boolean confirm(String text) {
        MessageBox box = new MessageBox(shell, SWT.ICON_QUESTION | SWT.OK | SWT.CANCEL);
        box.setText(ui.messages().get("app.title"));
        box.setMessage(text);
        return box.open() == SWT.OK;
    }

    private void info(String text) {
        MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
        box.setText(ui.messages().get("app.title"));
        box.setMessage(text);
        box.open();
    }
}
