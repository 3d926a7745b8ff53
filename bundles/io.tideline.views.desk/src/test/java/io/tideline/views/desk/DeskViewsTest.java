package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tideline.api.alerts.AlertKind;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.desk.FeedStatus;
import io.tideline.regime.api.Regime;
import io.tideline.views.desk.checklist.ChecklistView;
import io.tideline.views.desk.feeds.FeedsView;
import io.tideline.views.desk.heatmap.HeatmapLayout;
import io.tideline.views.desk.heatmap.HeatmapView;
import io.tideline.views.desk.scenarios.ScenariosView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each view in a real shell on a real display, fed known data through {@link FakeDesk}; a
 * screenshot of each goes to {@code target/screenshots/}.
 */
class DeskViewsTest {

    private static final long WAIT = 10_000;
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
    }

    @Test
    void heatmapPaintsTheScaleColoursAtTheCellCentresOfAKnownMatrix() throws Exception {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(900, 700);
        TestContext context = new TestContext(Locale.ENGLISH, Map.of());
        HeatmapView view = new HeatmapView(shell, context, desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.matrix() != null && view.layout() != null && view.layout().n() == 3,
                WAIT, "the matrix to be painted");
        SwtHarness.pump(200);
        ImageData shot = SwtHarness.screenshot(shell, "heatmap");
        assertThat(SwtHarness.colours(shot)).as("distinct colours of the screenshot").isGreaterThan(20);

        HeatmapLayout l = view.layout();
        assertThat(l.cell()).isGreaterThan(20);
        assertPixel(shot, view, l, 0, 0, ColorScale.RED);      // +1
        assertPixel(shot, view, l, 0, 1, ColorScale.BLUE);     // -1
        assertPixel(shot, view, l, 2, 0, ColorScale.WHITE);    // 0
        assertPixel(shot, view, l, 1, 2, ColorScale.diverging(0.5));

        String tip = view.tooltipAt(l.centreX(1), l.centreY(0));
        assertThat(tip).contains("btc (binance:BTCUSDT)", "ndx (yahoo:QQQ)", "-1.00", "window 90", "as of 2026-07-23");
        assertThat(view.tooltipAt(l.sparkX() + 5, l.sparkY() + l.sparkHeight() / 2))
                .contains("correlation(btc, ndx, 90)", "2025-07-2", "btc = binance:BTCUSDT");
        assertThat(view.tooltipAt(1, 1)).isNull();
    }

    /**
     * The morning perspective's desk views side by side on the sample's pinned date: the heatmap's
     * matrix and sparkline are asked as of that day, its caption says the day as the checklist and
     * scenarios do, nothing is stale then; unpinned, the newest data (the checklist's newest day) with
 * the stale series named;
     * pinned to another day, all three follow without being opened again.
     */
    @Test
    void theDeskViewsShowThePinnedDayAndFollowItWhenItChanges() throws Exception {
        FakeDesk desk = new FakeDesk();
        desk.pinned = new io.tideline.api.workspace.WorkspaceDate.Pinned(LocalDate.of(2026, 2, 6),
                io.tideline.api.workspace.WorkspaceDate.SAMPLE_REASON);
        // The sample's shape: rates end 2026-04-13, BTC trades every day to 2026-08-22.
        desk.bars.put(Fixtures.roles().get("us10y"), Fixtures.dailyBars("2025-10-01", "2026-04-13", false));
        desk.bars.put(Fixtures.roles().get("btc"), Fixtures.dailyBars("2025-10-01", "2026-08-22", true));
        desk.bars.put(Fixtures.roles().get("ndx"), Fixtures.dailyBars("2025-10-01", "2026-02-05", false));
        long now = LocalDate.of(2026, 8, 23).toEpochDay() * 86_400_000L;
        // On the 1280-pixel test screen: the scenarios get the room the morning pane gives them.
        shell = SwtHarness.shell(1270, 640);
        org.eclipse.swt.custom.SashForm columns = new org.eclipse.swt.custom.SashForm(shell, org.eclipse.swt.SWT.HORIZONTAL);
        shell.setLayout(new org.eclipse.swt.layout.FillLayout());
        TestContext context = new TestContext(Locale.ENGLISH, Map.of("roles", "btc,ndx,us10y"));
        HeatmapView heatmap = new HeatmapView(columns, context, desk);
        heatmap.clock(() -> now);
        ChecklistView checklist = new ChecklistView(columns, new TestContext(Locale.ENGLISH, Map.of()), desk);
        ScenariosView scenarios = new ScenariosView(columns, new TestContext(Locale.ENGLISH, Map.of()), desk);
        columns.setWeights(32, 30, 38);
        shell.open();
        SwtHarness.pumpUntil(() -> heatmap.caption() != null && heatmap.pinned() != null && checklist.verdict() != null
                && scenarios.report() != null && heatmap.sparkTitle() != null && heatmap.sparkTitle().contains("(2026-02-06)"), WAIT, "the three views as of the pinned day");
        SwtHarness.pump(300);
        SwtHarness.screenshot(shell, "asof-desk-pinned");
        assertThat(desk.matrixDay).as("the matrix is read as of the pinned day").isEqualTo("2026-02-06");
        assertThat(desk.sparkDay).as("the sparkline too").isEqualTo("2026-02-06");
        // A third of 1200 px gets the short caption; either way the day and why.
        assertThat(heatmap.caption()).isIn("Correlation of daily changes over 90 common days, as of 2026-02-06 (the sample's date)",
                "90-day correlation of changes, 2026-02-06 (sample date)");
        assertThat(checklist.verdict().asOf()).isEqualTo("2026-02-06");
        // pinned, the checklist's button back to the default day names that day, never "Latest"
        assertThat(checklist.defaultDayButton().getText()).isEqualTo("Back to 2026-02-06");
        assertThat(checklist.defaultDayButton().getToolTipText()).startsWith("The workspace is as of 2026-02-06 (the sample's date)");
        assertThat(checklist.defaultDayButton().getSize().x).as("the button's text whole").isGreaterThanOrEqualTo(
                checklist.defaultDayButton().computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT).x);
        assertThat(scenarios.report().asOf()).isEqualTo("2026-02-06");
        assertThat(scenarios.asOfLabel().getText()).isEqualTo("2026-02-06 (sample date)");
        assertThat(scenarios.asOfLabel().getToolTipText()).isEqualTo("as of 2026-02-06 (the sample's date)");
        assertThat(scenarios.asOfLabel().getSize().x).as("the day right of the tabs, whole")
                .isGreaterThanOrEqualTo(scenarios.asOfLabel().computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT).x);
        // ndx's Thursday close is a day old at the end of Friday; us10y's bars after the day do not count.
        assertThat(heatmap.staleNote()).as("nothing stale on the sample's date").isNull();

        desk.pin(null);
        // Unpinned, the heatmap is of the checklist's newest day (the fake's 2026-07-23), so both say one date.
        SwtHarness.pumpUntil(() -> "2026-07-23".equals(desk.matrixDay) && heatmap.pinned() == null
                && heatmap.staleNote() != null && "2026-07-23".equals(checklist.verdict().asOf()), WAIT, "the newest data");
        SwtHarness.pump(300);
        SwtHarness.screenshot(shell, "asof-desk-latest");
        assertThat(heatmap.caption()).endsWith("2026-07-23 (newest)");
        SwtHarness.pumpUntil(() -> "Latest".equals(checklist.defaultDayButton().getText()), WAIT, "the Latest button");
        SwtHarness.pumpUntil(() -> "2026-07-23 (newest)".equals(scenarios.asOfLabel().getText()), WAIT, "the scenarios' day");
        assertThat(desk.sparkDay).isEqualTo("latest");
        // us10y: 2026-04-13 to 2026-08-23 is 132 days; ndx: 2026-02-05 is 199 days; btc is a day old.
        assertThat(heatmap.staleNote()).isEqualTo("Stale: ndx 6 mo old, us10y 4 mo old");

        desk.pin(new io.tideline.api.workspace.WorkspaceDate.Pinned(LocalDate.of(2026, 3, 10), "set by you"));
        SwtHarness.pumpUntil(() -> "2026-03-10".equals(desk.matrixDay) && heatmap.pinned() != null
                && "2026-03-10".equals(checklist.verdict().asOf()) && "2026-03-10".equals(scenarios.report().asOf()),
                WAIT, "the views as of 2026-03-10");
        SwtHarness.pump(300);
        assertThat(heatmap.caption()).endsWith("2026-03-10 (pinned)");
        assertThat(scenarios.asOfLabel().getText()).isEqualTo("2026-03-10 (pinned)");
        assertThat(scenarios.asOfLabel().getToolTipText()).isEqualTo("as of 2026-03-10 (set by you)");
        assertThat(desk.sparkDay).isEqualTo("2026-03-10");
        assertThat(heatmap.staleNote()).isEqualTo("Stale: ndx 4 wk old");
    }

    /** The scenarios' day stands right of the tabs only beside all of them: the tabs come first. */
    @Test
    void theScenariosDayGivesWayToTheTabsInANarrowPane() {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(300, 280);
        shell.setLayout(new org.eclipse.swt.layout.FillLayout());
        ScenariosView view = new ScenariosView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null, WAIT, "the report");
        SwtHarness.pump(300);
        assertThat(java.util.Arrays.stream(view.tabs().getItems()).filter(org.eclipse.swt.custom.CTabItem::isShowing))
                .as("every tab in sight, none behind a chevron").hasSize(4);
        assertThat(view.asOfLabel().isVisible()).as("no room for the day").isFalse();
        shell.setSize(620, 280);
        SwtHarness.pumpUntil(() -> view.asOfLabel().isVisible(), WAIT, "the day right of the tabs");
        SwtHarness.pump(300);
        assertThat(view.asOfLabel().getText()).isEqualTo("2026-07-23 (newest)");
        assertThat(view.asOfLabel().getSize().x).isGreaterThanOrEqualTo(view.asOfLabel().computeSize(
                org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT).x);
        assertThat(java.util.Arrays.stream(view.tabs().getItems()).filter(org.eclipse.swt.custom.CTabItem::isShowing)).hasSize(4);
    }

    @Test
    void heatmapWindowChoiceIsSavedAndReloads() {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(700, 500);
        TestContext context = new TestContext(Locale.ENGLISH, Map.of("roles", "btc, ndx ,us10y", "window", "30"));
        HeatmapView view = new HeatmapView(shell, context, desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.matrix() != null, WAIT, "the matrix");
        int calls = desk.matrixCalls.get();
        org.eclipse.swt.widgets.Combo combo = findCombo(view.control());
        assertThat(combo.getText()).isEqualTo("30 days");
        combo.select(3);
        combo.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        SwtHarness.pumpUntil(() -> desk.matrixCalls.get() > calls, WAIT, "a reload");
        assertThat(context.settings()).containsEntry("window", "180").containsEntry("roles", "btc, ndx ,us10y");
    }

    private static org.eclipse.swt.widgets.Combo findCombo(org.eclipse.swt.widgets.Composite c) {
        for (org.eclipse.swt.widgets.Control child : c.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Combo combo) {
                return combo;
            }
            if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                org.eclipse.swt.widgets.Combo found = findCombo(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void assertPixel(ImageData shot, HeatmapView view, HeatmapLayout l, int row, int col, int rgb) {
        Point p = view.canvas().toDisplay(l.centreX(col), l.centreY(row));
        Rectangle b = view.control().getShell().getBounds();
        RGB actual = SwtHarness.rgb(shot, p.x - b.x, p.y - b.y);
        int[] want = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
        assertThat(new int[] {actual.red, actual.green, actual.blue})
                .as("colour at the centre of cell (%d, %d)", row, col)
                .satisfies(got -> {
                    for (int k = 0; k < 3; k++) {
                        assertThat(Math.abs(got[k] - want[k])).as("channel %d of %s vs %s", k, actual,
                                Integer.toHexString(rgb)).isLessThanOrEqualTo(2);
                    }
                });
    }

    @Test
    void checklistShowsTheVerdictStepsEvidenceAndTimelineAndOpensPastDays(@TempDir Path dir) throws Exception {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(1100, 700);
        ChecklistView view = new ChecklistView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.verdict() != null && !view.timeline().days().isEmpty(), WAIT,
                "the verdict and the timeline");
        assertThat(view.verdict().regime()).isEqualTo(Regime.VOLATILITY_EVENT);
        assertThat(view.tree().getItemCount()).isEqualTo(5);
        TreeItem macro = view.tree().getItem(0);
        assertThat(macro.getText(0)).isEqualTo("Macro  red");
        assertThat(macro.getItemCount()).isEqualTo(2);
        macro.setExpanded(true);
        TreeItem tenYear = macro.getItem(0);
        assertThat(tenYear.getText(2)).isEqualTo("22.0");
        assertThat(tenYear.getText(3)).isEqualTo("15.0");
        assertThat(tenYear.getText(4)).contains("15 bp");
        assertThat(tenYear.getText(5)).isEqualTo("us10y = fred:DGS10 @ 2026-07-23");
        assertThat(view.timeline().days()).hasSize(365);
        assertThat(view.timeline().days().get(364).asOf()).isEqualTo("2026-07-23");
        view.tree().getItem(3).setExpanded(true);
        SwtHarness.pump(300);
        assertThat(view.verdict().regime()).as("no second load: showing the latest day is not a user's pick")
                .isEqualTo(Regime.VOLATILITY_EVENT);
        ImageData shot = SwtHarness.screenshot(shell, "checklist");
        assertThat(SwtHarness.colours(shot)).isGreaterThan(20);

        view.choose(LocalDate.parse("2026-01-15"));
        SwtHarness.pumpUntil(() -> view.verdict().asOf().equals("2026-01-15"), WAIT, "the past day");
        assertThat(view.verdict().regime()).isEqualTo(Regime.TREND_BREAK);

        Path report = dir.resolve("report.html");
        view.report().write(view.verdict(), null, report);
        SwtHarness.pumpUntil(() -> Files.exists(report) && !view.control().isDisposed(), WAIT, "the report");
        SwtHarness.pump(200);
        assertThat(Files.readString(report)).contains("Trend break", "2026-01-15", "Probability-weighted");
    }

    @Test
    void scenariosShowOddsConditionsWatchPnlAndRecomputeTheCascadeFromTheSliders() throws Exception {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(1200, 720);
        TestContext context = new TestContext(Locale.ENGLISH, Map.of("portfolio", "/tmp/book.json"));
        ScenariosView view = new ScenariosView(shell, context, desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null && view.cascade() != null, WAIT, "scenarios and cascade");
        assertThat(desk.lastPortfolio).isEqualTo("/tmp/book.json");
        // Three scenarios, then the probability-weighted row: 0.45*-42000 + 0.35*-18000 + 0.20*23000.
        assertThat(view.pnlTable().getItemCount()).isEqualTo(4);
        assertThat(view.pnlTable().getItem(0).getText(0)).isEqualTo("A \u2014 Liquidity squeeze ");
        assertThat(view.pnlTable().getItem(0).getText(2)).isEqualTo("-42,000");
        assertThat(view.pnlTable().getItem(0).getText(3)).isEqualTo("-27,000");
        TableItemCheck.weighted(view.pnlTable().getItem(3), "Probability-weighted", "-20,600",
                // btc: 0.45*-27000 + 0.35*-12000 + 0.20*15000 = -13350
                "-13,350");
        assertThat(view.conditionsTree().getItemCount()).isEqualTo(3);
        assertThat(view.conditionsTree().getItem(0).getItem(0).getText(1)).isEqualTo("met");
        assertThat(view.watchTable().getItem(0).getText(4)).isEqualTo("+20.0 pp");
        SwtHarness.pump(200);
        ImageData shot = SwtHarness.screenshot(shell, "scenarios");
        assertThat(SwtHarness.colours(shot)).isGreaterThan(20);

        int calls = desk.cascadeCalls.get();
        view.shockSlider().setSelection(50);
        view.shockSlider().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        SwtHarness.pumpUntil(() -> desk.cascadeCalls.get() > calls && view.cascade() != null
                && Math.abs(view.cascade().initialMove() - 0.05) < 1e-12, WAIT, "the cascade at a 5% shock");
        assertThat(view.cascadeText()).startsWith("A 5.0% fall becomes");
        // the model's spread (the fixture: p10 the shock, p50 the amplified fall, p90 1.8 times it)
        double amplified = view.cascade().amplifiedMove();
        assertThat(view.cascadeText()).contains(String.format(java.util.Locale.ENGLISH,
                "open interest; over markets of uncertain depth and leverage: p10 5.0%%, median %.1f%%, p90 %.1f%%.", 100 * amplified,
                100 * Math.min(0.95, amplified * 1.8)));
        // the sliders stand in the day's market, as scenario B's BTC cascade read it (funding 50% a year)
        assertThat(view.cascade().params().crowding().fundingAnnual()).isEqualTo(0.5);
        assertThat(view.cascadeText()).endsWith(" Crowding 1.56 (0: uncrowded), from the funding and open interest of"
                + " the day shown, as in scenario B.");
        view.tabs().setSelection(3);
        SwtHarness.pump(300);
        SwtHarness.screenshot(shell, "scenarios-cascade");
        assertThat(context.settings()).containsEntry("cascade.shock", "50");
    }

    /** Checks of one table row. */
    private static final class TableItemCheck {
        static void weighted(org.eclipse.swt.widgets.TableItem row, String label, String total, String btc) {
            assertThat(row.getText(0)).isEqualTo(label);
            assertThat(row.getText(2)).isEqualTo(total);
            assertThat(row.getText(3)).isEqualTo(btc);
        }
    }

    /** The tooltip of a table's cell, as the mouse over it shows it. */
    private static String hover(Table table, int row, int column) {
        Rectangle cell = table.getItem(row).getBounds(column);
        org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
        move.x = cell.x + Math.min(cell.width, table.getClientArea().width - cell.x) / 2;
        move.y = cell.y + cell.height / 2;
        table.notifyListeners(org.eclipse.swt.SWT.MouseMove, move);
        return table.getToolTipText();
    }

    /** A checklist crossing as the alerts bundle fires it. */
    static TrackedAlert crossing(long timeMillis) {
        return FakeDesk.alert("crossing", AlertKind.CHECKLIST_CROSSING, timeMillis, "2026-07-23",
                "us10y change-bp(5)", "below", "above", 17.5, 15.0,
                "us10y = fred:DGS10 \u2014 10Y up >= 15 bp in 5 days is adverse", Map.of());
    }

    @Test
    void inTeamModeTheFeedsViewShowsTheCollectorsRecordSayingWhoseAndHowOld() throws Exception {
        FakeDesk desk = new FakeDesk();
        long recorded = System.currentTimeMillis() - 7 * 60_000;
        desk.feeds = List.of(new FeedStatus("fred", 12, new io.tideline.api.feed.FeedHealth(
                io.tideline.api.feed.FeedHealth.State.DOWN, recorded - 86_400_000L, "HTTP 429: rate limited"),
                "desk1 (pid 4242)", recorded, List.of("fred:DGS10", "fred:DGS2"), recorded + 30 * 60_000));
        shell = SwtHarness.shell(1000, 600);
        FeedsView view = new FeedsView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.feedsTable().getItemCount() == 1
                && view.feedsTitle().startsWith("Feeds as the collector"), WAIT, "the collector's record");

        assertThat(view.feedsTitle()).isEqualTo("Feeds as the collector desk1 (pid 4242) recorded them at "
                + io.tideline.views.desk.Trace.time(recorded) + " (7 min old)");
        assertThat(view.feedsTable().getItem(0).getText(1)).isEqualTo("down");
        assertThat(view.feedsTable().getItem(0).getText(2)).isEqualTo("12");
        assertThat(view.feedsTable().getItem(0).getText(4))
                .isEqualTo("HTTP 429: rate limited; stale: fred:DGS10, fred:DGS2");
        assertThat(view.feedsTable().getItem(0).getText(5)).as("when the collector runs it next")
                .isEqualTo(io.tideline.views.desk.Trace.time(recorded + 30 * 60_000));
    }

    @Test
    void feedsViewListsHealthAndTheAlertsBundlesAlertsAndNotifiesNewOnes() throws Exception {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(1000, 600);
        TestContext context = new TestContext(Locale.GERMAN, Map.of("notify", "true"));
        FeedsView view = new FeedsView(shell, context, desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.feedsTable().getItemCount() == 3 && view.alertsTable().getItemCount() == 3,
                WAIT, "feeds and alerts");
        assertThat(view.feedsTable().getItem(1).getText(0)).isEqualTo("fred");
        assertThat(view.feedsTable().getItem(1).getText(1)).isEqualTo("ausgefallen");
        assertThat(view.feedsTable().getItem(1).getText(4)).contains("HTTP 503");
        assertThat(view.feedsTable().getItem(1).getText(5)).as("no scheduled run known").isEqualTo("bei Bedarf");
        Table alerts = view.alertsTable();
        // The columns settle as the shell lays out; hover once they have.
        SwtHarness.pump(200);
        // Newest first, each worded from its fields in the user's language, with where it went.
        assertThat(alerts.getItem(0).getText(1)).isEqualTo("Schwelle");
        assertThat(alerts.getItem(0).getText(2)).isEqualTo("spx liegt unter 4.000: 3.912,5 (Stand 2026-07-23)");
        assertThat(alerts.getItem(0).getText(3)).isEqualTo("banner \u2713, webhook \u2717");
        // Hovering the delivery cell gives each channel's state in full; the message, where it comes from.
        assertThat(hover(alerts, 0, 3))
                .isEqualTo("banner: delivered\nwebhook: failed: HTTP 503 from https://hooks.example.com after 3 attempts");
        assertThat(hover(alerts, 0, 2))
                .isEqualTo("spx liegt unter 4.000: 3.912,5 (Stand 2026-07-23)\nHerkunft: spx = yahoo:^GSPC");
        assertThat(alerts.getItem(1).getText(1)).isEqualTo("Stufe");
        assertThat(alerts.getItem(1).getText(2)).isEqualTo("Checklisten-Stufe wechselte von 2 zu 4 (Stand 2026-07-23)");
        assertThat(alerts.getItem(2).getText(2))
                .isEqualTo("Regime wechselte von Normal zu Volatilitätsereignis (Stand 2026-07-22)");

        desk.fire(crossing(1_784_900_000_000L));
        SwtHarness.pumpUntil(() -> alerts.getItemCount() == 4, WAIT, "the new alert");
        assertThat(alerts.getItem(0).getText(1)).isEqualTo("Checkliste");
        assertThat(alerts.getItem(0).getText(2))
                .isEqualTo("us10y change-bp(5) liegt jetzt über der Schwelle 15: aktuell 17,5 (Stand 2026-07-23)");
        assertThat(alerts.getItem(0).getText(3)).isEqualTo("noch nicht");
        assertThat(hover(alerts, 0, 2)).endsWith(
                "\nHerkunft: us10y = fred:DGS10 \u2014 10Y up >= 15 bp in 5 days is adverse");
        assertThat(view.bannerText()).contains("us10y change-bp(5)");
        assertThat(context.statuses).anySatisfy(m -> assertThat(m).startsWith("Tideline-Alarm: us10y change-bp(5)"));
        SwtHarness.pump(200);
        ImageData shot = SwtHarness.screenshot(shell, "feeds");
        assertThat(SwtHarness.colours(shot)).isGreaterThan(10);
        assertThatCode(shell::dispose).doesNotThrowAnyException();
        assertThat(desk.listeners).as("the view unsubscribes when disposed").isEmpty();
    }

    @Test
    void withoutTheAlertsBundleTheAlertListSaysAlertsAreOffUntilItComes() throws Exception {
        FakeDesk desk = new FakeDesk();
        desk.alertsRunning = false;
        shell = SwtHarness.shell(1000, 600);
        FeedsView view = new FeedsView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        shell.open();
        Table alerts = view.alertsTable();
        SwtHarness.pumpUntil(() -> alerts.getItemCount() == 1, WAIT, "the alert list");
        assertThat(alerts.getItem(0).getText(2)).isEqualTo("Alerts are off: the alerts bundle is not running");
        SwtHarness.screenshot(shell, "feeds-alerts-off");

        desk.alerts.clear();
        desk.alertsRunning(true);
        SwtHarness.pumpUntil(() -> alerts.getItem(0).getText(2).equals("No alerts yet"), WAIT, "no alerts yet");
        desk.fire(crossing(1_784_900_000_000L));
        SwtHarness.pumpUntil(() -> alerts.getItemCount() == 1 && alerts.getItem(0).getText(1).equals("checklist"),
                WAIT, "the first alert in place of the line");
        assertThat(alerts.getItem(0).getText(2))
                .isEqualTo("us10y change-bp(5) moved above its threshold 15: now 17.5 (as of 2026-07-23)");

        desk.alertsRunning(false);
        SwtHarness.pumpUntil(() -> alerts.getItemCount() == 1
                && alerts.getItem(0).getText(2).equals("Alerts are off: the alerts bundle is not running"), WAIT,
                "alerts off again");
    }
}
