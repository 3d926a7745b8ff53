package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.desk.FeedStatus;
import io.tideline.views.desk.checklist.ChecklistView;
import io.tideline.views.desk.feeds.FeedsView;
import io.tideline.views.desk.heatmap.HeatmapView;
import io.tideline.views.desk.scenarios.ScenariosView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No text cut mid-letter in the desk views at the perspectives' sizes: every table and tree cell
 * shows its whole text or its text cut with "…" within the cell (SWT text extent against the
 * cell's text area), with the whole text one hover away; the heatmap writes its numbers in the
 * cells and gives its sparkline a y-axis. Screenshots in {@code target/screenshots/clip-*.png}.
 */
class NoClippedTextTest {

    private static final long WAIT = 10_000;
    /** Long enough to overflow any column at these sizes. */
    private static final String LONG = "(stale: the newest bar of us10y is 2025-12-30, older than twice its cadence)";
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
    }

    /** What each cell shows, checked against its text area; returns how many cells were cut. */
    private static int assertCellsFit(Control owner, String what) {
        return assertCellsFit(owner, what, Integer.MAX_VALUE);
    }

    /**
     * As {@link #assertCellsFit(Control, String)}; only columns below {@code inSight} must be
     * within the visible width (the checklist's evidence columns lie to the right, by design).
     */
    private static int assertCellsFit(Control owner, String what, int inSight) {
        List<String[]> cells = new ArrayList<>();
        List<Rectangle[]> areas = new ArrayList<>();
        if (owner instanceof Table t) {
            for (TableItem item : t.getItems()) {
                for (int i = 0; i < Math.max(1, t.getColumnCount()); i++) {
                    cells.add(new String[] {item.getText(i), Integer.toString(i)});
                    areas.add(new Rectangle[] {item.getBounds(i), item.getTextBounds(i)});
                }
            }
        } else if (owner instanceof Tree t) {
            List<TreeItem> all = new ArrayList<>(List.of(t.getItems()));
            for (int k = 0; k < all.size(); k++) {
                all.addAll(List.of(all.get(k).getItems()));
            }
            for (TreeItem item : all) {
                for (int i = 0; i < Math.max(1, t.getColumnCount()); i++) {
                    cells.add(new String[] {item.getText(i), Integer.toString(i)});
                    areas.add(new Rectangle[] {item.getBounds(i), item.getTextBounds(i)});
                }
            }
        }
        int cut = 0;
        GC gc = new GC(owner);
        try {
            for (int k = 0; k < cells.size(); k++) {
                String text = cells.get(k)[0];
                if (text.isEmpty() || areas.get(k)[0].width == 0) {
                    continue;
                }
                int width = Swt.textWidth(areas.get(k)[0], areas.get(k)[1]);
                // Nor cut by the edge of the view: every column is in sight, no sideways scrolling.
                Rectangle client = ((org.eclipse.swt.widgets.Scrollable) owner).getClientArea();
                if (Integer.parseInt(cells.get(k)[1]) < inSight) {
                    assertThat(areas.get(k)[0].x + areas.get(k)[0].width).as("%s: the cell of '%s' ends in sight", what, text)
                            .isLessThanOrEqualTo(client.x + client.width + 1);
                }
                String shown = Swt.cellText(gc, text, width);
                assertThat(gc.textExtent(shown).x).as("%s: '%s' shown as '%s' in %d px", what, text, shown, width)
                        .isLessThanOrEqualTo(Math.max(width, gc.textExtent("\u2026").x));
                if (!shown.equals(text)) {
                    assertThat(shown).as(what + ": a cut cell ends in an ellipsis").endsWith("\u2026");
                    cut++;
                }
            }
        } finally {
            gc.dispose();
        }
        return cut;
    }

    @Test
    void scenariosCutLongConditionsWithAnEllipsis() throws Exception {
        FakeDesk desk = new FakeDesk();
        desk.scenarioText = LONG;
        shell = SwtHarness.shell(620, 250);
        ScenariosView view = new ScenariosView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null && view.conditionsTree().getItemCount() > 0, WAIT, "conditions");
        for (TreeItem item : view.conditionsTree().getItems()) {
            item.setExpanded(true);
        }
        SwtHarness.pump(300);
        SwtHarness.screenshot(shell, "clip-scenarios-620x250");
        assertThat(assertCellsFit(view.conditionsTree(), "conditions")).as("the long condition texts are cut").isPositive();
        view.tabs().setSelection(1);
        SwtHarness.pump(150);
        assertCellsFit(view.watchTable(), "watch list");
    }

    @Test
    void feedsAndAlertsCutTheirLongestCells() throws Exception {
        FakeDesk desk = new FakeDesk();
        desk.feeds = List.of(new FeedStatus("fred", 6, new io.tideline.api.feed.FeedHealth(
                io.tideline.api.feed.FeedHealth.State.DOWN, 1_784_000_000_000L, "HTTP 503 from the FRED API for DGS10 " + LONG)));
        shell = SwtHarness.shell(470, 680);
        FeedsView view = new FeedsView(shell, new TestContext(Locale.GERMAN, Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.feedsTable().getItemCount() == 1 && view.alertsTable().getItemCount() == 3,
                WAIT, "feeds and alerts");
        SwtHarness.pump(300);
        SwtHarness.screenshot(shell, "clip-feeds-470x680-de");
        assertThat(assertCellsFit(view.feedsTable(), "feeds")).as("the long error is cut").isPositive();
        assertCellsFit(view.alertsTable(), "alerts");
    }

    @Test
    void checklistCellsFitAt460() throws Exception {
        FakeDesk desk = new FakeDesk();
        shell = SwtHarness.shell(460, 700);
        ChecklistView view = new ChecklistView(shell, new TestContext(Locale.forLanguageTag("de"), Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.verdict() != null, WAIT, "the verdict");
        for (TreeItem item : view.tree().getItems()) {
            item.setExpanded(true);
        }
        SwtHarness.pump(300);
        SwtHarness.screenshot(shell, "clip-checklist-460x700-de");
        assertCellsFit(view.tree(), "checklist", 2);
    }

    @Test
    void theHeatmapWritesItsNumbersAndGivesTheSparklineAnAxisInThePerspectivesPane() throws Exception {
        FakeDesk desk = new FakeDesk();
        // us10y's newest bar is 2025-12-30, BTC's the day before "now" (2026-07-24).
        long now = java.time.LocalDate.of(2026, 7, 24).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        desk.bars.put(Fixtures.roles().get("us10y"), Fixtures.dailyBars("2025-06-02", "2025-12-30", false));
        desk.bars.put(Fixtures.roles().get("btc"), Fixtures.dailyBars("2026-01-01", "2026-07-23", true));
        shell = SwtHarness.shell(490, 290);
        HeatmapView view = new HeatmapView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        view.clock(() -> now);
        shell.open();
        SwtHarness.pumpUntil(() -> view.matrix() != null && view.sparkTitle() != null
                && view.sparkTitle().contains("2026-07-23"), WAIT, "the heatmap");
        SwtHarness.pump(200);
        SwtHarness.screenshot(shell, "clip-heatmap-490x250");
        assertThat(view.layout().sparkBeside()).as("a wide, short pane puts the sparkline beside the grid").isTrue();
        SwtHarness.pumpUntil(() -> view.staleNote() != null, WAIT, "the stale note");
        assertThat(view.staleNote()).isEqualTo("Stale: us10y 6 mo old");
        SwtHarness.pump(200);
        SwtHarness.screenshot(shell, "clip-heatmap-490x250");
        int captionY = view.layout().gridY() + view.layout().n() * view.layout().cell() + 8;
        assertThat(view.tooltipAt(view.canvas().getClientArea().width - 30, captionY)).as("the note whole on hover")
                .isEqualTo("Stale: us10y 6 mo old");
        assertThat(view.cellNumbers()).as("numbers in the cells").isTrue();
        GC gc = new GC(view.canvas());
        try {
            assertThat(gc.textExtent("-0.99").x).as("the widest number fits a cell").isLessThanOrEqualTo(view.layout().cell());
            assertThat(gc.textExtent(view.sparkTitle()).x)
                    .isLessThanOrEqualTo(view.canvas().getClientArea().width - view.layout().sparkX());
            assertThat(view.layout().sparkX() - gc.textExtent("\u22121").x - 3)
                    .as("the sparkline's y labels right of the legend").isGreaterThan(view.layout().legendX() + 40);
        } finally {
            gc.dispose();
        }
    }
}
