package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.views.chart.kit.Layer;
import io.tideline.views.chart.kit.Pane;
import io.tideline.views.chart.kit.PaneGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.internal.axis.AxisTick;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The views at the sizes the workbench gives them (a wide bottom part 1260x430, an editor-area
 * part 780x370, a small part 620x300), on the sample workspace as the workbench shows it, in
 * English, German and Chinese. Screenshots go to {@code target/screenshots/layout-*.png}; the
 * layout is checked through the SWTChart model: every shown pane has a plot at least 40 px
 * high, no tick label is SWTChart's "...", only the bottom pane labels the time axis, all plots
 * start and end at the same x, no y-axis title is longer than its plot is high, and the
 * toolbar stays on one line.
 */
class LayoutTest {

    private static final int[][] SIZES = {{1260, 430}, {780, 370}, {620, 300}};
    private static TestData data;
    private Shell shell;

    @BeforeAll
    static void load() throws Exception {
        data = TestData.workspace();
    }

    @AfterAll
    static void stop() {
        data.executor.shutdownNow();
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private <V extends ViewBase<?>> V open(int w, int h, Function<Shell, V> make) {
        if (shell != null) {
            shell.dispose();
        }
        // No trim: the shell's client area is exactly the part's size.
        shell = new Shell(Swt.display(), SWT.NO_TRIM);
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, w, h);
        V view = make.apply(shell);
        shell.layout(true, true);
        shell.open();
        assertThat(Swt.pump(view::loaded, 20_000)).as("view loaded").isTrue();
        Swt.settle(300);
        return view;
    }

    /** The layout checks every view at every size must pass; returns the shown panes. */
    private List<Pane> checkLayout(ViewBase<?> view, String shot) throws Exception {
        assertThat(Swt.screenshot(shell, "layout-" + shot)).as("colours in " + shot).isGreaterThan(20);
        List<Pane> shown = view.group().shownPanes();
        assertThat(shown).as(shot + ": shown panes").isNotEmpty();
        Integer plotX = null;
        Integer plotW = null;
        for (int k = 0; k < shown.size(); k++) {
            Pane p = shown.get(k);
            Point size = p.chart().getPlotArea().getSize();
            assertThat(size.y).as(shot + ": plot height of pane '" + p.name() + "'").isGreaterThanOrEqualTo(40);
            assertThat(p.showsTimeLabels()).as(shot + ": time labels on '" + p.name() + "' (bottom pane only)")
                    .isEqualTo(k == shown.size() - 1);
            Rectangle plot = p.chart().getPlotArea().getBounds();
            Point origin = p.chart().toDisplay(plot.x, plot.y);
            if (plotX == null) {
                plotX = origin.x;
                plotW = plot.width;
            }
            assertThat(origin.x).as(shot + ": plot of '" + p.name() + "' starts at the same x").isEqualTo(plotX);
            assertThat(plot.width).as(shot + ": plot of '" + p.name() + "' as wide").isEqualTo(plotW);
            List<IAxis> axes = new ArrayList<>(List.of(p.chart().getAxisSet().getXAxes()));
            axes.addAll(List.of(p.chart().getAxisSet().getYAxes()));
            for (IAxis a : axes) {
                if (!a.getTick().isVisible()) {
                    continue;
                }
                List<String> labels = ((AxisTick) a.getTick()).getAxisTickLabels().getTickLabels();
                assertThat(labels).as(shot + ": tick labels of '" + p.name() + "'").doesNotContain("...");
            }
            GC gc = new GC(p.chart());
            try {
                for (IAxis y : p.chart().getAxisSet().getYAxes()) {
                    if (y.getTitle().isVisible()) {
                        gc.setFont(y.getTitle().getFont());
                        assertThat(gc.textExtent(y.getTitle().getText()).x).as(shot + ": y title '"
                                + y.getTitle().getText() + "' fits the plot of '" + p.name() + "'").isLessThanOrEqualTo(size.y);
                    }
                }
                // The header (name and legend) fits the plot's width.
                assertThat(gc.textExtent(p.header()).x).as(shot + ": header of '" + p.name() + "'").isLessThan(size.x);
            } finally {
                gc.dispose();
            }
        }
        // The toolbar is one line: no control starts below the first one's bottom.
        Control[] bar = view.toolbar().getChildren();
        int bottom = Integer.MAX_VALUE;
        for (Control c : bar) {
            bottom = Math.min(bottom, c.getBounds().y + c.getBounds().height);
        }
        for (Control c : bar) {
            assertThat(c.getBounds().y).as(shot + ": toolbar control " + c + " on the first line").isLessThan(bottom);
            assertThat(c.getBounds().x + c.getBounds().width).as(shot + ": toolbar control " + c + " inside the view")
                    .isLessThanOrEqualTo(view.toolbar().getSize().x);
        }
        return shown;
    }

    @Test
    void chartViewFitsAtEverySizeAndLanguage() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.CHINESE)) {
            for (int[] s : SIZES) {
                TestContext ctx = new TestContext(Map.of("series", "btc,spx"), locale);
                ChartView view = open(s[0], s[1], sh -> new ChartView(sh, ctx, data));
                String shot = "chart-" + s[0] + "x" + s[1] + "-" + locale.getLanguage();
                List<Pane> shown = checkLayout(view, shot);
                // Two series: lines of % change, the Candles toggle off and greyed, no apology.
                assertThat(view.price().layers()).extracting(Layer::style).containsOnly(Layer.Style.LINE);
                assertThat(view.candlesToggle()).containsExactly(false, false);
                assertThat(view.statusText()).isEmpty();
                assertThat(view.price().chart().getAxisSet().getYAxis(0).getTitle().getText())
                        .isEqualTo(new Messages(locale).get("axis.percent"));
                // Tall enough for price and volume at every size asked for.
                assertThat(shown).extracting(Pane::name).containsExactly(new Messages(locale).get("pane.price"),
                        new Messages(locale).get("volume.of", "btc"));
                assertThat(view.price().legend()).hasSize(2);
            }
        }
        // One OHLC series: candles (the saved default) and the toggle enabled.
        ChartView one = open(780, 370, sh -> new ChartView(sh, new TestContext(Map.of("series", "btc"), Locale.ENGLISH), data));
        checkLayout(one, "chart-780x370-btc");
        assertThat(one.price().layers().get(0).style()).isEqualTo(Layer.Style.CANDLES);
        assertThat(one.candlesToggle()).containsExactly(true, true);
    }

    @Test
    void chartViewHidesVolumeRatherThanSquashingIt() throws Exception {
        ChartView view = open(620, 200, sh -> new ChartView(sh, new TestContext(Map.of("series", "btc,spx"), Locale.ENGLISH),
                data));
        List<Pane> shown = checkLayout(view, "chart-620x200-en");
        assertThat(shown).containsExactly(view.price());
        assertThat(view.group().panes()).hasSize(2);
    }

    @Test
    void cryptoStructureHasAPlotInEveryPane() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.CHINESE)) {
            Messages m = new Messages(locale);
            for (int[] s : SIZES) {
                TestContext ctx = new TestContext(Map.of(), locale);
                CryptoView view = open(s[0], s[1], sh -> new CryptoView(sh, ctx, data));
                String shot = "crypto-" + s[0] + "x" + s[1] + "-" + locale.getLanguage();
                List<Pane> shown = checkLayout(view, shot);
                List<Pane> panes = view.group().panes();
                assertThat(panes).hasSize(4);
                if (s[1] >= 370) {
                    assertThat(shown).as(shot).hasSize(4);
                }
                // Default 1Y: every pane has bars in the range; the header says where they stop.
                for (Pane p : panes) {
                    assertThat(p.rangeMessage()).as(shot + " " + p.name()).isNull();
                    assertThat(p.layers()).as(shot + " " + p.name()).isNotEmpty();
                }
                assertThat(panes.get(1).header()).contains(m.get("range.to", "2026-02-12"));
                assertThat(panes.get(3).header()).contains(m.get("range.from", "2026-07-30"));
            }
        }
    }

    @Test
    void cryptoPaneWithoutDataInTheRangeSaysSoOrMakesRoom() throws Exception {
        CryptoView view = open(1260, 430, sh -> new CryptoView(sh, new TestContext(Map.of("range", "1M"), Locale.ENGLISH),
                data));
        Pane funding = view.group().panes().get(1);
        assertThat(funding.rangeMessage()).isEqualTo("No data in this range (data from 2019-09-10 to 2026-02-12)");
        assertThat(funding.chart().getPlotArea().getSize().y).isGreaterThanOrEqualTo(40);
        checkLayout(view, "crypto-1260x430-1M");
        // Too short for four panes: the empty funding pane goes first, the price pane stays.
        view = open(620, 240, sh -> new CryptoView(sh, new TestContext(Map.of("range", "1M"), Locale.ENGLISH), data));
        List<Pane> shown = checkLayout(view, "crypto-620x240-1M");
        assertThat(shown).hasSizeLessThan(4).contains(view.group().panes().get(0))
                .doesNotContain(view.group().panes().get(1));
        view.choosePreset(PaneGroup.Preset.Y1);
        Swt.settle(200);
        checkLayout(view, "crypto-620x240-1Y");
    }

    @Test
    void macroDeskFitsAtEverySizeAndLanguage() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.CHINESE)) {
            for (int[] s : SIZES) {
                TestContext ctx = new TestContext(Map.of(), locale);
                MacroView view = open(s[0], s[1], sh -> new MacroView(sh, ctx, data));
                List<Pane> shown = checkLayout(view, "macro-" + s[0] + "x" + s[1] + "-" + locale.getLanguage());
                assertThat(shown.get(0)).isSameAs(view.group().panes().get(0));
                if (s[1] >= 370) {
                    assertThat(shown).hasSize(4);
                }
            }
        }
    }
}
