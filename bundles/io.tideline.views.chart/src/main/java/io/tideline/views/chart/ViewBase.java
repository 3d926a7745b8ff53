package io.tideline.views.chart;

import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.views.chart.kit.PaneGroup;
import io.tideline.views.chart.kit.PaneSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * What the three chart views share: a toolbar with the date-range presets, a body of linked
 * panes, a status line for "no data" messages, background loading (stale results dropped),
 * refresh on store events, and the visible range saved with the layout.
 *
 * <p>Every load is as of the workspace's date ({@link AsOf}): pinned to a day, no bar after its end
 * is read (so the visible range and the presets end at that day), a label at the end of the
 * toolbar says "as of 2026-02-06 (the sample's date)", and staleness is measured from the end of
 * the day; unpinned, the newest data, ages from now, and no label. A change of the date reloads
 * (the listeners hear {@code "*"}) and shows the saved range again, now ending at the new day.
 *
 * <p>After every load the view describes its panes ({@link #build} fills {@link PaneSpec}s through
 * {@link #pane}); the group then updates the panes shown in place when the structure is the same
 * (new bars arrived: the charts, listeners, crosshair and range stay) or builds them again when it
 * differs (a setting changed, a series appeared or went away). See {@link #deliver}.
 *
 * @param <M> what one background load produces
 */
abstract class ViewBase<M> extends io.tideline.api.ui.kit.ViewBase<Messages> {

    static final String RANGE = "range";
    private static final int SETTLE_MILLIS = 600;

    final ChartData data;
    final Composite toolbar;
    private final Composite body;
    private final Label status;
    /** "Loading…" in the middle of the view until the first load with data services arrives. */
    private final Label loading;
    /** The clock staleness is measured against when no day is pinned (tests set a fixed one). */
    java.util.function.LongSupplier clock = System::currentTimeMillis;
    /** The segmented group of preset buttons (and, in the Chart view, the style toggles). */
    private ToolBar tools;
    private final List<ToolItem> presetItems = new java.util.ArrayList<>();
    /** The panes' group, for the view's lifetime (its panes are replaced when the structure changes). */
    final PaneGroup group = new PaneGroup();
    /** The panes {@link #build} describes, while it runs. */
    private List<PaneSpec> plan;
    /**
     * Whether a reload with the structure shown updates the panes in place; off only to measure the
     * rebuild (package-private for the benchmark).
     */
    boolean refreshInPlace = true;
    /** Loads delivered so far, and whether the last one updated the panes in place (for tests). */
    private int deliveries;
    private boolean lastInPlace;
    /** The series ids shown, as text: events for others are ignored. */
    final Set<String> watched = new HashSet<>();
    private final Consumer<String> listener;
    private int generation;
    private int rangeWrites;
    private boolean restoring;
    private boolean reloadPending;
    private boolean loaded;
    /** What the panes shown were loaded as of (the newest data before the first load). */
    private AsOf shownAsOf = AsOf.of(null, 0);
    /** "as of 2026-02-06 (the sample's date)" at the end of the toolbar; created when a day is first pinned. */
    private Label asOfLabel;
    private Label asOfBar;

    /**
     * What one load is seen as of.
     *
     * @param pinned the workspace's day and why, or {@code null} for the newest data
     * @param until the last instant read: the last millisecond of the pinned day, else no limit
     * @param instant the instant ages are measured from ({@link Freshness#asOf}): the end of the day, else now
     */
    record AsOf(WorkspaceDate.Pinned pinned, long until, long instant) {

        /** As of {@code pinned} (null: the newest data, with {@code now} for ages). */
        static AsOf of(WorkspaceDate.Pinned pinned, long now) {
            LocalDate day = pinned == null ? null : pinned.day();
            return new AsOf(pinned, day == null ? Long.MAX_VALUE : Freshness.endOfDay(day) - 1, Freshness.asOf(day, now));
        }

        /** The pinned day, or {@code null}. */
        LocalDate day() {
            return pinned == null ? null : pinned.day();
        }
    }

    /** One load and what it is as of. */
    private record Delivery<M>(M model, AsOf asOf) {
    }

    /** The kit's base with its background on the data service's executor (results reach only a live view). */
    ViewBase(Composite parent, ViewContext context, ChartData data) {
        super(parent, context, new Messages(context.locale()), data.executor());
        this.data = data;
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 2;
        root.setLayout(layout);
        toolbar = new Composite(root, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.center = true;
        row.marginHeight = 2;
        toolbar.setLayout(row);
        toolbar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        body = new Composite(root, SWT.NONE);
        GridLayout bodyLayout = new GridLayout(1, false);
        bodyLayout.marginWidth = 0;
        bodyLayout.marginHeight = 0;
        body.setLayout(bodyLayout);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        status = new Label(root, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        loading = new Label(body, SWT.CENTER);
        loading.setText(msg.get("loading"));
        // The workbench's start timing (--timing) does not count a view drawn while this shows.
        loading.setData("tideline.loading", Boolean.TRUE);
        loading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, true));
        Control host = group.host(body);
        GridData hostData = new GridData(SWT.FILL, SWT.FILL, true, true);
        hostData.exclude = true;
        host.setLayoutData(hostData);
        host.setVisible(false);
        group.wording(new io.tideline.views.chart.kit.Wording() {
            @Override
            public String noDataInRange(String first, String last) {
                return msg.get("range.nodata", first, last);
            }

            @Override
            public String dataCovers(String first, String last) {
                return first != null && last != null ? msg.get("range.partial", first, last)
                        : first != null ? msg.get("range.from", first) : msg.get("range.to", last);
            }
        });
        group.onRangeChange(this::rangeChanged);
        listener = what -> background.later(() -> {
            if ("*".equals(what) || watched.contains(what)) {
                scheduleReload();
            }
        });
        data.listen(listener);
        root.addDisposeListener(e -> data.unlisten(listener));
    }

    /** The panes' group (for tests). */
    PaneGroup group() {
        return group;
    }

    /** Whether the view still shows "Loading…" instead of its panes (for tests). */
    boolean showsLoading() {
        return loading.isVisible();
    }

    /** Shows "Loading…" or the panes in the body. */
    private void loadingShown(boolean on) {
        if (loading.isVisible() == on) {
            return;
        }
        Composite host = group.panes().isEmpty() ? null : group.panes().get(0).chart().getParent();
        for (Control c : body.getChildren()) {
            boolean show = c == loading ? on : !on;
            ((GridData) c.getLayoutData()).exclude = !show;
            c.setVisible(show);
        }
        body.layout(true, false);
        if (host != null) {
            host.layout(true, false);
        }
    }

    /** Whether a load was delivered (for tests). */
    boolean loaded() {
        return loaded;
    }

    /** How many loads were delivered (for tests). */
    int deliveries() {
        return deliveries;
    }

    /** Whether the last delivered load updated the panes in place rather than rebuilding them (for tests). */
    boolean lastInPlace() {
        return lastInPlace;
    }

    /** The status line's text (for tests). */
    String statusText() {
        return status.getText();
    }

    /** The toolbar's tool bar (one segmented group of small buttons), created on first use. */
    ToolBar tools() {
        if (tools == null) {
            tools = new ToolBar(toolbar, SWT.FLAT | SWT.RIGHT);
        }
        return tools;
    }

    /** Adds the 1M/3M/1Y/5Y/All buttons as one radio group; the current preset is pressed. */
    void addPresets() {
        ToolBar bar = tools();
        if (bar.getItemCount() > 0) {
            new ToolItem(bar, SWT.SEPARATOR);
        }
        for (PaneGroup.Preset p : PaneGroup.Preset.values()) {
            ToolItem b = new ToolItem(bar, SWT.RADIO);
            b.setText(p.label());
            b.setToolTipText(msg.get("presets.tip", p.label()));
            b.setData("preset", p);
            b.addListener(SWT.Selection, e -> {
                if (b.getSelection()) {
                    choosePreset(p);
                }
            });
            presetItems.add(b);
        }
    }

    /** Presses the preset's button, or none when the range is not a preset (after zoom or pan). */
    private void pressPreset(PaneGroup.Preset pressed) {
        for (ToolItem b : presetItems) {
            b.setSelection(b.getData("preset") == pressed);
        }
    }

    /** The toolbar's controls, for tests (e.g. to check they fit on one line). */
    Composite toolbar() {
        return toolbar;
    }

    void choosePreset(PaneGroup.Preset p) {
        pressPreset(p);
        restoring = true;
        try {
            group.preset(p);
        } finally {
            restoring = false;
        }
        rangeWrites++;
        saveSetting(RANGE, p.label());
    }

    /** Loads in the background, saying so in the status line; the newest load wins. */
    void reload() {
        reload(true);
    }

    /**
     * Loads in the background; the newest load wins.
     *
     * @param announce whether to say "Loading" in the status line meanwhile (not when new bars
     *        of what is shown arrived: during a backfill that would blink every second)
     */
    private void reload(boolean announce) {
        int gen = ++generation;
        if (announce) {
            status.setText(msg.get("loading"));
        }
        // Until the store and role bindings run (at start) there is nothing to load: "Loading…"
        // stays, and their arrival reloads. The view never says "no data" over an empty 1970 axis.
        long now = clock.getAsLong();
        background.run("load", () -> {
            if (!data.ready()) {
                return java.util.Optional.<Delivery<M>>empty();
            }
            // The date is read once per load, so the label and every pane are of one day.
            AsOf at = AsOf.of(data.pinned().orElse(null), now);
            return java.util.Optional.of(new Delivery<>(load(at), at));
        }, m -> {
            if (gen == generation) {
                if (m.isPresent()) {
                    deliver(m.get().model(), m.get().asOf());
                } else {
                    loadingShown(true);
                    status.setText(msg.get("loading"));
                }
            }
        }, e -> {
            if (gen == generation) {
                problems(List.of(msg.get("error.load", watched.isEmpty() ? "?" : String.join(", ", watched),
                        e.getMessage() == null ? e.toString() : e.getMessage())));
            }
        });
    }

    private void scheduleReload() {
        // Feeds append series in bursts: reload once things are quiet.
        if (reloadPending) {
            return;
        }
        reloadPending = true;
        root.getDisplay().timerExec(1_000, () -> {
            reloadPending = false;
            if (!root.isDisposed()) {
                reload(false);
            }
        });
    }

    /**
     * Shows a load on the UI thread: {@link #build} describes the panes, the group updates the
     * panes shown in place when their structure is the same (and the view had a range), else
     * builds them again, one pane per turn of the event loop ({@link PaneGroup#reconcile}); then
     * the range the user had is shown again (clamped to the new data), or on the first load the
     * saved one, and {@link #deliveries} counts the load. Package-private for the benchmark.
     */
    void deliver(M model) {
        deliver(model, shownAsOf);
    }

    /**
     * Like {@link #deliver(Object)}, for a load as of {@code at}: when that is another day than the
     * panes showed, the saved range is shown again (a preset then ends at the new day) rather
     * than the range the user had on the old one.
     */
    void deliver(M model, AsOf at) {
        long lo = group.lower();
        long hi = group.upper();
        boolean sameDay = java.util.Objects.equals(at.day(), shownAsOf.day());
        boolean had = loaded && hi > lo && sameDay;
        plan = new java.util.ArrayList<>();
        List<String> problems;
        List<PaneSpec> specs;
        try {
            problems = build(model);
            specs = plan;
        } finally {
            plan = null;
        }
        // A rebuild calls back a few turns of the event loop later (one pane per turn); the
        // range the user had is read now, from the panes this load replaces.
        PaneGroup.Target target = had ? PaneGroup.Target.range(lo, hi) : savedTarget(context.settings().get(RANGE));
        group.reconcile(specs, context.locale(), had && refreshInPlace, target,
                inPlace -> shown(at, inPlace, had, lo, hi, problems));
    }

    /**
     * The second half of {@link #deliver}, once the group shows the new panes: the as-of label
     * changes with them, so the toolbar never names a day the panes do not show yet.
     */
    private void shown(AsOf at, boolean inPlace, boolean had, long lo, long hi, List<String> problems) {
        shownAsOf = at;
        showAsOf(at);
        loadingShown(false);
        if (!inPlace) {
            body.layout(true, true);
        }
        restoring = true;
        try {
            if (had) {
                group.setRange(lo, hi);
            } else {
                restoreRange(context.settings().get(RANGE));
            }
        } finally {
            restoring = false;
        }
        loaded = true;
        lastInPlace = inPlace;
        deliveries++;
        problems(problems);
        afterRange();
    }

    /**
     * Reads the series of each role (off the UI thread) into {@code series} (in the unit its
     * descriptor says, see {@link SeriesUnit}), {@code ids}, {@code units} and {@code stale} (the
     * note of a role whose newest bar is too old), in order; a role that is unbound, empty or
     * unreadable adds a problem naming it instead.
     */
    void readRoles(List<String> roles, AsOf at, Map<String, SeriesData> series, Map<String, SeriesId> ids,
            Map<String, SeriesUnit> units, Map<String, String> stale, List<String> problems) {
        for (String role : roles) {
            Optional<SeriesId> id = data.resolve(role);
            if (id.isEmpty()) {
                problems.add(msg.get("nodata.role", role));
                continue;
            }
            try {
                SeriesData d = data.read(id.get(), at.until());
                if (d.isEmpty()) {
                    problems.add(at.pinned() == null ? msg.get("nodata.role", role)
                            : msg.get("nodata.role.asof", role, at.day().toString()));
                } else {
                    SeriesUnit u = unit(id.get());
                    series.put(role, u.apply(d));
                    ids.put(role, id.get());
                    units.put(role, u);
                    String note = stale(role, id.get(), d, at);
                    if (note != null) {
                        stale.put(role, note);
                    }
                }
            } catch (Exception e) {
                problems.add(msg.get("error.load", role, e.getMessage()));
            }
        }
    }

    /** What a series is measured in (its descriptor's unit; none when the store does not say). */
    SeriesUnit unit(SeriesId id) {
        return SeriesUnit.of(data.descriptor(id));
    }

    /**
     * "2 d old" when the newest bar of {@code series} by the load's as-of instant is stale by the
     * views' one rule ({@link Freshness}: twice its cadence, the descriptor's bar length, else
     * inferred from the bars), else {@code null}; the pane names the series when it needs to.
     */
    String stale(String name, SeriesId id, SeriesData series, AsOf at) {
        if (series == null || series.isEmpty()) {
            return null;
        }
        io.tideline.api.series.Timeframe cadence = data.timeframe(id)
                .orElseGet(() -> io.tideline.api.series.Resampler.inferTimeframe(series));
        long age = Freshness.staleAge(series.copyTimes(), cadence, at.instant());
        return age < 0 ? null : msg.age(age);
    }

    /** Produces the model as of {@code at} off the UI thread: no bar after {@code at.until()}. */
    abstract M load(AsOf at) throws Exception;

    /** What the panes shown were loaded as of (for tests). */
    AsOf shownAsOf() {
        return shownAsOf;
    }

    /** The toolbar's as-of label's text, or {@code null} while no day is pinned (for tests). */
    String asOfText() {
        return asOfLabel == null || !asOfLabel.getVisible() ? null : asOfLabel.getText();
    }

    /** The toolbar's as-of label, or {@code null} before a day was first pinned (for tests). */
    Label asOfLabel() {
        return asOfLabel;
    }

    /**
     * Shows "as of 2026-02-06 (the sample's date)" at the end of the toolbar while a day is
     * pinned, in the words of the status bar and the checklist; hides it for the newest data.
     */
    private void showAsOf(AsOf at) {
        WorkspaceDate.Pinned p = at.pinned();
        if (p == null && asOfLabel == null) {
            return;
        }
        if (asOfLabel == null) {
            // A bar before it, so it does not read as part of the control before (the crypto
            // view's "Liquidation-driven days (k = 3)").
            asOfBar = new Label(toolbar, SWT.SEPARATOR | SWT.VERTICAL);
            asOfBar.setLayoutData(new org.eclipse.swt.layout.RowData(SWT.DEFAULT, toolbar.getFont().getFontData()[0].getHeight() * 2));
            asOfLabel = new Label(toolbar, SWT.NONE);
            asOfLabel.setFont(boldFont());
            asOfLabel.setLayoutData(new org.eclipse.swt.layout.RowData());
        }
        String text = p == null ? "" : WorkspaceDate.SAMPLE_REASON.equals(p.reason())
                ? msg.get("asof.sample", p.day().toString()) : msg.get("asof.pinned", p.day().toString(), p.reason());
        boolean show = p != null;
        if (show == asOfLabel.getVisible() && text.equals(asOfLabel.getText())) {
            return;
        }
        asOfLabel.setText(text);
        asOfLabel.setToolTipText(show ? msg.get("asof.tip", p.day().toString()) : null);
        for (Label l : new Label[] {asOfBar, asOfLabel}) {
            ((org.eclipse.swt.layout.RowData) l.getLayoutData()).exclude = !show;
            l.setVisible(show);
        }
        toolbar.layout(true);
        root.layout(true, false);
    }

    /** The toolbar's font in bold, disposed with the view. */
    private org.eclipse.swt.graphics.Font boldFont() {
        org.eclipse.swt.graphics.FontData[] fd = toolbar.getFont().getFontData();
        for (org.eclipse.swt.graphics.FontData d : fd) {
            d.setStyle(SWT.BOLD);
        }
        org.eclipse.swt.graphics.Font bold = new org.eclipse.swt.graphics.Font(toolbar.getDisplay(), fd);
        root.addDisposeListener(e -> bold.dispose());
        return bold;
    }

    /**
     * Describes the panes for {@code model} with {@link #pane} (on the UI thread, before they are
     * shown: set group-wide things such as markers here too); returns the problems to show.
     */
    abstract List<String> build(M model);

    /** Called after the visible range changed and settled; e.g. to compute regime bands. */
    void afterRange() {
    }

    /**
     * Describes the next pane (only while {@link #build} runs).
     *
     * @param weight its share of the height
     * @param rank its importance when the view is too short for all panes (0 = kept longest)
     */
    PaneSpec pane(String title, String yTitle, int weight, int rank) {
        if (plan == null) {
            throw new IllegalStateException("panes are described in build()");
        }
        PaneSpec spec = new PaneSpec(title, yTitle).weight(weight).rank(rank);
        plan.add(spec);
        return spec;
    }

    /**
     * The range {@link #restoreRange} will show for the saved {@code text}, without its side
     * effects (a rebuild lays its panes out at it while building them).
     */
    private PaneGroup.Target savedTarget(String text) {
        PaneGroup.Preset preset = PaneGroup.Preset.of(text == null ? defaultRange() : text);
        if (preset != null) {
            return PaneGroup.Target.of(preset);
        }
        int dots = text.indexOf("..");
        try {
            if (dots > 0) {
                return PaneGroup.Target.range(dayStart(text.substring(0, dots)), dayStart(text.substring(dots + 2)));
            }
        } catch (DateTimeParseException e) {
            // The default, as restoreRange shows for a bad range.
        }
        return PaneGroup.Target.of(PaneGroup.Preset.of(defaultRange()));
    }

    private static long dayStart(String day) {
        return LocalDate.parse(day.trim()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private void restoreRange(String text) {
        PaneGroup.Preset preset = PaneGroup.Preset.of(text == null ? defaultRange() : text);
        pressPreset(preset);
        if (preset != null) {
            group.preset(preset);
            return;
        }
        int dots = text.indexOf("..");
        try {
            if (dots > 0) {
                group.setRange(dayStart(text.substring(0, dots)), dayStart(text.substring(dots + 2)));
                return;
            }
        } catch (DateTimeParseException e) {
            // Falls through: a hand-edited layout with a bad range shows the default instead.
        }
        context.status("range '" + text + "' is neither a preset (1M, 3M, 1Y, 5Y, All) nor YYYY-MM-DD..YYYY-MM-DD");
        pressPreset(PaneGroup.Preset.of(defaultRange()));
        group.preset(PaneGroup.Preset.of(defaultRange()));
    }

    /** The preset shown when the layout saved none. */
    String defaultRange() {
        return "1Y";
    }

    private void rangeChanged() {
        if (restoring) {
            afterRange();
            return;
        }
        pressPreset(null);
        int token = ++rangeWrites;
        root.getDisplay().timerExec(SETTLE_MILLIS, () -> {
            if (root.isDisposed() || token != rangeWrites) {
                return;
            }
            saveSetting(RANGE, day(group.lower()) + ".." + day(group.upper()));
            afterRange();
        });
    }

    static String day(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L)).toString();
    }

    /** Shows the problems in the status line and, when they changed, the first in the workbench's status bar. */
    void problems(List<String> problems) {
        String text = String.join("  ·  ", problems);
        if (!text.equals(status.getText())) {
            // A new text may wrap to another height: lay the view out again (not when unchanged).
            status.setText(text);
            status.setToolTipText(text);
            root.layout(true, false);
            // Only news reaches the workbench's status bar: a backfill reloads every second. When
            // the problems are gone ("No data for role btc" once its bars arrived), the view
            // withdraws its message, if the status bar still shows it.
            context.status(problems.isEmpty() ? "" : problems.get(0));
        }
    }
}
