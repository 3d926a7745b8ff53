package io.tideline.views.desk.scenarios;

import io.tideline.api.desk.Desk;
import io.tideline.api.ui.ViewContext;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Status;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.ConditionResult;
import io.tideline.scenario.api.ConditionState;
import io.tideline.scenario.api.EvidenceGap;
import io.tideline.scenario.api.PositionPnl;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.scenario.api.SkillSummary;
import io.tideline.scenario.api.WatchItem;
import io.tideline.views.desk.ColorScale;
import io.tideline.views.desk.Swt;
import io.tideline.views.desk.Trace;
import io.tideline.views.desk.ViewBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Scenarios A/B/C: a compact strip of the odds on top (one bar per scenario with its
 * probability and change since the day before, always the full width), and under it tabs:
 * each scenario's conditions with their state; the "what to watch" list; the portfolio's
 * P&amp;L per scenario and probability-weighted (portfolio file in the setting {@code portfolio});
 * and the liquidation-cascade model under three sliders (initial fall, mean leverage, depth),
 * recomputed in the background as they move. Built to stay legible in a pane of about
 * 620&times;250 pixels: a tab that has nothing to show says why.
 */
public final class ScenariosView extends ViewBase {

    /** Tab order; the selected tab is saved as the setting {@code tab}. */
    static final int TAB_CONDITIONS = 0;
    static final int TAB_WATCH = 1;
    static final int TAB_PNL = 2;
    static final int TAB_CASCADE = 3;
    static final int PAD = 4;
    /** Bar colours by what a scenario does to the book: a fall (tail), a calm drift, a rally. */
    static final int TAIL = ColorScale.RED;
    static final int CALM = 0x7F9CB5;
    public static final int RALLY = 0x3A9D5D;

    // The watch list, P&L and cascade tabs: built in the constructor's second task.
    private Text portfolioText;
    private final Canvas odds;
    private String legendText;
    private final int oddsRow;
    private final CTabFolder tabs;
    private final Tree conditions;
    private Table watch;
    private Label watchEmpty;
    private Table pnl;
    private Label pnlEmpty;
    private Scale shock;
    private Scale leverage;
    private Scale depth;
    private Label shockLabel;
    private Label leverageLabel;
    private Label depthLabel;
    private Label cascadeResult;
    private ScrolledComposite cascadeScroll;
    private Composite cascadeBody;
    private final Map<ConditionState, Image> lights = new EnumMap<>(ConditionState.class);
    private org.eclipse.swt.graphics.Font bold;
    private ScenarioReport today;
    private final Label asOfLabel;
    private final Label gapLabel;
    private final Label skillLabel;
    private final Label baseRateLabel;
    /** Pixels kept between the last tab and the day. */
    private static final int GAP = 16;
    private ScenarioReport yesterday;
    private boolean skillAnswered;
    private CascadeResult cascade;
    private Rectangle[] bars = new Rectangle[0];
    private Rectangle[] values = new Rectangle[0];

    /** Builds the view in {@code parent} and starts loading. */
    public ScenariosView(Composite parent, ViewContext context, Desk data) {
        super(parent, context, data, "scenarios");
        GridLayout rl = new GridLayout(1, false);
        rl.marginWidth = PAD;
        rl.marginHeight = PAD;
        rl.verticalSpacing = PAD;
        root.setLayout(rl);
        lights.put(ConditionState.MET, Swt.dot(root, ColorScale.status(Status.RED), 12));
        lights.put(ConditionState.NOT_MET, Swt.dot(root, ColorScale.status(Status.GREEN), 12));
        lights.put(ConditionState.UNKNOWN, Swt.dot(root, ColorScale.status(Status.UNKNOWN), 12));

        odds = new Canvas(root, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        GC measure = new GC(odds);
        oddsRow = measure.getFontMetrics().getHeight() + 4;
        measure.dispose();
        GridData od = new GridData(SWT.FILL, SWT.TOP, true, false);
        // Three bars, and the one-line legend of their colours when the pane has the height for
        // it (a 250 px pane keeps that row for the tabs).
        od.heightHint = oddsRow * 3 + 2 * PAD;
        odds.setLayoutData(od);
        root.addListener(SWT.Resize, e -> {
            int rows = root.getSize().y >= 300 ? 4 : 3;
            if (od.heightHint != oddsRow * rows + 2 * PAD) {
                od.heightHint = oddsRow * rows + 2 * PAD;
                root.layout(true, false);
            }
        });
        odds.addListener(SWT.Paint, this::paintOdds);
        odds.addListener(SWT.MouseMove, e -> {
            String tip = oddsTip(e.y);
            if (!java.util.Objects.equals(tip, odds.getToolTipText())) {
                odds.setToolTipText(tip);
            }
        });
        // Under the odds it qualifies: which scenarios rest on too little evidence (one short
        // paragraph, every scenario's whole sentence on hover); takes no room when there is none.
        gapLabel = new Label(root, SWT.WRAP);
        GridData gapData = new GridData(SWT.FILL, SWT.TOP, true, false);
        gapData.exclude = true;
        gapLabel.setLayoutData(gapData);
        gapLabel.setVisible(false);
        // Which scenarios' odds are their base rate on the day (the fit lost to it in past
        // forecasts): their conditions, shown below, do not move them; takes no room otherwise.
        baseRateLabel = new Label(root, SWT.WRAP);
        GridData baseData = new GridData(SWT.FILL, SWT.TOP, true, false);
        baseData.exclude = true;
        baseRateLabel.setLayoutData(baseData);
        baseRateLabel.setVisible(false);
        // Whether these odds have forecast anything (scenarios score): said when they have not,
        // so confident percentages are not read as a forecast; takes no room otherwise.
        skillLabel = new Label(root, SWT.WRAP);
        GridData skillData = new GridData(SWT.FILL, SWT.TOP, true, false);
        skillData.exclude = true;
        skillLabel.setLayoutData(skillData);
        skillLabel.setVisible(false);
        collapsingStatusLabel(root);

        tabs = new CTabFolder(root, SWT.BORDER | SWT.FLAT);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // The day the odds and conditions are of, right of the tabs (brief; whole on hover), so
        // the view says the same date as the checklist and the heatmap beside it.
        asOfLabel = new Label(tabs, SWT.NONE);
        asOfLabel.setVisible(false);
        tabs.addListener(SWT.Resize, e -> placeAsOf());

        conditions = new Tree(tabs, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        conditions.setHeaderVisible(true);
        String[] cc = {"scenarios.col.condition", "scenarios.col.state", "checklist.col.value",
            "checklist.col.threshold"};
        int[] cw = {300, 130, 70, 90};
        for (int i = 0; i < cc.length; i++) {
            TreeColumn c = new TreeColumn(conditions, i >= 2 ? SWT.RIGHT : SWT.LEFT);
            c.setText(Swt.literal(msg.get(cc[i])));
            c.setWidth(cw[i]);
        }
        // The condition's words take what the three short columns, sized to their content, leave;
        // never under 160 px (a long "unknown (stale: ...)" state ends in "…", whole on hover).
        Swt.fitColumns(conditions, 0, 160);
        Swt.cellTips(conditions);
        tab("scenarios.tab.conditions", conditions);
        // The other tabs in tasks of their own: built in one, the view held the UI thread for 50
        // ms of CPU (100-150 ms by the clock at start, with the other bundles starting). The
        // report is asked for after the last, so its answer finds their tables there.
        background.later(this::buildOtherTabs);
    }

    /** The watch list and P&amp;L tabs; then the cascade tab. */
    private void buildOtherTabs() {
        Composite watchPane = pane(tabs);
        watchEmpty = emptyLabel(watchPane);
        watch = table(watchPane, new String[] {"scenarios.col.condition", "checklist.col.value",
            "checklist.col.threshold", "scenarios.col.scenario", "scenarios.col.ifFlipped"},
                new int[] {240, 70, 80, 70, 90});
        Swt.fitColumns(watch, 0, 160);
        tab("scenarios.tab.watch", watchPane);

        Composite pnlPane = pane(tabs);
        Composite bar = new Composite(pnlPane, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout bl = new GridLayout(3, false);
        bl.marginWidth = 0;
        bl.marginHeight = 0;
        bar.setLayout(bl);
        new Label(bar, SWT.NONE).setText(msg.get("scenarios.portfolio"));
        portfolioText = new Text(bar, SWT.BORDER | SWT.SINGLE);
        GridData pd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        pd.widthHint = 120;
        portfolioText.setLayoutData(pd);
        portfolioText.setText(setting("portfolio", ""));
        portfolioText.setToolTipText(msg.get("scenarios.portfolio.tip"));
        portfolioText.addListener(SWT.DefaultSelection, e -> usePortfolio(portfolioText.getText()));
        Button browse = new Button(bar, SWT.PUSH);
        browse.setText(msg.get("scenarios.browse"));
        browse.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.json;*.csv", "*.*"});
            String file = dialog.open();
            if (file != null) {
                portfolioText.setText(file);
                usePortfolio(file);
            }
        });
        pnlEmpty = emptyLabel(pnlPane);
        pnl = table(pnlPane, new String[] {"scenarios.col.scenario", "scenarios.col.probability", "scenarios.col.pnl"},
                new int[] {220, 90, 110});
        bold = Swt.derivedFont(pnl, 0, SWT.BOLD);
        tab("scenarios.tab.pnl", pnlPane);
        // The cascade's sliders in one more task: with the tables above they held the thread 40 ms.
        background.later(this::buildCascadeTab);
    }

    /** The cascade tab, the saved tab; then the first load. */
    private void buildCascadeTab() {

        // The sliders need more height than a short pane has: they scroll rather than squeeze.
        cascadeScroll = new ScrolledComposite(tabs, SWT.V_SCROLL);
        cascadeScroll.setExpandHorizontal(true);
        cascadeScroll.setExpandVertical(true);
        cascadeBody = new Composite(cascadeScroll, SWT.NONE);
        // The result on top (what the sliders are for), the three sliders side by side under it:
        // two lines of sliders fit a short pane where three rows of them do not.
        cascadeBody.setLayout(new GridLayout(3, true));
        cascadeScroll.setContent(cascadeBody);
        cascadeScroll.addListener(SWT.Resize, e -> fitCascade());
        cascadeResult = new Label(cascadeBody, SWT.WRAP);
        cascadeResult.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        CascadeParams d = CascadeParams.defaults();
        shockLabel = sliderLabel(cascadeBody);
        leverageLabel = sliderLabel(cascadeBody);
        depthLabel = sliderLabel(cascadeBody);
        // Slider units: shock in tenths of a percent, leverage in whole x, depth in USD 100 m per 1%.
        shock = slider(cascadeBody, 0, 200, (int) Math.round(d.shock() * 1000), "cascade.shock");
        leverage = slider(cascadeBody, 1, 60, (int) Math.round(d.meanLeverage()), "cascade.leverage");
        depth = slider(cascadeBody, 1, 60, (int) Math.round(d.depth() / 1e8), "cascade.depth");
        tab("scenarios.tab.cascade", cascadeScroll);

        int saved = TAB_CONDITIONS;
        try {
            saved = Integer.parseInt(setting("tab", "0"));
        } catch (NumberFormatException e) {
            // A hand-edited layout with a bad number opens on the first tab.
        }
        tabs.setSelection(Math.max(0, Math.min(TAB_CASCADE, saved)));
        tabs.addListener(SWT.Selection, e -> saveSetting("tab", Integer.toString(tabs.getSelectionIndex())));
        sliderText();
        refresh();
        recomputeCascade();
    }

    private void tab(String key, Control content) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(Swt.literal(msg.get(key)));
        item.setControl(content);
    }

    private Composite pane(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout l = new GridLayout(1, false);
        l.marginWidth = PAD;
        l.marginHeight = PAD;
        l.verticalSpacing = PAD;
        c.setLayout(l);
        return c;
    }

    /** A wrapping label that says why a tab is empty; hidden (and taking no room) otherwise. */
    private Label emptyLabel(Composite parent) {
        Label l = new Label(parent, SWT.WRAP);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.exclude = true;
        l.setLayoutData(gd);
        l.setVisible(false);
        return l;
    }

    private static void showOnly(Label empty, String reason, Control full) {
        boolean none = reason != null;
        empty.setData(reason);
        empty.setText(none ? Swt.literal(reason) : "");
        ((GridData) empty.getLayoutData()).exclude = !none;
        empty.setVisible(none);
        ((GridData) full.getLayoutData()).exclude = none;
        full.setVisible(!none);
        empty.getParent().layout(true);
    }

    private void fitCascade() {
        Rectangle area = cascadeScroll.getClientArea();
        if (area.width > 0) {
            cascadeScroll.setMinSize(cascadeBody.computeSize(area.width, SWT.DEFAULT));
        }
    }

    private Table table(Composite parent, String[] keys, int[] widths) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < keys.length; i++) {
            TableColumn c = new TableColumn(t, i == 0 ? SWT.LEFT : SWT.RIGHT);
            c.setText(Swt.literal(msg.get(keys[i])));
            c.setWidth(widths[i]);
        }
        Swt.cellTips(t);
        return t;
    }

    private Label sliderLabel(Composite parent) {
        Label l = new Label(parent, SWT.WRAP);
        l.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        return l;
    }

    private Scale slider(Composite parent, int min, int max, int value, String setting) {
        Scale s = new Scale(parent, SWT.HORIZONTAL);
        s.setMinimum(min);
        s.setMaximum(max);
        s.setIncrement(1);
        s.setPageIncrement(5);
        int saved = value;
        try {
            saved = Integer.parseInt(setting(setting, Integer.toString(value)));
        } catch (NumberFormatException e) {
            // A hand-edited layout with a bad number keeps the calibrated default.
        }
        s.setSelection(Math.max(min, Math.min(max, saved)));
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 80;
        s.setLayoutData(gd);
        s.addListener(SWT.Selection, e -> {
            sliderText();
            saveSetting(setting, Integer.toString(s.getSelection()));
            recomputeCascade();
        });
        return s;
    }

    /** The report shown, or {@code null} while loading; for tests. */
    public ScenarioReport report() {
        return today;
    }

    /** The cascade result shown, or {@code null} while computing; for tests. */
    public CascadeResult cascade() {
        return cascade;
    }

    /** The P&amp;L table; for tests. */
    public Table pnlTable() {
        return pnl;
    }

    /** The watch table; for tests. */
    public Table watchTable() {
        return watch;
    }

    /** The conditions tree; for tests. */
    public Tree conditionsTree() {
        return conditions;
    }

    /** The odds strip; for tests. */
    public Canvas oddsCanvas() {
        return odds;
    }

    /** Where the last paint put each scenario's bar, in the odds strip's coordinates; for tests. */
    public Rectangle[] oddsBars() {
        return bars.clone();
    }

    /** Where the last paint put each scenario's "% (change)" text; for tests. */
    public Rectangle[] oddsValues() {
        return values.clone();
    }

    /** The tabs (conditions, watch, P&amp;L, cascade); for tests. */
    public CTabFolder tabs() {
        return tabs;
    }

    /** Why the watch list is empty, or {@code null} while it has rows; for tests. */
    public String watchEmptyReason() {
        return (String) watchEmpty.getData();
    }

    /** The label saying why the watch list is empty; for tests. */
    public Label watchEmptyLabel() {
        return watchEmpty;
    }

    /** Why the P&amp;L table is empty, or {@code null} while it has rows; for tests. */
    public String pnlEmptyReason() {
        return (String) pnlEmpty.getData();
    }

    /** The cascade's result in words, as a control; for tests. */
    public Label cascadeResultLabel() {
        return cascadeResult;
    }

    /** The cascade's slider area; for tests. */
    public Composite cascadeBody() {
        return cascadeBody;
    }

    /** The shock slider (tenths of a percent); for tests. */
    public Scale shockSlider() {
        return shock;
    }

    /** The cascade's result in words; for tests. */
    public String cascadeText() {
        return cascadeResult.getText();
    }

    /**
     * The parameters the sliders stand for, in the market of the day shown: the crowding and open
     * interest scenario B's BTC cascade read from the store that day (the defaults before a report
     * is shown or when the pack runs no BTC cascade).
     */
    public CascadeParams params() {
        return dayMarket().withShock(shock.getSelection() / 1000.0)
                .withMeanLeverage(leverage.getSelection()).withDepth(depth.getSelection() * 1e8);
    }

    /** The parameters of the first BTC cascade of the report shown, else the defaults. */
    private CascadeParams dayMarket() {
        return marketOf(today);
    }

    /**
     * The report's warnings about the market its cascades ran in: a bound funding or open-interest
     * role the scenario service could not read that day ("the cascade reads no funding from
     * btc.funding (stale since 2026-02-12): neutral funding stands in").
     */
    private static List<String> cascadeWarnings(ScenarioReport r) {
        return r == null ? List.of() : r.warnings().stream().filter(w -> w.startsWith("the cascade ")).toList();
    }

    private static CascadeParams marketOf(ScenarioReport r) {
        if (r != null) {
            for (io.tideline.scenario.api.ScenarioResult s : r.scenarios()) {
                CascadeResult c = s.cascade() == null ? null : s.cascade().get("btc");
                if (c != null) {
                    return c.params();
                }
            }
        }
        return CascadeParams.defaults();
    }

    private void usePortfolio(String path) {
        saveSetting("portfolio", path.strip());
        refresh();
    }

    @Override
    protected void refresh() {
        String portfolio = setting("portfolio", null);
        background.run("report", () -> {
            // The date first: the report asked for no day in particular is of that day.
            WorkspaceDate.Pinned pinned = data.pinned().orElse(null);
            ScenarioReport now = data.scenarios(pinned == null ? null : pinned.day(), portfolio);
            ScenarioReport before = data.scenarios(LocalDate.parse(now.asOf()).minusDays(1), portfolio);
            return new Loaded(now, before, pinned);
        }, loaded -> {
            showError(null);
            showAsOf(loaded.now(), loaded.pinned());
            show(loaded.now(), loaded.before(), portfolio);
        }, this::showError);
        // Seconds the first time (then kept by the service for the day): after the report, apart.
        background.run("skill", data::scenarioSkill, this::showSkill, e -> showSkill(Optional.empty()));
    }

    /**
     * Says when the odds shown have not beaten their base rate on the past days scored
     * ("Scored on 3,137 past days (2014-01-02 to 2026-06-24): A, B, C do not beat their base rate;
     * their odds forecast no better than how often each followed"); the outcome rule on hover.
     */
    private void showSkill(Optional<SkillSummary> skill) {
        if (skillLabel.isDisposed()) {
            return;
        }
        skillAnswered = true;
        List<String> weak = skill.map(SkillSummary::notBeatingBaseRate).orElse(List.of());
        String text = weak.isEmpty() ? null : msg.format("scenarios.skill.weak", skill.get().days(),
                skill.get().from(), skill.get().to(), String.join(", ", weak));
        skillLabel.setText(text == null ? "" : Swt.literal(text));
        skillLabel.setToolTipText(text == null ? null : msg.format("scenarios.skill.tip", skill.get().outcome(),
                skill.get().scenarios().stream().map(s -> s.scenario() + String.format(java.util.Locale.ROOT, " %+.3f",
                        s.skill())).collect(java.util.stream.Collectors.joining(", "))));
        ((GridData) skillLabel.getLayoutData()).exclude = text == null;
        skillLabel.setVisible(text != null);
        root.layout(true, true);
    }

    /** The words on odds that have not beaten their base rate, or empty; for tests. */
    public Label skillLabel() {
        return skillLabel;
    }

    /** Whether the skill has been asked for and shown (or found missing); for tests. */
    public boolean skillAnswered() {
        return skillAnswered;
    }

    /** One load: the report of the day, of the day before, and the workspace's date it was asked as of. */
    private record Loaded(ScenarioReport now, ScenarioReport before, WorkspaceDate.Pinned pinned) {
    }

    private void showAsOf(ScenarioReport now, WorkspaceDate.Pinned pinned) {
        asOfLabel.setText(Trace.asOf(msg, pinned, now.asOf(), false, true));
        asOfLabel.setToolTipText(Trace.asOf(msg, pinned, now.asOf(), false, false));
        placeAsOf();
    }

    /**
     * Puts the day right of the tabs when it fits beside all of them, else takes it away: the tabs
     * come first (given the room, the folder would fold them behind a chevron instead). Set anew
     * each time, since the folder measures its top-right control only when it is set.
     */
    private void placeAsOf() {
        if (asOfLabel.getText().isEmpty()) {
            return;
        }
        int tabsWidth = 0;
        boolean allShowing = true;
        for (CTabItem item : tabs.getItems()) {
            allShowing &= item.isShowing();
            tabsWidth += item.getBounds().width;
        }
        boolean shown = tabs.getTopRight() == asOfLabel;
        // Shown and every tab still in sight: it fits. Not shown: the tabs' own widths say whether it would.
        boolean fits = shown ? allShowing
                : allShowing && tabsWidth + asOfLabel.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + GAP <= tabs.getClientArea().width;
        if (fits) {
            asOfLabel.setVisible(true);
            tabs.setTopRight(asOfLabel, SWT.RIGHT);
            if (!shown) {
                // Once the folder has placed it: were the tabs left in sight?
                tabs.getDisplay().asyncExec(() -> {
                    if (!tabs.isDisposed()) {
                        placeAsOf();
                    }
                });
            }
        } else if (shown) {
            tabs.setTopRight(null);
            asOfLabel.setVisible(false);
        }
    }

    /** The day shown right of the tabs ("2026-02-06 (sample date)"), or empty before the first load; for tests. */
    public Label asOfLabel() {
        return asOfLabel;
    }

    private void recomputeCascade() {
        CascadeParams p = params();
        background.run("cascade", () -> data.cascade(p), r -> {
            cascade = r;
            cascadeResult.setText(Swt.literal(msg.format("scenarios.cascade.result", pct(r.initialMove()), pct(r.amplifiedMove()),
                    String.format(msg.locale(), "%.1f", r.amplification()), r.rounds(), usd(r.liquidatedNotional()),
                    usd(r.openInterest())) + (r.converged() ? "" : " " + msg.get("scenarios.cascade.notConverged"))
                    // the model's answer is a spread over uncertain depth and leverage, not one number
                    + (r.p10() < r.p90() ? msg.format("scenarios.cascade.spread", pct(r.p10()), pct(r.p50()),
                            pct(r.p90())) : "")
                    + " " + msg.format("scenarios.cascade.crowding", String.format(msg.locale(), "%.2f",
                            r.params().crowding().index()))
                    // a funding or open interest the day's market could not be read from: never shown as calm
                    + cascadeWarnings(today).stream().map(w -> " " + Character.toUpperCase(w.charAt(0))
                            + w.substring(1) + ".").collect(Collectors.joining())));
            cascadeBody.layout(true);
            fitCascade();
        }, this::showError);
    }

    private void sliderText() {
        shockLabel.setText(msg.format("scenarios.shock", pct(shock.getSelection() / 1000.0)));
        leverageLabel.setText(msg.format("scenarios.leverage", leverage.getSelection() + "\u00d7"));
        depthLabel.setText(msg.format("scenarios.depth", usd(depth.getSelection() * 1e8)));
        cascadeBody.layout(true);
    }

    /**
     * Shows a report in three tasks of the UI thread, so the window answers between them (one
     * task took 50-130 ms at start): the conditions; the watch list and the P&amp;L; the labels,
     * the odds and one layout. The report counts as shown ({@link #report()}) after the last.
     * A newer report's tasks queue behind an older one's, so the last report shown wins.
     */
    private void show(ScenarioReport now, ScenarioReport before, String portfolio) {
        fillConditions(now);
        background.later(() -> {
            fillWatch(now);
            fillPnl(now, portfolio);
            background.later(() -> {
                showGaps(now);
                showBaseRate(now);
                boolean marketChanged = !dayMarket().equals(marketOf(now))
                        || !cascadeWarnings(today).equals(cascadeWarnings(now));
                today = now;
                yesterday = before;
                if (marketChanged && shock != null) {
                    recomputeCascade(); // the sliders now stand in the new day's market
                }
                odds.redraw();
                root.layout(true, true);
            });
        });
    }

    private void fillConditions(ScenarioReport now) {
        conditions.setRedraw(false);
        conditions.removeAll();
        for (ScenarioResult s : now.scenarios()) {
            TreeItem item = new TreeItem(conditions, SWT.NONE);
            item.setText(0, s.id() + " \u2014 " + s.name());
            item.setText(1, pct(s.probability()));
            for (ConditionResult c : s.conditions()) {
                TreeItem child = new TreeItem(item, SWT.NONE);
                child.setText(0, c.text());
                child.setImage(1, lights.get(c.state()));
                child.setText(1, state(c.state()) + (c.reason() == null ? "" : " (" + c.reason() + ")"));
                child.setText(2, c.value() == null ? "\u2014" : num(c.value()));
                child.setText(3, c.comparison() + " " + num(c.threshold()));
            }
            item.setExpanded(true);
        }
        Swt.fitColumns(conditions, 0, 160);
        conditions.setRedraw(true);
    }

    private void fillWatch(ScenarioReport now) {
        watch.removeAll();
        showOnly(watchEmpty, now.watch().isEmpty() ? watchReason(now) : null, watch);
        for (WatchItem w : now.watch()) {
            TableItem item = new TableItem(watch, SWT.NONE);
            item.setText(0, w.text());
            item.setText(1, num(w.value()));
            item.setText(2, num(w.threshold()));
            item.setText(3, w.moves() == null ? "" : w.moves());
            item.setText(4, points(w.change()));
        }
        Swt.fitColumns(watch, 0, 160);
    }

    /**
     * Says which scenarios' odds were pulled toward their prior because more than a third of their
     * conditions are unknown: their counts and the causes once each ("A: 6 of 13, B: 6 of 14
     * conditions unknown (hy.spread, us10y stale since 2025-12-30); odds pulled toward the prior").
     */
    private void showGaps(ScenarioReport r) {
        String text = null;
        String tip = null;
        if (!r.gaps().isEmpty()) {
            List<String> counts = new ArrayList<>();
            java.util.Set<String> causes = new java.util.LinkedHashSet<>();
            List<String> whole = new ArrayList<>();
            for (EvidenceGap g : r.gaps()) {
                counts.add(msg.format("scenarios.gap.count", g.scenario(), g.unknown(), g.conditions()));
                causes.addAll(g.causes());
                whole.add(msg.format("scenarios.gap.one", g.scenario(), g.unknown(), g.conditions(),
                        String.join(", ", g.causes()), Math.round(100 * g.weight())));
            }
            text = msg.format("scenarios.gaps", String.join(", ", counts), String.join("; ", causes));
            tip = String.join("\n", whole);
        }
        gapLabel.setText(text == null ? "" : Swt.literal(text));
        gapLabel.setToolTipText(tip);
        ((GridData) gapLabel.getLayoutData()).exclude = text == null;
        gapLabel.setVisible(text != null);
    }

    /**
     * Says which scenarios' odds are their base rate on the day because their fitted conditions
     * have not beaten it in past forecasts ("C: odds are the base rate; the conditions have not
     * beaten it in past forecasts (scenarios score)"); every scenario's weight on hover.
     */
    private void showBaseRate(ScenarioReport r) {
        List<String> ids = r.scenarios().stream().filter(ScenarioResult::onBaseRate).map(ScenarioResult::id).toList();
        String text = ids.isEmpty() ? null : msg.format("scenarios.onBaseRate", String.join(", ", ids));
        baseRateLabel.setText(text == null ? "" : Swt.literal(text));
        baseRateLabel.setToolTipText(text == null ? null : msg.format("scenarios.onBaseRate.tip", r.scenarios().stream()
                .filter(s -> s.fitWeight() != null).map(s -> s.id() + " " + Math.round(100 * s.fitWeight()) + "%")
                .collect(java.util.stream.Collectors.joining(", "))));
        ((GridData) baseRateLabel.getLayoutData()).exclude = text == null;
        baseRateLabel.setVisible(text != null);
    }

    /** The words on the scenarios whose odds are their base rate, or empty; for tests. */
    public Label baseRateLabel() {
        return baseRateLabel;
    }

    /** The words on the scenarios whose evidence is mostly unknown, or empty; for tests. */
    public Label gapLabel() {
        return gapLabel;
    }

    /**
     * Why nothing is worth watching: the list holds only conditions with a known state and a
     * history to measure their distance from the threshold in.
     */
    private String watchReason(ScenarioReport r) {
        List<String> reasons = new ArrayList<>();
        boolean anyKnown = false;
        for (ConditionResult c : r.conditions()) {
            if (c.state() != ConditionState.UNKNOWN) {
                anyKnown = true;
            } else if (c.reason() != null && !reasons.contains(c.reason()) && reasons.size() < 3) {
                reasons.add(c.reason());
            }
        }
        if (!anyKnown) {
            return msg.format("scenarios.watch.allUnknown", r.asOf(),
                    reasons.isEmpty() ? "\u2014" : String.join("; ", reasons));
        }
        return msg.format("scenarios.watch.noHistory", r.asOf());
    }

    private void fillPnl(ScenarioReport now, String portfolio) {
        pnl.setRedraw(false);
        pnl.removeAll();
        while (pnl.getColumnCount() > 3) {
            pnl.getColumn(3).dispose();
        }
        List<String> positionRoles = new ArrayList<>();
        for (ScenarioResult s : now.scenarios()) {
            for (PositionPnl p : s.positions()) {
                if (!positionRoles.contains(p.role())) {
                    positionRoles.add(p.role());
                }
            }
        }
        for (String role : positionRoles) {
            TableColumn c = new TableColumn(pnl, SWT.RIGHT);
            c.setText(role);
            c.setWidth(100);
        }
        String reason = null;
        if (portfolio == null) {
            reason = msg.get("scenarios.noPortfolio");
        } else if (now.expectedPnl() == null) {
            // The portfolio's own warnings: the evidence gaps are said above the tabs.
            List<String> own = new ArrayList<>(now.warnings());
            now.gaps().forEach(g -> own.remove(g.message()));
            own.removeAll(cascadeWarnings(now)); // said on the cascade tab
            reason = msg.format("scenarios.pnl.none", portfolio, own.isEmpty()
                    ? msg.get("scenarios.pnl.unpriced") : String.join("; ", own));
        }
        showOnly(pnlEmpty, reason, pnl);
        // The weighted P&L on the tab itself: the one number worth seeing without opening it.
        tabs.getItem(TAB_PNL).setText(Swt.literal(msg.get("scenarios.tab.pnl")
                + (now.expectedPnl() == null ? "" : " " + money(now.expectedPnl()))));
        for (ScenarioResult s : now.scenarios()) {
            TableItem item = new TableItem(pnl, SWT.NONE);
            item.setText(0, s.id() + " \u2014 " + s.name());
            item.setText(1, pct(s.probability()));
            item.setText(2, s.pnl() == null ? "\u2014" : money(s.pnl()));
            for (PositionPnl p : s.positions()) {
                int col = 3 + positionRoles.indexOf(p.role());
                item.setText(col, money(p.pnl()) + (p.liquidated() ? " \u2020" : ""));
            }
        }
        if (now.expectedPnl() != null) {
            TableItem weighted = new TableItem(pnl, SWT.NONE);
            weighted.setText(0, msg.get("scenarios.weighted"));
            weighted.setText(1, "100%");
            weighted.setText(2, money(now.expectedPnl()));
            weighted.setFont(bold);
            // Per-position weighted P&L: sum over scenarios of probability x position P&L.
            for (int k = 0; k < positionRoles.size(); k++) {
                double sum = 0;
                for (ScenarioResult s : now.scenarios()) {
                    for (PositionPnl p : s.positions()) {
                        if (p.role().equals(positionRoles.get(k))) {
                            sum += s.probability() * p.pnl();
                        }
                    }
                }
                weighted.setText(3 + k, money(sum));
            }
        }
        pnl.setRedraw(true);
    }

    private void paintOdds(Event e) {
        GC gc = e.gc;
        Rectangle area = odds.getClientArea();
        gc.setBackground(odds.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        ScenarioReport r = today;
        if (r == null) {
            bars = new Rectangle[0];
            values = new Rectangle[0];
            return;
        }
        int n = r.scenarios().size();
        String[] labels = new String[n];
        String[] texts = new String[n];
        int labelWidth = 0;
        int valueWidth = 0;
        for (int k = 0; k < n; k++) {
            ScenarioResult s = r.scenarios().get(k);
            labels[k] = s.id() + " \u2014 " + s.name();
            Double change = change(s);
            texts[k] = pct(s.probability()) + (change == null ? "" : " (" + points(change) + ")");
            labelWidth = Math.max(labelWidth, gc.textExtent(labels[k]).x);
            valueWidth = Math.max(valueWidth, gc.textExtent(texts[k]).x);
        }
        // Columns from the right: the numbers always fit; the names get at most 40% of the
        // width (cut with "…", the tooltip has them whole); the bars get the rest.
        labelWidth = Math.min(labelWidth, Math.max(gc.textExtent("A \u2014 W\u2026").x, area.width * 2 / 5));
        int x0 = PAD + labelWidth + 2 * PAD;
        int barMax = Math.max(10, area.width - x0 - valueWidth - 3 * PAD);
        Rectangle[] barsNow = new Rectangle[n];
        Rectangle[] valuesNow = new Rectangle[n];
        int y = PAD;
        int barHeight = oddsRow - 4;
        for (int k = 0; k < n; k++) {
            ScenarioResult s = r.scenarios().get(k);
            gc.setForeground(odds.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            String label = Swt.ellipsize(gc, labels[k], labelWidth);
            Point ext = gc.textExtent(label);
            int ty = y + (oddsRow - ext.y) / 2;
            gc.drawText(label, PAD, ty, true);
            int w = Math.max(2, (int) Math.round(s.probability() * barMax));
            barsNow[k] = new Rectangle(x0, y + 2, w, barHeight);
            gc.setBackground(Swt.color(oddsColour(s)));
            gc.fillRectangle(barsNow[k]);
            Double change = change(s);
            if (change != null && Math.abs(change) >= 0.0005) {
                gc.setForeground(Swt.color(change > 0 ? ColorScale.RED : ColorScale.BLUE));
            }
            Point vext = gc.textExtent(texts[k]);
            valuesNow[k] = new Rectangle(x0 + w + PAD, ty, vext.x, vext.y);
            gc.drawText(texts[k], valuesNow[k].x, ty, true);
            y += oddsRow;
        }
        bars = barsNow;
        values = valuesNow;
        if (area.height >= y + oddsRow) {
            paintLegend(gc, y, area.width);
        }
    }

    /**
     * The colour of a scenario's bar from its shocks, not its letter: a scenario whose shocks
     * average a fall is the tail (red), one averaging more than +5% a rally (green), anything
     * between a calm drift (blue-grey). The default pack gives B red, A calm, C green.
     */
    static int oddsColour(ScenarioResult s) {
        if (s.shocks().isEmpty()) {
            return CALM;
        }
        double sum = 0;
        for (double v : s.shocks().values()) {
            sum += v;
        }
        double mean = sum / s.shocks().size();
        return mean < 0 ? TAIL : mean > 0.05 ? RALLY : CALM;
    }

    /** One line under the bars saying what their colours mean. */
    private void paintLegend(GC gc, int y, int width) {
        int x = PAD;
        int h = gc.getFontMetrics().getHeight();
        int sw = Math.max(8, h / 2);
        gc.setForeground(odds.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        String[] keys = {"scenarios.legend.tail", "scenarios.legend.calm", "scenarios.legend.rally"};
        int[] colours = {TAIL, CALM, RALLY};
        StringBuilder whole = new StringBuilder();
        for (int k = 0; k < keys.length; k++) {
            String text = msg.format(keys[k]);
            whole.append(k == 0 ? "" : "  ").append(text);
            int left = width - x - sw - 4 - PAD;
            if (left < 20) {
                break;
            }
            gc.setBackground(Swt.color(colours[k]));
            gc.fillRectangle(x, y + (oddsRow - sw) / 2, sw, sw);
            x += sw + 4;
            String shown = Swt.ellipsize(gc, text, left);
            gc.drawText(shown, x, y + (oddsRow - h) / 2, true);
            x += gc.textExtent(shown).x + 12;
        }
        legendText = whole.toString();
    }

    /** The colour legend's whole text as last painted, or {@code null}; for tests. */
    public String legendText() {
        return legendText;
    }

    /** The odds bar's tooltip at height {@code y}, or {@code null}; package-visible for tests. */
    String oddsTip(int y) {
        ScenarioReport r = today;
        int k = (y - PAD) / oddsRow;
        if (r == null || y < PAD || k >= r.scenarios().size()) {
            return null;
        }
        ScenarioResult s = r.scenarios().get(k);
        StringBuilder sb = new StringBuilder(s.id() + " \u2014 " + s.name() + ": " + pct(s.probability()));
        if (s.packProbability() == null) {
            sb.append(" (prior ").append(pct(s.prior())).append(", ").append(r.asOf()).append(')');
        } else {
            // fitted odds start from the base rate; the pack's own ratios are shown beside them
            sb.append(' ').append(msg.format("scenarios.fitted.tip", pct(s.prior()), pct(s.packProbability()),
                    r.asOf()));
        }
        if (!r.oddsBasis().isEmpty()) {
            sb.append('\n').append(msg.format("scenarios.oddsBasis", r.oddsBasis()));
        }
        if (s.onBaseRate()) {
            sb.append('\n').append(msg.format("scenarios.onBaseRate", s.id()));
        }
        for (ConditionResult c : s.conditions()) {
            sb.append('\n').append(state(c.state())).append(" \u00d7").append(String.format(msg.locale(), "%.2f",
                    c.factor())).append("  ").append(c.text());
        }
        for (Map.Entry<String, Double> shockEntry : s.shocks().entrySet()) {
            sb.append('\n').append(shockEntry.getKey()).append(' ').append(points(shockEntry.getValue())
                    .replace(" pp", "%"));
        }
        return sb.toString();
    }

    /** The change of a scenario's probability since the day before, or null without that day. */
    private Double change(ScenarioResult s) {
        ScenarioReport before = yesterday;
        return before == null ? null : before.scenario(s.id()).map(b -> s.probability() - b.probability()).orElse(null);
    }

    private String state(ConditionState s) {
        return msg.getOr("condition." + s.name(), s.name());
    }

    private String pct(double p) {
        return String.format(msg.locale(), "%.1f%%", p * 100);
    }

    private String points(double delta) {
        return String.format(msg.locale(), "%+.1f pp", delta * 100);
    }

    private String num(double v) {
        return String.format(msg.locale(), Math.abs(v) >= 100 ? "%.1f" : "%.3g", v);
    }

    private String money(double v) {
        return String.format(msg.locale(), "%,.0f", v);
    }

    private String usd(double v) {
        return v >= 1e9 ? String.format(msg.locale(), "USD %.1f bn", v / 1e9)
                : String.format(msg.locale(), "USD %.0f m", v / 1e6);
    }
}
