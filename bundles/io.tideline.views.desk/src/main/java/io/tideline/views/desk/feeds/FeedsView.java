package io.tideline.views.desk.feeds;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertKind;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.desk.Desk;
import io.tideline.api.desk.FeedStatus;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.ui.ViewContext;
import io.tideline.regime.api.Status;
import io.tideline.views.desk.ColorScale;
import io.tideline.views.desk.Swt;
import io.tideline.views.desk.Trace;
import io.tideline.views.desk.ViewBase;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Feeds and alerts: the health of every running feed connector (state, series offered, last
 * successful update, last error), refreshed every few seconds and when connectors come or go;
 * the alerts the alerts bundle fired (newest first, each worded from its fields, with where it
 * was delivered), the two sharing the view's height through a sash; and, when the {@code notify}
 * setting is on (off by default), a notice for each new alert: a yellow banner in the alert
 * log's title row (dismissed with its ✕) and a line in the workbench's status bar. The view
 * computes no alert: without the alerts bundle its list says that alerts are off.
 *
 * <p>There is deliberately no tray balloon: SWT on GTK hands out a system tray even where no
 * tray host runs (Xvfb, GNOME since 3.26), and the balloon then pops up at the screen's top-left
 * corner over the application's menu. The view cannot tell the two cases apart.
 */
public final class FeedsView extends ViewBase {

    static final int POLL_MILLIS = 10_000;

    private final Table feeds;
    /** The feeds' title; in team mode it says whose record the table shows and how old it is. */
    private final Label title;
    private final Table alerts;
    private final Composite banner;
    private final Label bannerText;
    private final Button notifyBox;
    private final Map<FeedHealth.State, Image> lights = new EnumMap<>(FeedHealth.State.class);
    private final Runnable poll = this::pollNow;
    private final SashForm sash;

    /** Builds the view in {@code parent} and starts polling. */
    public FeedsView(Composite parent, ViewContext context, Desk data) {
        super(parent, context, data, "feeds");
        GridLayout rl = new GridLayout(1, false);
        rl.marginHeight = 3;
        rl.verticalSpacing = 3;
        root.setLayout(rl);
        lights.put(FeedHealth.State.UP, Swt.dot(root, ColorScale.status(Status.GREEN), 14));
        lights.put(FeedHealth.State.DEGRADED, Swt.dot(root, ColorScale.status(Status.AMBER), 14));
        lights.put(FeedHealth.State.DOWN, Swt.dot(root, ColorScale.status(Status.RED), 14));
        lights.put(FeedHealth.State.UNKNOWN, Swt.dot(root, ColorScale.status(Status.UNKNOWN), 14));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout bl = new GridLayout(3, false);
        bl.marginWidth = 0;
        bl.marginHeight = 0;
        bar.setLayout(bl);
        title = new Label(bar, SWT.NONE);
        title.setText(msg.get("feeds.title"));
        title.setFont(Swt.derivedFont(title, 0, SWT.BOLD));
        notifyBox = new Button(bar, SWT.CHECK);
        notifyBox.setText(msg.get("feeds.notify"));
        notifyBox.setToolTipText(msg.get("feeds.notify.tip"));
        // Off unless the user asks: a notice nobody asked for is noise over other work.
        notifyBox.setSelection(Boolean.parseBoolean(setting("notify", "false")));
        notifyBox.addListener(SWT.Selection, e -> saveSetting("notify", Boolean.toString(notifyBox.getSelection())));
        statusLabel(bar);

        sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite top = pane(sash);
        feeds = table(top, new String[] {"feeds.col.source", "feeds.col.state", "feeds.col.offered", "feeds.col.last",
            "feeds.col.error", "feeds.col.next"}, new int[] {80, 125, 55, 170, 200, 150});
        // Shown as feed, state, last error, series, last update: the error is what a narrow
        // pane must still show; it gets whatever width the other columns leave.
        feeds.setColumnOrder(new int[] {0, 1, 4, 2, 3, 5});
        Swt.fitColumns(feeds, 4, 160);

        Composite bottom = pane(sash);
        // The newest alert's banner sits in the alert log's title row, so announcing it takes
        // no height from the tables in a short pane.
        Composite alertsBar = new Composite(bottom, SWT.NONE);
        alertsBar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout al = new GridLayout(2, false);
        al.marginWidth = 0;
        al.marginHeight = 0;
        alertsBar.setLayout(al);
        Label alertsTitle = new Label(alertsBar, SWT.NONE);
        alertsTitle.setText(msg.get("feeds.alerts"));
        alertsTitle.setFont(title.getFont());
        banner = new Composite(alertsBar, SWT.NONE);
        banner.setBackground(Swt.color(0xFFF4C2));
        GridLayout bannerLayout = new GridLayout(2, false);
        bannerLayout.marginHeight = 1;
        bannerLayout.marginWidth = 4;
        banner.setLayout(bannerLayout);
        GridData bannerData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        bannerData.exclude = true;
        banner.setLayoutData(bannerData);
        banner.setVisible(false);
        bannerText = new Label(banner, SWT.NONE);
        bannerText.setBackground(banner.getBackground());
        GridData textData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        textData.widthHint = 100;
        bannerText.setLayoutData(textData);
        Label dismiss = new Label(banner, SWT.NONE);
        dismiss.setText("\u2715");
        dismiss.setBackground(banner.getBackground());
        dismiss.setToolTipText(msg.get("feeds.dismiss"));
        dismiss.setCursor(root.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
        dismiss.addListener(SWT.MouseUp, e -> showBanner(null));
        alerts = table(bottom, new String[] {"feeds.col.time", "feeds.col.kind", "feeds.col.message",
            "feeds.col.delivery"}, new int[] {175, 90, 300, 140});
        // Half each: both show their header and a few rows in a short pane; the sash moves.
        sash.setWeights(1, 1);

        root.addDisposeListener(e -> root.getDisplay().timerExec(-1, poll));
        // The first poll loads the alerts too.
        pollNow();
    }

    private static Composite pane(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout l = new GridLayout(1, false);
        l.marginWidth = 0;
        l.marginHeight = 0;
        l.verticalSpacing = 2;
        c.setLayout(l);
        return c;
    }

    private Table table(Composite parent, String[] keys, int[] widths) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Swt.cellTips(t);
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

    /** The feeds' title, which says whose record the table shows; for tests. */
    public String feedsTitle() {
        return title.getText();
    }

    /** The alert log table; for tests. */
    public Table alertsTable() {
        return alerts;
    }

    /** The sash holding the feeds (top) and the alert log (bottom); for tests. */
    public SashForm sash() {
        return sash;
    }

    /** Whether new alerts are announced (the {@code notify} setting); for tests. */
    public boolean notifying() {
        return notifyBox.getSelection();
    }

    /** Turns announcing new alerts on or off, as the check box does, and saves it; for tests. */
    public void setNotifying(boolean on) {
        notifyBox.setSelection(on);
        notifyBox.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
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
        refreshDeliveries();
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
            String error = f.health().lastError() == null ? "" : f.health().lastError();
            if (!f.staleSeries().isEmpty()) {
                String stale = msg.format("feeds.stale", String.join(", ", f.staleSeries()));
                error = error.isEmpty() ? stale : error + "; " + stale;
            }
            item.setText(4, error);
            item.setText(5, f.nextRunMillis() == 0 ? msg.get("feeds.next.none") : Trace.time(f.nextRunMillis()));
        }
        showWhose(list);
        if (list.isEmpty()) {
            new TableItem(feeds, SWT.NONE).setText(0, msg.get("feeds.none"));
        }
        Swt.fitColumns(feeds, 4, 160);
        feeds.setRedraw(true);
    }

    /**
     * The title says whose health the table shows: in team mode the collector's record, with
     * when it was recorded and how old it is, so a stale record (a collector that stopped) shows.
     */
    private void showWhose(List<FeedStatus> list) {
        FeedStatus newest = null;
        for (FeedStatus f : list) {
            if (f.byCollector() && (newest == null || f.recordedMillis() > newest.recordedMillis())) {
                newest = f;
            }
        }
        String text = newest == null ? msg.get("feeds.title") : msg.format("feeds.title.collector", newest.collector(),
                Trace.time(newest.recordedMillis()), ago(System.currentTimeMillis() - newest.recordedMillis()));
        if (!text.equals(title.getText())) {
            title.setText(text);
            title.getParent().layout(true);
        }
    }

    /** An age in minutes below an hour (a record is rewritten after every feed run), else as views say ages. */
    private String ago(long millis) {
        long minutes = Math.max(0, millis) / 60_000;
        return minutes < 60 ? msg.format("feeds.age.min", minutes) : msg.age(millis);
    }

    private void loadAlerts() {
        background.run("alerts", data::alerts, this::fillAlerts, this::showError);
    }

    @Override
    protected void alertsChanged() {
        loadAlerts();
    }

    /** The alerts, newest on top; one line saying so when there are none or alerts are off. */
    private void fillAlerts(Optional<List<TrackedAlert>> list) {
        alerts.setRedraw(false);
        alerts.removeAll();
        if (list.isEmpty() || list.get().isEmpty()) {
            TableItem item = new TableItem(alerts, SWT.NONE);
            item.setText(2, msg.get(list.isEmpty() ? "feeds.alerts.off" : "feeds.alerts.none"));
            item.setForeground(2, root.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        } else {
            for (TrackedAlert t : list.get()) {
                fillAlert(new TableItem(alerts, SWT.NONE), t);
            }
        }
        Swt.fitColumns(alerts, 2, 160);
        alerts.setRedraw(true);
    }

    /**
     * Updates the delivery cells as the channels report, on each poll; refills the list when it
     * no longer shows the service's alerts (one fired while the view was being built, alerts
     * switched on or off). The same key as the full load, so the newer of the two wins.
     */
    private void refreshDeliveries() {
        background.run("alerts", data::alerts, list -> {
            TableItem[] items = alerts.getItems();
            if (list.isEmpty() || list.get().size() != items.length) {
                fillAlerts(list);
                return;
            }
            Map<Object, TrackedAlert> byId = new HashMap<>();
            list.get().forEach(t -> byId.put(t.alert().id(), t));
            for (TableItem item : items) {
                if (!byId.containsKey(item.getData())) {
                    fillAlerts(list);
                    return;
                }
            }
            for (TableItem item : items) {
                delivery(item, byId.get(item.getData()));
            }
        }, this::showError);
    }

    private void fillAlert(TableItem item, TrackedAlert t) {
        Alert a = t.alert();
        item.setData(a.id());
        item.setText(0, Trace.time(a.timeMillis()));
        item.setText(1, AlertText.kind(msg, a));
        String message = AlertText.message(msg, a);
        item.setText(2, message);
        // Where the reading comes from (roles, series, the checklist's rule) is read on hover,
        // so the message keeps the width.
        Swt.cellTip(item, 2, a.source().isEmpty() ? message
                : message + "\n" + msg.format("feeds.alert.source", a.source()));
        delivery(item, t);
        item.setForeground(1, Swt.color(a.kind() == AlertKind.REGIME_CHANGE || a.kind() == AlertKind.TIER_CHANGE
                ? ColorScale.RED : ColorScale.BLUE));
    }

    /** The short delivery cell, with each channel's state in full on hover. */
    private void delivery(TableItem item, TrackedAlert t) {
        item.setText(3, AlertText.delivery(msg, t));
        Swt.cellTip(item, 3, AlertText.deliveryDetail(t));
    }

    @Override
    protected void alertFired(TrackedAlert alert) {
        if (alerts.getItemCount() == 1 && alerts.getItem(0).getData() == null) {
            // The "no alerts yet" line gives way to the first alert.
            alerts.removeAll();
        }
        fillAlert(new TableItem(alerts, SWT.NONE, 0), alert);
        Swt.fitColumns(alerts, 2, 160);
        // The newest row is on top: scroll there, or a short log shows an older one.
        alerts.setTopIndex(0);
        if (notifyBox.getSelection()) {
            notifyDesktop(AlertText.message(msg, alert.alert()));
        }
    }

    private void notifyDesktop(String text) {
        showBanner(text);
        context.status(msg.format("feeds.notice", text));
    }

    private void showBanner(String text) {
        boolean show = text != null;
        bannerText.setText(show ? Swt.literal(text) : "");
        // A cut banner still reads whole on hover.
        bannerText.setToolTipText(show ? text : null);
        ((GridData) banner.getLayoutData()).exclude = !show;
        banner.setVisible(show);
        root.layout(true, true);
    }
}
