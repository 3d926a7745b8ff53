package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.alerts.AlertKind;
import io.tideline.scenario.api.ConditionResult;
import io.tideline.scenario.api.ConditionState;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.views.desk.checklist.ChecklistView;
import io.tideline.views.desk.feeds.FeedsView;
import io.tideline.views.desk.heatmap.HeatmapView;
import io.tideline.views.desk.scenarios.ScenariosView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The views at the sizes the workbench's perspectives give them on a 1280&times;900 screen
 * (morning: scenarios 780&times;330, checklist 460&times;700, feeds 470&times;680; crypto:
 * scenarios 620&times;250, feeds 620&times;230; heatmap 490&times;250), in English, German and
 * Chinese: every part must be on screen with a positive size, and text must not be cut where
 * the view promises it whole. Screenshots go to {@code target/screenshots/compact-*.png}.
 */
class CompactViewsTest {

    private static final long WAIT = 10_000;
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
    }

    private static Locale locale(String tag) {
        return Locale.forLanguageTag(tag);
    }

    @ParameterizedTest(name = "scenarios {1}x{2} {0}")
    @CsvSource({"en, 780, 330", "en, 620, 250", "de, 620, 250", "zh, 620, 250"})
    void scenariosKeepOddsAndEveryTabLegibleInASmallPane(String lang, int width, int height) throws Exception {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(width, height);
        ScenariosView view = new ScenariosView(shell, new TestContext(locale(lang), Map.of("portfolio", "/tmp/book.json")),
                desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null && view.cascade() != null && view.oddsBars().length == 3,
                WAIT, "the odds to be painted");
        SwtHarness.pump(200);
        String name = "compact-scenarios-" + width + "x" + height + "-" + lang;
        ImageData shot = SwtHarness.screenshot(shell, name + "-conditions");

        // The odds strip spans the view and holds all three rows.
        Rectangle canvas = view.oddsCanvas().getClientArea();
        assertThat(canvas.width).as("odds strip width").isGreaterThan(width - 20);
        Rectangle[] bars = view.oddsBars();
        Rectangle[] values = view.oddsValues();
        assertThat(bars[2].y + bars[2].height).as("last bar inside the strip").isLessThanOrEqualTo(canvas.height);
        for (int k = 0; k < 3; k++) {
            assertThat(bars[k].width).as("bar %d width", k).isGreaterThan(10);
            assertThat(bars[k].height).as("bar %d height", k).isGreaterThan(8);
            assertThat(values[k].x + values[k].width).as("the %% text of bar %d ends inside the strip", k)
                    .isLessThanOrEqualTo(canvas.width);
        }
        // Bars are proportional to the odds: A 45%, C 20% (2 px for rounding).
        double unit = bars[0].width / 0.45;
        assertThat((double) bars[2].width).isCloseTo(0.20 * unit, org.assertj.core.data.Offset.offset(2.0));
        assertThat(bars[0].width).as("a 45%% bar is a real share of the strip").isGreaterThan(canvas.width / 8);
        // Colours by what the scenario does, not its letter: A's shocks average a fall (tail, red),
        // B a small fall (red too), C a rally of +7% (green); the legend line says so.
        assertColour(shot, view.oddsCanvas(), bars[0].x + bars[0].width / 2, bars[0].y + bars[0].height / 2,
                ColorScale.RED);
        assertColour(shot, view.oddsCanvas(), bars[2].x + bars[2].width / 2, bars[2].y + bars[2].height / 2,
                io.tideline.views.desk.scenarios.ScenariosView.RALLY);
        if (height >= 300) {
            assertThat(view.legendText()).contains(Messages.of(locale(lang)).format("scenarios.legend.tail"));
        }

        CTabFolder tabs = view.tabs();
        assertThat(tabs.getItemCount()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(tabs.getItem(i).isShowing()).as("tab %d header on screen (no chevron)", i).isTrue();
        }
        String[] tabNames = {"conditions", "watch", "pnl", "cascade"};
        for (int i = 0; i < 4; i++) {
            tabs.setSelection(i);
            SwtHarness.pump(150);
            Control content = tabs.getItem(i).getControl();
            assertVisible(content, "tab " + tabNames[i], 60);
            if (i > 0) {
                SwtHarness.screenshot(shell, name + "-" + tabNames[i]);
            }
        }
        tabs.setSelection(0);
        SwtHarness.pump(100);
        assertVisible(view.conditionsTree(), "conditions", 60);
        assertThat(view.conditionsTree().getItemCount()).isEqualTo(3);
        assertThat(view.conditionsTree().getColumn(0).getWidth()).as("condition column").isGreaterThanOrEqualTo(160);
        tabs.setSelection(1);
        SwtHarness.pump(100);
        assertVisible(view.watchTable(), "watch list", 40);
        assertThat(view.watchEmptyReason()).isNull();
        tabs.setSelection(2);
        SwtHarness.pump(100);
        assertButtonsWhole(view.control());
        assertVisible(view.pnlTable(), "P&L table", view.pnlTable().getHeaderHeight() + view.pnlTable().getItemHeight());
        assertThat(tabs.getItem(2).getText()).as("weighted P&L on the tab").contains("20");
        assertThat(view.pnlEmptyReason()).isNull();
        assertThat(view.pnlTable().getItemCount()).isEqualTo(4);
        tabs.setSelection(3);
        SwtHarness.pump(100);
        assertVisible(view.cascadeResultLabel(), "cascade result", 10);
        assertVisible(view.shockSlider(), "shock slider", 10);
        assertThat(view.cascadeText()).isNotBlank();
        // The cascade body is at least as tall as its content, so a short pane scrolls it.
        Point need = view.cascadeBody().computeSize(view.cascadeBody().getSize().x, SWT.DEFAULT);
        assertThat(view.cascadeBody().getSize().y).isGreaterThanOrEqualTo(need.y);
    }

    @ParameterizedTest(name = "scenarios empty reasons {0}")
    @CsvSource({"en", "de", "zh"})
    void scenariosSayWhyWatchAndPnlAreEmpty(String lang) throws Exception {
        FakeDesk desk = new FakeDesk() {
            @Override
            public ScenarioReport scenarios(LocalDate day, String portfolioFile) {
                ScenarioReport r = super.scenarios(day, portfolioFile);
                List<ConditionResult> unknown = new ArrayList<>();
                for (ConditionResult c : r.conditions()) {
                    unknown.add(new ConditionResult(c.id(), c.text(), ConditionState.UNKNOWN, null, c.threshold(),
                            c.comparison(), 1, c.likelihood(), "no data for " + c.id()));
                }
                return new ScenarioReport(r.asOf(), r.scenarios(), null, null, null, List.of(), List.of(), unknown,
                        r.pack(), List.of());
            }
        };
        shell = SwtHarness.shell(620, 250);
        ScenariosView view = new ScenariosView(shell, new TestContext(locale(lang), Map.of("tab", "1")), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null, WAIT, "the report");
        SwtHarness.pump(200);
        assertThat(view.tabs().getSelectionIndex()).as("the saved tab").isEqualTo(1);
        assertThat(view.watchEmptyReason()).contains("2026-07-23", "no data for vix.high");
        if (lang.equals("en")) {
            assertThat(view.watchEmptyReason()).contains("every condition is unknown on 2026-07-23");
        }
        assertVisible(view.watchEmptyLabel(), "the watch list's empty reason", 15);
        assertThat(view.watchTable().getVisible()).isFalse();
        SwtHarness.screenshot(shell, "compact-scenarios-empty-watch-" + lang);
        view.tabs().setSelection(2);
        SwtHarness.pump(150);
        assertThat(view.pnlEmptyReason()).isEqualTo(Messages.of(locale(lang)).get("scenarios.noPortfolio"));
        SwtHarness.screenshot(shell, "compact-scenarios-empty-pnl-" + lang);
    }

    @ParameterizedTest(name = "feeds {1}x{2} {0}")
    @CsvSource({"en, 620, 230", "en, 470, 680", "de, 620, 230", "zh, 620, 230"})
    void feedsShareTheHeightAndShowTheFullErrorOnHover(String lang, int width, int height) throws Exception {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(width, height);
        TestContext context = new TestContext(locale(lang), Map.of());
        FeedsView view = new FeedsView(shell, context, desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.feedsTable().getItemCount() == 3 && view.alertsTable().getItemCount() == 3,
                WAIT, "feeds and alerts");
        SwtHarness.pump(200);
        String name = "compact-feeds-" + width + "x" + height + "-" + lang;
        SwtHarness.screenshot(shell, name);
        Table feeds = view.feedsTable();
        Table alerts = view.alertsTable();
        // Each table shows its header and at least two rows.
        assertVisible(feeds, "feeds table", feeds.getHeaderHeight() + 2 * feeds.getItemHeight());
        assertVisible(alerts, "alert log", alerts.getHeaderHeight() + alerts.getItemHeight());
        // The last error column is on screen (shown third), not pushed off to the right.
        assertThat(feeds.getItem(1).getBounds(4).x + 60).as("last error column on screen")
                .isLessThanOrEqualTo(feeds.getClientArea().width);
        // The last error fills the rest of the visible width.
        int sum = 0;
        for (int i = 0; i < feeds.getColumnCount(); i++) {
            sum += feeds.getColumn(i).getWidth();
        }
        assertThat(sum).as("feeds columns span the visible width").isGreaterThanOrEqualTo(feeds.getClientArea().width - 1);
        assertThat(feeds.getColumn(4).getWidth()).isGreaterThanOrEqualTo(160);
        assertButtonsWhole(view.control());

        // Hovering the error cell gives the whole error as the tooltip.
        Rectangle cell = feeds.getItem(1).getBounds(4);
        Event move = new Event();
        move.x = cell.x + Math.min(cell.width, feeds.getClientArea().width - cell.x) / 2;
        move.y = cell.y + cell.height / 2;
        feeds.notifyListeners(SWT.MouseMove, move);
        assertThat(feeds.getToolTipText()).isEqualTo("HTTP 503 from the FRED API for DGS10");
        move.y = cell.y + cell.height * 5 + 200;
        feeds.notifyListeners(SWT.MouseMove, move);
        assertThat(feeds.getToolTipText()).as("no tip below the rows").isNull();

        // Notices are off by default: a new alert is logged, no banner, nothing in the status bar.
        assertThat(view.notifying()).isFalse();
        desk.fire(DeskViewsTest.crossing(1_784_900_000_000L));
        SwtHarness.pumpUntil(() -> alerts.getItemCount() == 4, WAIT, "the new alert");
        assertThat(view.bannerText()).isNull();
        assertThat(context.statuses).isEmpty();
        view.setNotifying(true);
        assertThat(context.settings()).containsEntry("notify", "true");
        desk.fire(FakeDesk.alert("regime", AlertKind.REGIME_CHANGE, 1_784_900_100_000L, "2026-07-23", "regime",
                "NORMAL", "TREND_BREAK", null, null, "checklist", Map.of("banner", "delivered")));
        SwtHarness.pumpUntil(() -> alerts.getItemCount() == 5, WAIT, "the second alert");
        SwtHarness.pump(150);
        assertThat(view.bannerText()).contains("2026-07-23");
        assertThat(context.statuses).hasSize(1);
        assertVisible(alerts, "alert log under the banner", alerts.getHeaderHeight() + alerts.getItemHeight());
        SwtHarness.screenshot(shell, name + "-banner");
    }

    @ParameterizedTest(name = "checklist {0}")
    @CsvSource({"en", "de", "zh"})
    void checklistSummaryFitsTheVisibleWidthAndReadsInFull(String lang) throws Exception {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(460, 700);
        ChecklistView view = new ChecklistView(shell, new TestContext(locale(lang), Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.verdict() != null && !view.timeline().days().isEmpty(), WAIT, "the verdict");
        SwtHarness.pump(200);
        var tree = view.tree();
        int client = tree.getClientArea().width;
        int step = tree.getColumn(0).getWidth();
        int summary = tree.getColumn(1).getWidth();
        assertThat(step + summary).as("step and summary inside the visible width").isLessThanOrEqualTo(client);
        assertThat(summary).as("summary width").isGreaterThanOrEqualTo(200);
        GC gc = new GC(tree);
        try {
            for (TreeItem item : tree.getItems()) {
                assertThat(gc.textExtent(item.getText(1)).x).as("summary '%s' fits its column", item.getText(1))
                        .isLessThan(summary - 8);
                assertThat(gc.textExtent(item.getText(0)).x + 40).as("step '%s' fits", item.getText(0))
                        .isLessThanOrEqualTo(step);
            }
        } finally {
            gc.dispose();
        }
        // Hover and selection both give the whole text.
        TreeItem macro = tree.getItem(0);
        Rectangle cell = macro.getBounds(1);
        Event move = new Event();
        move.x = cell.x + 20;
        move.y = cell.y + cell.height / 2;
        tree.notifyListeners(SWT.MouseMove, move);
        assertThat(tree.getToolTipText()).isEqualTo(macro.getText(1));
        tree.setSelection(macro);
        Event sel = new Event();
        sel.item = macro;
        tree.notifyListeners(SWT.Selection, sel);
        SwtHarness.pump(100);
        assertThat(view.detail().getText()).endsWith(macro.getText(1));
        assertVisible(view.detail(), "the detail line", 10);
        assertVisible(view.timeline().control(), "the regime strip", 10);
        assertButtonsWhole(view.control());
        SwtHarness.screenshot(shell, "compact-checklist-460x700-" + lang);
    }

    @ParameterizedTest(name = "heatmap {0}")
    @CsvSource({"en", "de", "zh"})
    void heatmapCaptionsAreWholeAt490x250(String lang) throws Exception {
        FakeDesk desk = new FakeDesk();
        // 490x290 gives the view about 490x250 inside the test shell, as in the macro perspective.
        shell = SwtHarness.shell(490, 290);
        HeatmapView view = new HeatmapView(shell, new TestContext(locale(lang), Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.matrix() != null && view.caption() != null && view.sparkTitle() != null
                && view.sparkTitle().contains("2026-07-23"), WAIT, "captions");
        SwtHarness.pump(200);
        SwtHarness.screenshot(shell, "compact-heatmap-490x250-" + lang);
        assertThat(view.caption()).contains("90", "2026-07-23").doesNotContain("\u2026");
        assertThat(view.sparkTitle()).contains("2026-07-23").doesNotContain("\u2026");
        int width = view.canvas().getClientArea().width;
        GC gc = new GC(view.canvas());
        try {
            assertThat(gc.textExtent(view.caption()).x).isLessThanOrEqualTo(width - 8);
            assertThat(gc.textExtent(view.sparkTitle()).x).isLessThanOrEqualTo(width - view.layout().sparkX());
        } finally {
            gc.dispose();
        }
    }

    /** Every visible button (and check box) lies wholly inside the shell, its text not cut. */
    private static void assertButtonsWhole(org.eclipse.swt.widgets.Composite parent) {
        for (Control c : parent.getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Button b && b.isVisible()) {
                Rectangle area = b.getShell().getClientArea();
                Point at = b.getShell().toControl(b.getParent().toDisplay(b.getLocation()));
                assertThat(at.x + b.getSize().x).as("button '%s' right edge", b.getText())
                        .isLessThanOrEqualTo(area.width);
                assertThat(b.getSize().x).as("button '%s' as wide as its text", b.getText())
                        .isGreaterThanOrEqualTo(b.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
            } else if (c instanceof org.eclipse.swt.widgets.Composite inner && c.isVisible()) {
                assertButtonsWhole(inner);
            }
        }
    }

    private static void assertVisible(Control c, String what, int minHeight) {
        assertThat(c.isVisible()).as("%s visible", what).isTrue();
        Point size = c.getSize();
        assertThat(size.x).as("%s width", what).isGreaterThan(20);
        assertThat(size.y).as("%s height", what).isGreaterThanOrEqualTo(minHeight);
        // Whole control inside the shell's client area.
        Rectangle shellArea = c.getShell().getClientArea();
        // From the location in the parent: on GTK a table's own (0, 0) lies under its header.
        Point origin = c.getShell().toControl(c.getParent().toDisplay(c.getLocation()));
        assertThat(origin.y + Math.min(size.y, minHeight)).as("%s starts on screen", what)
                .isLessThanOrEqualTo(shellArea.height);
        assertThat(origin.x + 20).as("%s starts on screen horizontally", what).isLessThanOrEqualTo(shellArea.width);
    }

    private static void assertColour(ImageData shot, Control control, int x, int y, int rgb) {
        Point p = control.toDisplay(x, y);
        Rectangle b = control.getShell().getBounds();
        RGB actual = SwtHarness.rgb(shot, p.x - b.x, p.y - b.y);
        int[] want = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
        int[] got = {actual.red, actual.green, actual.blue};
        for (int k = 0; k < 3; k++) {
            assertThat(Math.abs(got[k] - want[k])).as("channel %d of %s vs %s", k, actual, Integer.toHexString(rgb))
                    .isLessThanOrEqualTo(2);
        }
    }
}
