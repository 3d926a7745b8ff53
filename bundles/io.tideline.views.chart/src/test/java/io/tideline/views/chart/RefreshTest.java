package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesData;
import io.tideline.views.chart.kit.Layer;
import io.tideline.views.chart.kit.Pane;
import io.tideline.views.chart.kit.PaneGroup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reloads after the store announced new bars (real SWT under Xvfb, {@link TestData} appending a
 * bar and telling the listeners as the store does): the same structure updates the panes in
 * place (same charts, new bars, the user's range kept); another structure builds them again.
 */
class RefreshTest {

    private TestData data;
    private Shell shell;

    @BeforeEach
    void open() throws Exception {
        // Each test appends bars or unbinds roles: its own data.
        data = TestData.sample();
        shell = new Shell(Swt.display());
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, 1200, 860);
    }

    @AfterEach
    void close() {
        shell.dispose();
        data.executor.shutdownNow();
    }

    private <V extends ViewBase<?>> V show(V view) {
        shell.layout(true, true);
        shell.open();
        assertThat(Swt.pump(view::loaded, 20_000)).as("view loaded").isTrue();
        Swt.settle(300);
        return view;
    }

    /** Runs the event loop until the view delivered a load after {@code before} (the refresh waits ~1 s). */
    private static void awaitDelivery(ViewBase<?> view, int before) {
        assertThat(Swt.pump(() -> view.deliveries() > before, 20_000)).as("reload delivered").isTrue();
        Swt.settle(100);
    }

    private static List<Chart> charts(ViewBase<?> view) {
        return view.group().panes().stream().map(Pane::chart).toList();
    }

    private static String[] ids(Chart chart) {
        return Arrays.stream(chart.getSeriesSet().getSeries()).map(ISeries::getId).toArray(String[]::new);
    }

    private static String day(long t) {
        return Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    @Test
    void aNewBarUpdatesTheChartInPlaceKeepingChartsCrosshairScaleAndZoom() {
        TestContext ctx = new TestContext(Map.of("series", "btc,spx", "range", "1Y"), Locale.ENGLISH);
        ChartView view = show(new ChartView(shell, ctx, data));
        PaneGroup g = view.group();
        assertThat(g.panes()).hasSize(2);
        // The user zooms in and pans back, switches to log; the range settles into the settings.
        g.key('+', 0);
        g.key('+', 0);
        g.key((char) 0, SWT.ARROW_LEFT);
        view.setLog(true);
        assertThat(Swt.pump(() -> ctx.settings.getOrDefault("range", "").contains(".."), 3_000)).isTrue();
        String savedRange = ctx.settings.get("range");
        int updates = ctx.updates;
        long lo = g.lower();
        long hi = g.upper();
        assertThat(hi).isLessThan(g.dataMax());
        List<Chart> before = charts(view);
        Layer btcBefore = view.price().find("btc");
        int bars = btcBefore.size();
        int volumeBars = g.panes().get(1).layers().get(0).size();
        long hover = lo + (hi - lo) / 2;
        g.crosshair(hover);
        int deliveries = view.deliveries();

        long t = data.append("btc");
        data.notifyAppended("btc");
        awaitDelivery(view, deliveries);

        assertThat(view.lastInPlace()).as("updated in place").isTrue();
        assertThat(view.deliveries()).isEqualTo(deliveries + 1);
        // The same widgets and layers, holding the new bar.
        List<Chart> after = charts(view);
        assertThat(after).hasSize(2);
        for (int k = 0; k < after.size(); k++) {
            assertThat(after.get(k)).isSameAs(before.get(k));
            assertThat(after.get(k).isDisposed()).isFalse();
        }
        assertThat(view.price().find("btc")).isSameAs(btcBefore);
        assertThat(btcBefore.size()).isEqualTo(bars + 1);
        assertThat(g.panes().get(1).layers().get(0).size()).isEqualTo(volumeBars + 1);
        assertThat(g.dataMax()).isEqualTo(t);
        SeriesData btc = data.read(data.roles.get("btc"));
        java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(Locale.ENGLISH);
        nf.setMaximumFractionDigits(4);
        assertThat(view.price().describe(t).get(0)).contains(day(t)).contains(nf.format(btc.value(btc.size() - 1)));
        // The user's range, crosshair and log scale stay; nothing was written back.
        assertThat(g.lower()).isEqualTo(lo);
        assertThat(g.upper()).isEqualTo(hi);
        for (Pane p : g.panes()) {
            IAxis x = p.chart().getAxisSet().getXAxis(0);
            assertThat(x.getRange().lower).isEqualTo((double) lo);
            assertThat(x.getRange().upper).isEqualTo((double) hi);
        }
        assertThat(g.crosshair()).isEqualTo(hover);
        assertThat(view.price().isLog()).isTrue();
        assertThat(ctx.settings.get("range")).isEqualTo(savedRange);
        assertThat(ctx.updates).isEqualTo(updates);
        assertThat(view.statusText()).isEmpty();

        // Showing everything plots the new bar: the last point handed to SWTChart is its time.
        g.key((char) 0, SWT.HOME);
        assertThat(g.upper()).isEqualTo(t);
        double[] xs = view.price().chart().getSeriesSet().getSeries("btc").getXSeries();
        assertThat(xs[xs.length - 1]).isEqualTo((double) t);
    }

    @Test
    void regimeBandsFollowTheNewData() {
        TestContext ctx = new TestContext(Map.of("series", "btc", "range", "3M"), Locale.ENGLISH);
        ChartView view = show(new ChartView(shell, ctx, data));
        PaneGroup g = view.group();
        Swt.settle(500);
        assertThat(g.bands()).as("no crash yet").noneMatch(b -> b.to() > g.dataMax());
        int deliveries = view.deliveries();
        // A crash bar: the stand-in checklist calls the day a volatility event.
        SeriesData btc = data.read(data.roles.get("btc"));
        long t = data.append("btc", btc.value(btc.size() - 1) * 0.5);
        data.notifyAppended("btc");
        awaitDelivery(view, deliveries);
        assertThat(view.lastInPlace()).isTrue();
        g.key((char) 0, SWT.HOME);
        assertThat(Swt.pump(() -> g.bands().stream().anyMatch(b -> b.from() <= t && t < b.to()), 10_000))
                .as("a band over the new crash day").isTrue();
        assertThat(g.bands().stream().filter(b -> b.from() <= t && t < b.to()).findFirst().orElseThrow().label())
                .as("the band is labelled as its legend reads").isEqualTo("volatility event");
    }

    @Test
    void aSettingThatAddsAPaneRebuildsThePanes() {
        TestContext ctx = new TestContext(Map.of("series", "btc,spx", "range", "1Y"), Locale.ENGLISH);
        ChartView view = show(new ChartView(shell, ctx, data));
        PaneGroup g = view.group();
        List<Chart> before = charts(view);
        long lo = g.lower();
        long hi = g.upper();
        int deliveries = view.deliveries();

        ctx.settings.put("indicators", "zscore-change(20,90):btc");
        view.reload();
        awaitDelivery(view, deliveries);

        assertThat(view.lastInPlace()).as("rebuilt").isFalse();
        assertThat(g.panes()).hasSize(3);
        assertThat(ids(g.panes().get(2).chart())).containsExactly("zscore-change(20,90):btc");
        assertThat(before).allMatch(Chart::isDisposed);
        assertThat(ids(view.price().chart())).containsExactly("btc", "spx");
        assertThat(view.price().normalised()).isTrue();
        // The new panes show the range the old ones had, and are laid out with plots.
        assertThat(g.lower()).isEqualTo(lo);
        assertThat(g.upper()).isEqualTo(hi);
        for (Pane p : g.shownPanes()) {
            assertThat(p.chart().getAxisSet().getXAxis(0).getRange().lower).isEqualTo((double) lo);
            assertThat(p.chart().getPlotArea().getSize().y).isGreaterThanOrEqualTo(40);
        }
        assertThat(g.shownPanes()).hasSize(3);

        // The next new bar updates the new panes in place.
        List<Chart> rebuilt = charts(view);
        deliveries = view.deliveries();
        data.append("btc");
        data.notifyAppended("btc");
        awaitDelivery(view, deliveries);
        assertThat(view.lastInPlace()).isTrue();
        assertThat(charts(view)).containsExactlyElementsOf(rebuilt);
    }

    @Test
    void aSeriesThatGoesAwayRebuildsAndComesBack() {
        TestContext ctx = new TestContext(Map.of("series", "btc,spx", "range", "1Y"), Locale.ENGLISH);
        ChartView view = show(new ChartView(shell, ctx, data));
        List<Chart> before = charts(view);
        int deliveries = view.deliveries();

        var spx = data.roles.remove("spx");
        data.notifyRolesChanged();
        awaitDelivery(view, deliveries);

        assertThat(view.lastInPlace()).isFalse();
        assertThat(before).allMatch(Chart::isDisposed);
        assertThat(ids(view.price().chart())).containsExactly("btc");
        assertThat(view.price().normalised()).isFalse();
        assertThat(view.price().layers().get(0).style()).isEqualTo(Layer.Style.CANDLES);
        assertThat(view.candlesToggle()).containsExactly(true, true);
        assertThat(view.statusText()).contains("No data for role spx");
        assertThat(ctx.statuses).filteredOn(m -> m.contains("No data for role spx")).hasSize(1);

        // Another reload with the same problem (as every second during a backfill): the status bar is not told again.
        deliveries = view.deliveries();
        data.notifyRolesChanged();
        awaitDelivery(view, deliveries);
        assertThat(view.statusText()).contains("No data for role spx");
        assertThat(ctx.statuses).as("the same problem posted once").filteredOn(m -> m.contains("No data for role spx")).hasSize(1);

        deliveries = view.deliveries();
        data.roles.put("spx", spx);
        data.notifyRolesChanged();
        awaitDelivery(view, deliveries);
        assertThat(view.lastInPlace()).isFalse();
        assertThat(ids(view.price().chart())).containsExactly("btc", "spx");
        assertThat(view.price().normalised()).isTrue();
        assertThat(view.statusText()).isEmpty();
    }

    @Test
    void cryptoMarkersAreRecomputedFromTheNewBarsInPlace() {
        CryptoView view = show(new CryptoView(shell, new TestContext(Map.of("range", "1Y"), Locale.ENGLISH), data));
        List<Chart> before = charts(view);
        int deliveries = view.deliveries();
        // Price up and short liquidations far over 3x their 30-bar mean: a short squeeze.
        long t = data.append("btc");
        data.append("btc.liquidations.long");
        data.append("btc.liquidations.short", 1e12);
        assertThat(view.markers()).noneMatch(m -> m.time() == t);
        data.notifyAppended("btc");
        data.notifyAppended("btc.liquidations.long");
        data.notifyAppended("btc.liquidations.short");
        awaitDelivery(view, deliveries);
        Swt.settle(1_200);

        assertThat(view.deliveries()).as("one reload for the burst").isEqualTo(deliveries + 1);
        assertThat(view.lastInPlace()).isTrue();
        assertThat(charts(view)).containsExactlyElementsOf(before);
        assertThat(view.markers()).anyMatch(m -> m.time() == t && m.color().equals(Palette.SHORT_LIQ));
        assertThat(view.group().panes().get(3).find("btc.liquidations.short").size())
                .isEqualTo(data.read(data.roles.get("btc.liquidations.short")).size());
        assertThat(view.statusText()).contains("No data for role btc.oi");
    }

    @Test
    void macroDeskUpdatesLevelsAndZScoresInPlace() {
        MacroView view = show(new MacroView(shell, new TestContext(Map.of(), Locale.ENGLISH), data));
        List<Chart> before = charts(view);
        Pane z = view.group().panes().get(1);
        int zBars = z.find("us10y.z20").size();
        int deliveries = view.deliveries();
        long t = data.append("us10y");
        data.notifyAppended("us10y");
        awaitDelivery(view, deliveries);

        assertThat(view.lastInPlace()).isTrue();
        assertThat(charts(view)).containsExactlyElementsOf(before);
        assertThat(view.group().panes().get(0).chart().getAxisSet().getYAxes()).hasSize(2);
        assertThat(z.find("us10y.z20").size()).isEqualTo(zBars + 1);
        assertThat(z.describe(t).get(0)).startsWith("us10y.z20").contains(day(t));
    }
}
