package io.tideline.views.desk.scenarios;

import io.tideline.api.ui.ViewContext;
import io.tideline.regime.api.Status;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.ConditionResult;
import io.tideline.scenario.api.ConditionState;
import io.tideline.scenario.api.PositionPnl;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.scenario.api.WatchItem;
import io.tideline.views.desk.ColorScale;
import io.tideline.views.desk.DeskData;
import io.tideline.views.desk.Swt;
import io.tideline.views.desk.ViewBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
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
 * Scenarios A/B/C: the odds as bars with their change since the day before, each scenario's
 * conditions with their state, the "what to watch" list, the portfolio's P&amp;L per scenario
 * and probability-weighted (portfolio file in the setting {@code portfolio}), and the
 * liquidation-cascade model under three sliders (initial fall, mean leverage, depth),
 * recomputed in the background as they move.
 */
public final class ScenariosView extends ViewBase {

    static final int ODDS_ROW = 30;

    private final Text portfolioText;
    private final Canvas odds;
    private final Tree conditions;
    private final Table watch;
    private final Table pnl;
    private final Scale shock;
    private final Scale leverage;
    private final Scale depth;
    private final Label shockLabel;
    private final Label leverageLabel;
    private final Label depthLabel;
    private final Label cascadeResult;
    private final Map<ConditionState, Image> lights = new EnumMap<>(ConditionState.class);
    private final org.eclipse.swt.graphics.Font bold;
    private ScenarioReport today;
    private ScenarioReport yesterday;
    private CascadeResult cascade;

    /** Builds the view in {@code parent} and starts loading. */
    public ScenariosView(Composite parent, ViewContext context, DeskData data) {
        super(parent, context, data, "scenarios");
        root.setLayout(new GridLayout(1, false));
        lights.put(ConditionState.MET, Swt.dot(root, ColorScale.status(Status.RED), 12));
        lights.put(ConditionState.NOT_MET, Swt.dot(root, ColorScale.status(Status.GREEN), 12));
        lights.put(ConditionState.UNKNOWN, Swt.dot(root, ColorScale.status(Status.UNKNOWN), 12));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(4, false));
        new Label(bar, SWT.NONE).setText(msg.get("scenarios.portfolio"));
        portfolioText = new Text(bar, SWT.BORDER | SWT.SINGLE);
        GridData pd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        pd.widthHint = 320;
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
        statusLabel(bar);

        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = column(sash);
        Composite right = column(sash);
        sash.setWeights(1, 1);

        odds = new Canvas(left, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        GridData od = new GridData(SWT.FILL, SWT.TOP, true, false);
        od.heightHint = ODDS_ROW * 3 + 12;
        odds.setLayoutData(od);
        odds.addListener(SWT.Paint, this::paintOdds);
        odds.addListener(SWT.MouseMove, e -> {
            String tip = oddsTip(e.y);
            if (!java.util.Objects.equals(tip, odds.getToolTipText())) {
                odds.setToolTipText(tip);
            }
        });

        heading(left, "scenarios.conditions");
        conditions = new Tree(left, SWT.BORDER | SWT.FULL_SELECTION);
        conditions.setHeaderVisible(true);
        conditions.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[] cc = {"scenarios.col.condition", "scenarios.col.state", "checklist.col.value",
            "checklist.col.threshold"};
        int[] cw = {300, 110, 80, 90};
        for (int i = 0; i < cc.length; i++) {
            TreeColumn c = new TreeColumn(conditions, i >= 2 ? SWT.RIGHT : SWT.LEFT);
            c.setText(Swt.literal(msg.get(cc[i])));
            c.setWidth(cw[i]);
        }

        heading(right, "scenarios.watch");
        watch = table(right, new String[] {"scenarios.col.condition", "checklist.col.value", "checklist.col.threshold",
            "scenarios.col.scenario", "scenarios.col.ifFlipped"}, new int[] {240, 80, 80, 70, 90});
        heading(right, "scenarios.col.pnl");
        pnl = table(right, new String[] {"scenarios.col.scenario", "scenarios.col.probability", "scenarios.col.pnl"},
                new int[] {220, 90, 110});
        bold = Swt.derivedFont(pnl, 0, SWT.BOLD);

        Group g = new Group(right, SWT.NONE);
        g.setText(msg.get("scenarios.cascade"));
        g.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        g.setLayout(new GridLayout(2, false));
        CascadeParams d = CascadeParams.defaults();
        // Slider units: shock in tenths of a percent, leverage in whole x, depth in USD 100 m per 1%.
        shockLabel = sliderLabel(g);
        shock = slider(g, 0, 200, (int) Math.round(d.shock() * 1000), "cascade.shock");
        leverageLabel = sliderLabel(g);
        leverage = slider(g, 1, 60, (int) Math.round(d.meanLeverage()), "cascade.leverage");
        depthLabel = sliderLabel(g);
        depth = slider(g, 1, 60, (int) Math.round(d.depth() / 1e8), "cascade.depth");
        cascadeResult = new Label(g, SWT.WRAP);
        GridData rd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        rd.widthHint = 400;
        cascadeResult.setLayoutData(rd);
        sliderText();
        refresh();
        recomputeCascade();
    }

    private Composite column(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout l = new GridLayout(1, false);
        l.marginWidth = 0;
        c.setLayout(l);
        return c;
    }

    private void heading(Composite parent, String key) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(Swt.literal(msg.get(key)));
        l.setFont(Swt.derivedFont(l, 1, SWT.BOLD));
    }

    private Table table(Composite parent, String[] keys, int[] widths) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < keys.length; i++) {
            TableColumn c = new TableColumn(t, i == 0 ? SWT.LEFT : SWT.RIGHT);
            c.setText(Swt.literal(msg.get(keys[i])));
            c.setWidth(widths[i]);
        }
        return t;
    }

    private Label sliderLabel(Composite parent) {
        Label l = new Label(parent, SWT.NONE);
        GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gd.widthHint = 210;
        l.setLayoutData(gd);
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
        s.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
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

    /** The shock slider (tenths of a percent); for tests. */
    public Scale shockSlider() {
        return shock;
    }

    /** The cascade's result in words; for tests. */
    public String cascadeText() {
        return cascadeResult.getText();
    }

    /** The parameters the sliders stand for. */
    public CascadeParams params() {
        return CascadeParams.defaults().withShock(shock.getSelection() / 1000.0)
                .withMeanLeverage(leverage.getSelection()).withDepth(depth.getSelection() * 1e8);
    }

    private void usePortfolio(String path) {
        saveSetting("portfolio", path.strip());
        refresh();
    }

    @Override
    protected void refresh() {
        String portfolio = setting("portfolio", null);
        background.run("report", () -> {
            ScenarioReport now = data.scenarios(null, portfolio);
            ScenarioReport before = data.scenarios(LocalDate.parse(now.asOf()).minusDays(1), portfolio);
            return new ScenarioReport[] {now, before};
        }, pair -> {
            showError(null);
            show(pair[0], pair[1], portfolio);
        }, this::showError);
    }

    private void recomputeCascade() {
        CascadeParams p = params();
        background.run("cascade", () -> data.cascade(p), r -> {
            cascade = r;
            cascadeResult.setText(Swt.literal(msg.format("scenarios.cascade.result", pct(r.initialMove()), pct(r.amplifiedMove()),
                    String.format(msg.locale(), "%.1f", r.amplification()), r.rounds(), usd(r.liquidatedNotional()),
                    usd(r.openInterest())) + (r.converged() ? "" : " " + msg.get("scenarios.cascade.notConverged"))));
            cascadeResult.getParent().layout(true);
        }, this::showError);
    }

    private void sliderText() {
        shockLabel.setText(msg.format("scenarios.shock", pct(shock.getSelection() / 1000.0)));
        leverageLabel.setText(msg.format("scenarios.leverage", leverage.getSelection() + "\u00d7"));
        depthLabel.setText(msg.format("scenarios.depth", usd(depth.getSelection() * 1e8)));
    }

    private void show(ScenarioReport now, ScenarioReport before, String portfolio) {
        today = now;
        yesterday = before;
        odds.redraw();
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
        conditions.setRedraw(true);

        watch.removeAll();
        for (WatchItem w : now.watch()) {
            TableItem item = new TableItem(watch, SWT.NONE);
            item.setText(0, w.text());
            item.setText(1, num(w.value()));
            item.setText(2, num(w.threshold()));
            item.setText(3, w.moves() == null ? "" : w.moves());
            item.setText(4, points(w.change()));
        }

        fillPnl(now, portfolio);
        root.layout(true, true);
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
        if (now.expectedPnl() == null) {
            TableItem none = new TableItem(pnl, SWT.NONE);
            none.setText(0, portfolio == null ? msg.get("scenarios.noPortfolio") : portfolio);
        }
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
            return;
        }
        int labelWidth = 0;
        for (ScenarioResult s : r.scenarios()) {
            labelWidth = Math.max(labelWidth, gc.textExtent(s.id() + " \u2014 " + s.name()).x);
        }
        int valueWidth = gc.textExtent("100% (+100.0 pp)").x;
        int x0 = 6 + labelWidth + 8;
        int barMax = Math.max(20, area.width - x0 - valueWidth - 12);
        int y = 6;
        int[] colours = {ColorScale.RED, 0xF0A202, ColorScale.regime(io.tideline.regime.api.Regime.NORMAL)};
        int k = 0;
        for (ScenarioResult s : r.scenarios()) {
            gc.setForeground(odds.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            String label = s.id() + " \u2014 " + s.name();
            Point ext = gc.textExtent(label);
            gc.drawText(label, 6, y + (ODDS_ROW - 6 - ext.y) / 2, true);
            int w = (int) Math.round(s.probability() * barMax);
            gc.setBackground(Swt.color(colours[Math.min(k, colours.length - 1)]));
            gc.fillRectangle(x0, y, Math.max(1, w), ODDS_ROW - 8);
            Double change = change(s);
            String text = pct(s.probability()) + (change == null ? "" : " (" + points(change) + ")");
            if (change != null && Math.abs(change) >= 0.0005) {
                gc.setForeground(Swt.color(change > 0 ? ColorScale.RED : ColorScale.BLUE));
            }
            gc.drawText(text, x0 + w + 6, y + (ODDS_ROW - 6 - ext.y) / 2, true);
            y += ODDS_ROW;
            k++;
        }
    }

    private String oddsTip(int y) {
        ScenarioReport r = today;
        int k = (y - 6) / ODDS_ROW;
        if (r == null || y < 6 || k >= r.scenarios().size()) {
            return null;
        }
        ScenarioResult s = r.scenarios().get(k);
        StringBuilder sb = new StringBuilder(s.id() + " \u2014 " + s.name() + ": " + pct(s.probability()));
        sb.append(" (prior ").append(pct(s.prior())).append(", ").append(r.asOf()).append(')');
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
