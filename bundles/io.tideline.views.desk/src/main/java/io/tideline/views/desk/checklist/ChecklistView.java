package io.tideline.views.desk.checklist;

import io.tideline.api.desk.Desk;
import io.tideline.api.series.SeriesId;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.views.desk.ColorScale;
import io.tideline.views.desk.Swt;
import io.tideline.views.desk.Trace;
import io.tideline.views.desk.ViewBase;
import io.tideline.views.desk.report.ReportExport;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The checklist: the regime, tier, action and exposure on top; the steps as traffic lights with
 * their one-line summaries, each expanding to its evidence (value, threshold, rule, and the
 * series behind the role); a date picker for any past day; a strip of the last year's regimes,
 * one band per day (click a band to open that day); and "Export report…".
 */
public final class ChecklistView extends ViewBase {

    static final int TIMELINE_DAYS = Desk.TIMELINE_DAYS;
    /** Preferred widths of step, summary, value, threshold, rule and source. */
    private Button latest;
    private static final int[] WIDTHS = {220, 300, 80, 80, 300, 260};
    private static final int MIN_SUMMARY = 200;

    private final Label regime;
    private final Label facts;
    private final Label drivers;
    private final DateTime date;
    /** The steps, the detail line and the regime strip: built in the constructor's second task. */
    private Tree tree;
    private Label detail;
    private RegimeTimeline timeline;
    private final Map<Status, Image> lights = new EnumMap<>(Status.class);
    private Verdict verdict;
    private Map<String, SeriesId> roles = Map.of();
    private LocalDate chosen;
    private LocalDate dateShown;

    /** Builds the view in {@code parent} and loads the latest verdict. */
    public ChecklistView(Composite parent, ViewContext context, Desk data) {
        super(parent, context, data, "checklist");
        root.setLayout(new GridLayout(1, false));
        for (Status s : Status.values()) {
            lights.put(s, Swt.dot(root, ColorScale.status(s), 14));
        }

        Composite head = new Composite(root, SWT.NONE);
        head.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        head.setLayout(new GridLayout(1, false));
        regime = new Label(head, SWT.NONE);
        regime.setFont(Swt.derivedFont(regime, 6, SWT.BOLD));
        regime.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        regime.setText(msg.get("checklist.loading"));
        facts = new Label(head, SWT.WRAP);
        facts.setFont(Swt.derivedFont(facts, 2, SWT.BOLD));
        facts.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        drivers = new Label(head, SWT.WRAP);
        drivers.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        // Wraps onto a second line where the date picker and buttons do not fit side by side
        // (a narrow pane, or German words).
        RowLayout rows = new RowLayout(SWT.HORIZONTAL);
        rows.wrap = true;
        rows.center = true;
        rows.marginLeft = 0;
        rows.marginRight = 0;
        bar.setLayout(rows);
        new Label(bar, SWT.NONE).setText(msg.get("checklist.asOf"));
        date = new DateTime(bar, SWT.DATE | SWT.DROP_DOWN | SWT.MEDIUM);
        date.addListener(SWT.Selection, e -> {
            // GTK reports programmatic setDate calls as selections too, later: only a day other
            // than the one we set is the user's pick.
            LocalDate picked = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
            if (!picked.equals(dateShown)) {
                choose(picked);
            }
        });
        latest = new Button(bar, SWT.PUSH);
        latest.setText(msg.get("checklist.latest"));
        latest.addListener(SWT.Selection, e -> choose(null));
        Button export = new Button(bar, SWT.PUSH);
        export.setText(msg.get("report.export"));
        export.addListener(SWT.Selection, e -> report().ask(verdict, setting("portfolio", null)));
        // The rest in a task of its own: built in one, the view held the UI thread for 50 ms of
        // CPU (100-150 ms by the clock at start, with the other bundles starting). The verdict is
        // asked for after it, so its answer finds the steps tree there.
        background.later(this::buildSteps);
    }

    /** The status line, the steps, the selected row's line and the regime strip; then the first load. */
    private void buildSteps() {
        collapsingStatusLabel(root);

        tree = new Tree(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[] columns = {"checklist.col.step", "checklist.col.summary", "checklist.col.value",
            "checklist.col.threshold", "checklist.col.rule", "checklist.col.source"};
        for (int i = 0; i < columns.length; i++) {
            TreeColumn c = new TreeColumn(tree, i == 2 || i == 3 ? SWT.RIGHT : SWT.LEFT);
            c.setText(msg.get(columns[i]));
            c.setWidth(WIDTHS[i]);
        }
        tree.addListener(SWT.Resize, e -> fitColumns());
        Swt.cellTips(tree);
        tree.addListener(SWT.Selection, e -> showDetail(e.item instanceof TreeItem item ? item : null));

        // The selected row's text in full, wrapped: cells cut by a narrow view stay readable.
        detail = new Label(root, SWT.WRAP);
        detail.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        detail.setText(msg.get("checklist.detail.hint"));

        Label strip = new Label(root, SWT.NONE);
        strip.setText(msg.format("checklist.timeline", TIMELINE_DAYS));
        timeline = new RegimeTimeline(root, msg, this::choose);
        GridData tl = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
        tl.heightHint = RegimeTimeline.HEIGHT;
        timeline.control().setLayoutData(tl);
        root.layout(true, true);
        refresh();
    }

    /** The verdict shown, or {@code null} while loading; for tests. */
    public Verdict verdict() {
        return verdict;
    }

    /** The steps tree; for tests. */
    public Tree tree() {
        return tree;
    }

    /** The line under the tree with the selected row's full text; for tests. */
    public Label detail() {
        return detail;
    }

    /** The regime strip; for tests. */
    public RegimeTimeline timeline() {
        return timeline;
    }

    /** The report export of this view: writes in the background, tells the status bar. */
    public ReportExport report() {
        return new ReportExport(root, msg, data, background, context::status, this::showError);
    }

    /** Shows the verdict of {@code day} (the latest when {@code null}). */
    public void choose(LocalDate day) {
        chosen = day;
        if (day != null) {
            setDate(day);
        }
        loadVerdict(false);
    }

    @Override
    protected void refresh() {
        loadVerdict(true);
    }

    private void loadVerdict(boolean withTimeline) {
        LocalDate day = chosen;
        background.run("verdict", () -> {
            Map<String, SeriesId> r = data.roles();
            return new Loaded(data.verdict(day), r, data.pinned().orElse(null));
        }, loaded -> {
            showError(null);
            showDefaultDay(loaded.pinned());
            show(loaded.verdict(), loaded.roles());
            if (withTimeline) {
                loadTimeline(loaded.verdict().day());
            }
        }, this::showError);
    }

    private void loadTimeline(LocalDate end) {
        LocalDate from = end.minusDays(TIMELINE_DAYS - 1L);
        background.run("replay", () -> data.replay(from, end), timeline::show, this::showError);
    }

    private record Loaded(Verdict verdict, Map<String, SeriesId> roles, WorkspaceDate.Pinned pinned) {
    }

    /**
     * The button that goes back to the view's default day says which day that is: the newest
     * ("Latest") or, while the workspace is pinned, the pinned day, so it never says Latest while
     * it shows an older day.
     */
    private void showDefaultDay(WorkspaceDate.Pinned pinned) {
        String text = pinned == null ? msg.get("checklist.latest") : msg.format("checklist.pinnedDay", pinned.day());
        latest.setToolTipText(pinned == null ? msg.get("checklist.latest.tip")
                : msg.format("checklist.pinnedDay.tip", pinned.day(), pinned.reason()));
        if (!text.equals(latest.getText())) {
            latest.setText(Swt.literal(text));
            latest.getParent().layout(true, true);
        }
    }

    /** The button back to the default day; for tests. */
    public Button defaultDayButton() {
        return latest;
    }

    /**
     * Shows a verdict in two tasks of the UI thread, so the window answers between them: the
     * words and the steps; then one layout of the view. The verdict counts as shown
     * ({@link #verdict()}) after the second.
     */
    private void show(Verdict v, Map<String, SeriesId> bindings) {
        roles = bindings;
        LocalDate day = v.day();
        if (chosen == null) {
            setDate(day);
        }
        timeline.mark(v.asOf());
        regime.setText(Swt.literal(msg.format("checklist.regime", Words.regime(msg, v.regime()), v.asOf())));
        regime.setForeground(Swt.color(ColorScale.regime(v.regime())));
        String exposure = v.exposure() == null ? msg.get("checklist.na")
                : String.format(msg.locale(), "%.2f\u00d7", v.exposure());
        facts.setText(msg.format("checklist.facts", v.tier(), Words.action(msg, v.action()), exposure,
                v.riskOff() ? msg.get("checklist.riskOff.yes") : msg.get("checklist.riskOff.no")));
        String text = msg.format("checklist.drivers", v.drivers().isEmpty() ? "\u2014" : String.join(", ", v.drivers()));
        if (v.coverage() < 1) {
            text = text + "   " + msg.format("checklist.coverage", Math.round(v.coverage() * 100));
        }
        if (!v.missing().isEmpty()) {
            text = text + "   " + msg.format("checklist.missing", String.join(", ", v.missing()));
        }
        if (!v.stale().isEmpty()) {
            text = text + "   " + msg.format("checklist.stale", String.join(", ", v.stale()));
        }
        drivers.setText(Swt.literal(text));
        fillTree(v);
        background.later(() -> {
            verdict = v;
            showDetail(null);
        });
    }

    private void setDate(LocalDate day) {
        dateShown = day;
        date.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
    }

    private void fillTree(Verdict v) {
        tree.setRedraw(false);
        tree.removeAll();
        for (Step s : v.steps()) {
            TreeItem item = new TreeItem(tree, SWT.NONE);
            item.setImage(0, lights.get(s.status()));
            item.setText(0, Words.step(msg, s.id()) + "  " + Words.status(msg, s.status()));
            item.setText(1, s.summary());
            for (Evidence e : s.evidence()) {
                TreeItem child = new TreeItem(item, SWT.NONE);
                child.setText(0, e.role());
                child.setText(1, e.indicator());
                child.setText(2, e.value() == null ? msg.get("checklist.na") : number(e.value()));
                child.setText(3, e.threshold() == null ? "" : number(e.threshold()));
                child.setText(4, e.rule());
                child.setText(5, Trace.roles(e.role(), roles) + " @ " + v.asOf());
            }
        }
        tree.setRedraw(true);
        fitColumns();
    }

    /**
     * Fits the columns to the visible width: the step column to its text (at most half the width,
     * and leaving the summary {@value #MIN_SUMMARY} px), and the summary to what is left. Where even that leaves the summary under
     * {@value #MIN_SUMMARY} px, the evidence columns (value, threshold, rule, source) go to the
     * right of the visible area, reached by scrolling, so the summary of each step stays whole.
     */
    private void fitColumns() {
        int client = tree.getClientArea().width;
        if (client <= 0) {
            return;
        }
        TreeColumn step = tree.getColumn(0);
        step.pack();
        step.setWidth(Math.max(120, Math.min(step.getWidth() + 8, Math.min(client / 2, client - MIN_SUMMARY))));
        int evidence = WIDTHS[2] + WIDTHS[3] + WIDTHS[4] + WIDTHS[5];
        int left = client - step.getWidth() - evidence;
        tree.getColumn(1).setWidth(left >= MIN_SUMMARY ? left : Math.max(MIN_SUMMARY, client - step.getWidth()));
    }

    private void showDetail(TreeItem item) {
        if (item == null || item.isDisposed()) {
            detail.setText(msg.get("checklist.detail.hint"));
        } else if (item.getParentItem() == null) {
            detail.setText(Swt.literal(item.getText(0) + ": " + item.getText(1)));
        } else {
            detail.setText(Swt.literal(msg.format("checklist.detail.evidence", item.getText(0), item.getText(1),
                    item.getText(2), item.getText(3), item.getText(4), item.getText(5))));
        }
        root.layout(true, true);
    }

    private String number(double v) {
        return String.format(msg.locale(), Math.abs(v) >= 100 ? "%.1f" : "%.3g", v);
    }
}
