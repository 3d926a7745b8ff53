package io.tideline.views.desk.feeds;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.ui.ViewContext;
import io.tideline.views.desk.Alert;
import io.tideline.views.desk.ColorScale;
import io.tideline.views.desk.DeskData;
import io.tideline.views.desk.FeedStatus;
import io.tideline.views.desk.Swt;
import io.tideline.views.desk.Trace;
import io.tideline.views.desk.ViewBase;
import io.tideline.regime.api.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolTip;
import org.eclipse.swt.widgets.Tray;
import org.eclipse.swt.widgets.TrayItem;

/**
 * Feeds and alerts: the health of every running feed connector (state, series offered, last
 * successful update, last error), refreshed every few seconds and when connectors come or go;
 * the alert log (regime changes and threshold crossings); and, when the {@code notify} setting
 * is on (the default), a notice for each new alert: a balloon from a tray icon where the desktop
 * has a system tray, and a banner at the top of the view.
 */
public final class FeedsView extends ViewBase {

    static final int POLL_MILLIS = 10_000;

    private final Table feeds;
    private final Table alerts;
    private final Composite banner;
    private final Label bannerText;
    private final Button notifyBox;
    private final Map<FeedHealth.State, Image> lights = new EnumMap<>(FeedHealth.State.class);
    private final Runnable poll = this::pollNow;
    private TrayItem trayItem;
    private ToolTip lastTip;

    /** Builds the view in {@code parent} and starts polling. */
    public FeedsView(Composite parent, ViewContext context, DeskData data) {
        super(parent, context, data, "feeds");
        root.setLayout(new GridLayout(1, false));
        lights.put(FeedHealth.State.UP, Swt.dot(root, ColorScale.status(Status.GREEN), 14));
        lights.put(FeedHealth.State.DEGRADED, Swt.dot(root, ColorScale.status(Status.AMBER), 14));
        lights.put(FeedHealth.State.DOWN, Swt.dot(root, ColorScale.status(Status.RED), 14));
        lights.put(FeedHealth.State.UNKNOWN, Swt.dot(root, ColorScale.status(Status.UNKNOWN), 14));

        banner = new Composite(root, SWT.BORDER);
        banner.setBackground(Swt.color(0xFFF4C2));
        banner.setLayout(new GridLayout(2, false));
        GridData bannerData = new GridData(SWT.FILL, SWT.TOP, true, false);
        bannerData.exclude = true;
        banner.setLayoutData(bannerData);
        banner.setVisible(false);
        bannerText = new Label(banner, SWT.WRAP);
        bannerText.setBackground(banner.getBackground());
        bannerText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button dismiss = new Button(banner, SWT.PUSH);
        dismiss.setText(msg.get("feeds.dismiss"));
        dismiss.addListener(SWT.Selection, e -> showBanner(null));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(3, false));
        Label title = new Label(bar, SWT.NONE);
        title.setText(msg.get("feeds.title"));
        title.setFont(Swt.derivedFont(title, 1, SWT.BOLD));
        notifyBox = new Button(bar, SWT.CHECK);
        notifyBox.setText(msg.get("feeds.notify"));
        notifyBox.setSelection(Boolean.parseBoolean(setting("notify", "true")));
        notifyBox.addListener(SWT.Selection, e -> saveSetting("notify", Boolean.toString(notifyBox.getSelection())));
        statusLabel(bar);

        feeds = table(new String[] {"feeds.col.source", "feeds.col.state", "feeds.col.offered", "feeds.col.last",
            "feeds.col.error"}, new int[] {140, 110, 70, 190, 420});
        feeds.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Label alertsTitle = new Label(root, SWT.NONE);
        alertsTitle.setText(msg.get("feeds.alerts"));
        alertsTitle.setFont(title.getFont());
        alerts = table(new String[] {"feeds.col.time", "feeds.col.kind", "feeds.col.message", "feeds.col.source"},
                new int[] {170, 110, 480, 320});
        alerts.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        root.addDisposeListener(e -> {
            root.getDisplay().timerExec(-1, poll);
            if (trayItem != null && !trayItem.isDisposed()) {
                trayItem.dispose();
            }
        });
        background.run("alerts", data::alerts, this::fillAlerts, this::showError);
        pollNow();
    }

    private Table table(String[] keys, int[] widths) {
        Table t = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (int i = 0; i < keys.length; i++) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText(Swt.literal(msg.get(keys[i])));
            c.setWidth(widths[i]);
        }
        return t;
    }

    /** The feeds table; for tests. */
    public Table feedsTable() {
        return feeds;
    }

    /** The alert log table; for tests. */
    public Table alertsTable() {
        return alerts;
    }

    /** The banner's text while shown, else {@code null}; for tests. */
    public String bannerText() {
        return banner.getVisible() ? bannerText.getText() : null;
    }

    @Override
    protected void refresh() {
        pollNow();
    }

    @Override
    protected void feedsChanged() {
        pollNow();
    }

    private void pollNow() {
        if (root.isDisposed()) {
            return;
        }
        root.getDisplay().timerExec(-1, poll);
        // The next poll is armed only when this one is back, so a hanging connector cannot pile up polls.
        background.run("feeds", data::feeds, list -> {
            fillFeeds(list);
            root.getDisplay().timerExec(POLL_MILLIS, poll);
        }, e -> {
            showError(e);
            root.getDisplay().timerExec(POLL_MILLIS, poll);
        });
    }

    private void fillFeeds(List<FeedStatus> list) {
        feeds.setRedraw(false);
        feeds.removeAll();
        for (FeedStatus f : list) {
            TableItem item = new TableItem(feeds, SWT.NONE);
            item.setText(0, f.source());
            item.setImage(1, lights.get(f.health().state()));
            item.setText(1, msg.get("feeds.state." + f.health().state().name()));
            item.setText(2, Integer.toString(f.offered()));
            item.setText(3, Trace.time(f.health().lastSuccessMillis()));
            item.setText(4, f.health().lastError() == null ? "" : f.health().lastError());
        }
        if (list.isEmpty()) {
            new TableItem(feeds, SWT.NONE).setText(0, msg.get("feeds.none"));
        }
        feeds.setRedraw(true);
    }

    private void fillAlerts(List<Alert> list) {
        alerts.removeAll();
        for (Alert a : list) {
            addAlert(a);
        }
    }

    private void addAlert(Alert a) {
        TableItem item = new TableItem(alerts, SWT.NONE, 0);
        item.setText(0, Trace.time(a.timeMillis()));
        item.setText(1, AlertText.kind(msg, a));
        item.setText(2, AlertText.message(msg, a));
        item.setText(3, a.source() == null ? "" : a.source());
        item.setForeground(1, Swt.color(a.kind() == Alert.Kind.REGIME ? ColorScale.RED : ColorScale.BLUE));
    }

    @Override
    protected void alertLogged(Alert alert) {
        addAlert(alert);
        if (notifyBox.getSelection()) {
            notifyDesktop(AlertText.message(msg, alert));
        }
    }

    private void notifyDesktop(String text) {
        showBanner(text);
        Tray tray = root.getDisplay().getSystemTray();
        if (tray == null) {
            return;
        }
        if (trayItem == null || trayItem.isDisposed()) {
            trayItem = new TrayItem(tray, SWT.NONE);
            trayItem.setImage(lights.get(FeedHealth.State.DEGRADED));
            trayItem.setToolTipText("Tideline");
        }
        if (lastTip != null && !lastTip.isDisposed()) {
            lastTip.dispose();
        }
        ToolTip tip = new ToolTip(root.getShell(), SWT.BALLOON | SWT.ICON_WARNING);
        lastTip = tip;
        tip.setText(msg.get("feeds.notice"));
        tip.setMessage(text);
        tip.setAutoHide(true);
        trayItem.setToolTip(tip);
        tip.setVisible(true);
    }

    private void showBanner(String text) {
        boolean show = text != null;
        bannerText.setText(show ? Swt.literal(text) : "");
        ((GridData) banner.getLayoutData()).exclude = !show;
        banner.setVisible(show);
        root.layout(true, true);
    }
}
