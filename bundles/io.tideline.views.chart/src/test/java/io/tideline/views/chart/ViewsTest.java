package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
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
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each view in a real Shell under Xvfb, fed through {@link TestData}. */
class ViewsTest {

    private static TestData data;
    private Shell shell;

    @BeforeAll
    static void load() throws Exception {
        data = TestData.sample();
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

    private Shell shell() {
        shell = new Shell(Swt.display());
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, 1200, 860);
        return shell;
    }

    private static <V extends ViewBase<?>> V open(V view, Shell shell) {
        shell.layout(true, true);
        shell.open();
        assertThat(Swt.pump(view::loaded, 20_000)).as("view loaded").isTrue();
        Swt.settle(200);
        return view;
    }

    private static String[] ids(Chart chart) {
        return Arrays.stream(chart.getSeriesSet().getSeries()).map(ISeries::getId).toArray(String[]::new);
    }

    @Test
    void chartComparesTwoSeriesAsPercentChangeWithVolumeIndicatorsAndRegimeBands() throws Exception {
        TestContext ctx = new TestContext(Map.of("series", "btc,spx", "indicators", "sma(50):btc; zscore-change(20,90):btc",
                "range", "5Y"), Locale.ENGLISH);
        ChartView view = open(new ChartView(shell(), ctx, data), shell);
        PaneGroup g = view.group();
        assertThat(g.panes()).hasSize(3);
        Pane price = view.price();
        assertThat(ids(price.chart())).containsExactly("btc", "spx", "sma(50):btc");
        assertThat(price.normalised()).isTrue();
        assertThat(price.chart().getAxisSet().getYAxis(0).getTitle().getText()).isEqualTo("% chg");
        assertThat(price.chart().getTitle().getText()).isEqualTo("Price");
        assertThat(price.legend()).containsExactly("btc (binance:BTCUSDT)", "spx (yahoo:SPY)", "sma(50):btc");
        assertThat(ids(g.panes().get(1).chart())).containsExactly("btc.volume");
        assertThat(ids(g.panes().get(2).chart())).containsExactly("zscore-change(20,90):btc");

        // Rebased: each series plots 100 at its first visible bar.
        for (Layer l : price.layers().subList(0, 2)) {
            ISeries<?> s = price.chart().getSeriesSet().getSeries(l.id());
            double[] xs = s.getXSeries();
            double[] ys = s.getYSeries();
            int first = 0;
            while (xs[first] < g.lower()) {
                first++;
            }
            assertThat(ys[first]).isCloseTo(100, within(1e-9));
        }

        // Shared time axis: every pane's x range is the group's.
        for (Pane p : g.panes()) {
            IAxis x = p.chart().getAxisSet().getXAxis(0);
            assertThat(x.getRange().lower).isEqualTo((double) g.lower());
            assertThat(x.getRange().upper).isEqualTo((double) g.upper());
        }

        // Crosshair label: series, time and the value of the bar, traceable to the data.
        SeriesData btc = data.read(data.roles.get("btc"));
        int i = btc.size() - 100;
        g.crosshair(btc.time(i));
        List<String> label = price.describe(btc.time(i));
        String day = Instant.ofEpochMilli(btc.time(i)).atZone(ZoneOffset.UTC).toLocalDate().toString();
        java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(Locale.ENGLISH);
        nf.setMaximumFractionDigits(4);
        assertThat(label.get(0)).startsWith("btc (binance:BTCUSDT)").contains(day).contains(nf.format(btc.value(i)))
                .contains("%)");

        // Regime bands arrive from the background replay.
        assertThat(Swt.pump(() -> !g.bands().isEmpty(), 20_000)).as("regime bands").isTrue();
        int colours = Swt.screenshot(shell, "chart");
        assertThat(colours).as("distinct colours in the screenshot").isGreaterThan(30);
    }

    @Test
    void zoomPanKeysWheelAndPresetsMoveTheSharedRangeAndPersistIt() {
        TestContext ctx = new TestContext(Map.of("series", "btc", "range", "All"), Locale.ENGLISH);
        ChartView view = open(new ChartView(shell(), ctx, data), shell);
        PaneGroup g = view.group();
        assertThat(g.lower()).isEqualTo(g.dataMin());
        assertThat(g.upper()).isEqualTo(g.dataMax());

        view.choosePreset(PaneGroup.Preset.Y1);
        long oneYearBack = Instant.ofEpochMilli(g.dataMax()).atZone(ZoneOffset.UTC).minusYears(1).toInstant().toEpochMilli();
        assertThat(g.lower()).isEqualTo(oneYearBack);
        assertThat(g.upper()).isEqualTo(g.dataMax());
        assertThat(ctx.settings.get("range")).isEqualTo("1Y");

        long width = g.upper() - g.lower();
        long centre = g.lower() + width / 2;
        g.key('+', 0);
        assertThat((double) (g.upper() - g.lower())).isCloseTo(0.8 * width, within(2.0));
        assertThat((double) (g.lower() + (g.upper() - g.lower()) / 2)).isCloseTo(centre, within(2.0));

        long lo = g.lower();
        long w2 = g.upper() - g.lower();
        g.key((char) 0, SWT.ARROW_LEFT);
        assertThat((double) g.lower()).isCloseTo(lo - 0.1 * w2, within(2.0));
        assertThat(g.upper() - g.lower()).isEqualTo(w2);

        // Mouse wheel over the plot zooms in around the cursor.
        Chart chart = view.price().chart();
        Event wheel = new Event();
        wheel.x = chart.getPlotArea().getSize().x / 2;
        wheel.count = 3;
        long before = g.upper() - g.lower();
        chart.getPlotArea().getControl().notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertThat(g.upper() - g.lower()).isLessThan(before);
        IAxis x = chart.getAxisSet().getXAxis(0);
        assertThat(x.getRange().lower).isEqualTo((double) g.lower());

        // The range settles into the layout's settings as dates.
        assertThat(Swt.pump(() -> ctx.settings.getOrDefault("range", "").contains(".."), 3_000)).isTrue();
        assertThat(ctx.settings.get("range")).matches("\\d{4}-\\d\\d-\\d\\d\\.\\.\\d{4}-\\d\\d-\\d\\d");

        g.key((char) 0, SWT.HOME);
        assertThat(g.lower()).isEqualTo(g.dataMin());
        assertThat(g.upper()).isEqualTo(g.dataMax());

        // One series with OHLC: candles, drawn per pixel column when zoomed out; log scale.
        assertThat(view.price().layers().get(0).style()).isEqualTo(Layer.Style.CANDLES);
        assertThat(view.price().candleCount()).isBetween(1, chart.getPlotArea().getSize().x);
        view.setLog(true);
        assertThat(view.price().isLog()).isTrue();
        assertThat(ctx.settings.get("scale")).isEqualTo("log");
        view.setCandles(false);
        assertThat(view.price().layers().get(0).style()).isEqualTo(Layer.Style.LINE);
        assertThat(ctx.settings.get("style")).isEqualTo("line");
    }

    @Test
    void missingRolesAndHourlyDataAreReportedNotFatal() {
        TestContext ctx = new TestContext(Map.of("series", "btc,nosuch,S&P 500", "timeframe", "1h"), Locale.GERMAN);
        ChartView view = open(new ChartView(shell(), ctx, data), shell);
        assertThat(view.statusText()).contains("Keine Daten für die Rolle nosuch").contains("Keine 1h-Daten für btc")
                .contains("'S&P 500' is neither a role (lower-case words joined by dots");
        assertThat(ids(view.price().chart())).containsExactly("btc");
        assertThat(ctx.statuses).isNotEmpty();
    }

    @Test
    void cryptoViewMarksLiquidationDrivenDaysAndSaysWhatIsMissing() throws Exception {
        TestContext ctx = new TestContext(Map.of("range", "1Y"), Locale.ENGLISH);
        CryptoView view = open(new CryptoView(shell(), ctx, data), shell);
        List<Pane> panes = view.group().panes();
        assertThat(panes).hasSize(4);
        assertThat(ids(panes.get(0).chart())).containsExactly("btc");
        assertThat(ids(panes.get(1).chart())).containsExactly("btc.funding");
        assertThat(ids(panes.get(2).chart())).isEmpty();
        assertThat(panes.get(2).message()).isEqualTo("No data for role btc.oi or btc.cme.oi");
        assertThat(panes.get(2).name()).isEqualTo("Open interest");
        assertThat(ids(panes.get(3).chart())).containsExactly("btc.liquidations.long", "btc.liquidations.short");
        assertThat(view.statusText()).contains("No data for role btc.oi");

        // Every red marker, checked by brute force: long liquidations > 3x the mean of the 30
        // bars before, and the close below the previous close.
        SeriesData btc = data.read(data.roles.get("btc"));
        SeriesData longs = data.read(data.roles.get("btc.liquidations.long"));
        long[] t = longs.copyTimes();
        int expected = 0;
        for (int j = 30; j < t.length; j++) {
            double sum = 0;
            for (int q = j - 30; q < j; q++) {
                sum += longs.value(q);
            }
            if (longs.value(j) > 3 * sum / 30 && btc.value(j) < btc.value(j - 1)) {
                expected++;
                long tj = t[j];
                assertThat(view.markers()).anyMatch(m -> m.time() == tj && m.color().equals(Palette.LONG_LIQ));
            }
        }
        assertThat(expected).isPositive();
        assertThat(view.markers().stream().filter(m -> m.color().equals(Palette.LONG_LIQ))).hasSize(expected);
        assertThat(Swt.screenshot(shell, "crypto")).isGreaterThan(30);
    }

    @Test
    void openInterestPaneShowsPerpetualOpenInterestWhenBoundElseCmeFuturesEachTitledByItsOwnNameAndUnit()
            throws Exception {
        TestData sample = TestData.workspace();
        try {
            SeriesData btc = sample.read(sample.roles.get("btc"));
            double[] usd = new double[btc.size()];
            for (int i = 0; i < usd.length; i++) {
                usd[i] = 9e9 + 1e7 * i;
            }
            sample.put("btc.oi", "test:BTCUSDT:oi", SeriesData.ofValues(btc.copyTimes(), usd))
                    .describe("btc.oi", "BTCUSDT perpetual open interest", "USD", SeriesKind.FLOW, Timeframe.D1);
            CryptoView view = open(new CryptoView(shell(), new TestContext(Map.of("range", "1Y"), Locale.ENGLISH),
                    sample), shell);
            Pane oi = view.group().panes().get(2);
            assertThat(ids(oi.chart())).as("perpetual open interest wins over CME").containsExactly("btc.oi");
            assertThat(oi.name()).isEqualTo("BTCUSDT perpetual open interest");
            assertThat(oi.chart().getAxisSet().getYAxis(0).getTitle().getText()).isEqualTo("USD");

            // Without perpetual open interest the pane falls back to the CME contracts, and says so.
            sample.roles.remove("btc.oi");
            sample.notifyRolesChanged();
            assertThat(Swt.pump(() -> TestData.CME_OI_NAME.equals(view.group().panes().get(2).name()), 20_000))
                    .as(view.group().panes().get(2).name()).isTrue();
            oi = view.group().panes().get(2);
            assertThat(ids(oi.chart())).containsExactly("btc.cme.oi");
            assertThat(oi.chart().getAxisSet().getYAxis(0).getTitle().getText()).isEqualTo("contracts");
            assertThat(oi.layers().get(0).unit()).isEqualTo("contracts");
            assertThat(view.statusText()).doesNotContain("btc.oi").doesNotContain("btc.cme.oi");

            sample.roles.remove("btc.cme.oi");
            sample.notifyRolesChanged();
            assertThat(Swt.pump(() -> view.group().panes().get(2).message() != null, 20_000)).isTrue();
            assertThat(view.group().panes().get(2).message()).isEqualTo("No data for role btc.oi or btc.cme.oi");
            assertThat(view.statusText()).contains("No data for role btc.oi or btc.cme.oi");
        } finally {
            sample.executor.shutdownNow();
        }
    }

    @Test
    void macroViewShowsLevelsZScoresAndLeadership() throws Exception {
        TestContext ctx = new TestContext(Map.of(), Locale.ENGLISH);
        MacroView view = open(new MacroView(shell(), ctx, data), shell);
        List<Pane> panes = view.group().panes();
        assertThat(panes).hasSize(4);
        assertThat(ids(panes.get(0).chart())).containsExactly("us10y", "dollar");
        assertThat(panes.get(0).chart().getAxisSet().getYAxes()).hasSize(2);
        assertThat(ids(panes.get(1).chart())).containsExactly("us10y.z20", "dollar.z20");
        assertThat(ids(panes.get(2).chart())).containsExactly("vix", "hy.spread");
        assertThat(ids(panes.get(3).chart())).containsExactly("leadership");
        assertThat(panes.get(3).chart().getTitle().getText()).isEqualTo("Leadership ratio software / ndx");

        // The last z-score against a hand computation: change over 20 bars, scored against the
        // mean and sample standard deviation of the last 252 changes.
        SeriesData y = data.read(data.roles.get("us10y"));
        int n = y.size();
        double[] c = new double[252];
        for (int k = 0; k < 252; k++) {
            int i = n - 252 + k;
            c[k] = y.value(i) - y.value(i - 20);
        }
        double mean = Arrays.stream(c).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(c).map(v -> (v - mean) * (v - mean)).sum() / 251);
        double z = (c[251] - mean) / sd;
        double[] plotted = panes.get(1).chart().getSeriesSet().getSeries("us10y.z20").getYSeries();
        List<String> label = panes.get(1).describe(y.time(n - 1));
        assertThat(label.get(0)).startsWith("us10y.z20");
        double last = Double.NaN;
        for (int k = plotted.length - 1; k >= 0 && Double.isNaN(last); k--) {
            last = plotted[k];
        }
        assertThat(last).isCloseTo(z, within(1e-9));
        assertThat(Swt.screenshot(shell, "macro")).isGreaterThan(30);
    }

    @Test
    void cryptoMarkersComeFromTheEngineWhichSaysWhyThereAreNone() {
        data.engine = false;
        try {
            CryptoView view = open(new CryptoView(shell(), new TestContext(Map.of("range", "1Y"), Locale.ENGLISH), data),
                    shell);
            assertThat(view.statusText()).contains("No indicator engine is running");
            assertThat(view.markers()).isEmpty();
            assertThat(ids(view.group().panes().get(3).chart()))
                    .containsExactly("btc.liquidations.long", "btc.liquidations.short");
        } finally {
            data.engine = true;
            shell.dispose();
        }
        // A k the indicators refuse is named with their bounds, and nothing is marked.
        CryptoView view = open(new CryptoView(shell(), new TestContext(Map.of("range", "1Y", "k", "5000"),
                Locale.ENGLISH), data), shell);
        assertThat(view.statusText()).contains("liquidation-flush").contains("'k'").contains("5000.0")
                .contains("[0.01, 1000.0]");
        assertThat(view.markers()).isEmpty();
    }

    @Test
    void withoutAnEngineTheMacroDeskStillShowsLevels() {
        data.engine = false;
        try {
            MacroView view = open(new MacroView(shell(), new TestContext(Map.of(), Locale.ENGLISH), data), shell);
            assertThat(view.statusText()).contains("No indicator engine is running");
            assertThat(ids(view.group().panes().get(0).chart())).containsExactly("us10y", "dollar");
            assertThat(view.group().panes().get(1).message()).contains("No indicator engine");
        } finally {
            data.engine = true;
        }
    }
}
