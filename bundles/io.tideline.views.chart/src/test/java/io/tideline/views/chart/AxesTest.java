package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.views.chart.kit.AxisFormat;
import io.tideline.views.chart.kit.Layer;
import io.tideline.views.chart.kit.Pane;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.IAxis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Units on every axis and no clipped text, as a trader reads the views: each y-axis with a
 * series on it has a title (its unit) and tick labels in that unit, every tick label and pane
 * header fits (SWT text extent against the widget), funding reads in % per 8h, open interest in
 * the series' unit, a yield stays a level beside a price, a series without volume gets no
 * volume pane, a stale series is marked, and "Loading…" shows until the data services run.
 */
class AxesTest {

    /** A fixed clock: 2026-08-22, the day after the sample's newest BTC bar. */
    private static final long NOW = LocalDate.of(2026, 8, 22).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

    private Shell shell;
    private TestData data;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
        if (data != null) {
            data.executor.shutdownNow();
        }
    }

    private <V extends ViewBase<?>> V open(java.util.function.Function<Shell, V> make, int w, int h) {
        shell = new Shell(Swt.display());
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, w, h);
        V view = make.apply(shell);
        shell.layout(true, true);
        shell.open();
        assertThat(Swt.pump(view::loaded, 20_000)).as("view loaded").isTrue();
        Swt.settle(300);
        return view;
    }

    /** Every axis carrying a layer has a unit title, and its tick labels and the pane header fit. */
    private static void assertUnitsAndNothingClipped(ViewBase<?> view, String what) {
        for (Pane p : view.group().shownPanes()) {
            GC gc = new GC(p.chart());
            try {
                int plot = p.chart().getPlotArea().getSize().x;
                assertThat(gc.textExtent(p.header()).x).as(what + ": header of " + p.name() + " fits").isLessThan(plot);
                for (IAxis y : p.chart().getAxisSet().getYAxes()) {
                    boolean used = p.layers().stream().anyMatch(l -> p.chart().getSeriesSet().getSeries(l.id()).getYAxisId() == y.getId());
                    if (!used) {
                        continue;
                    }
                    assertThat(y.getTitle().getText()).as(what + ": unit of a y-axis of " + p.name()).isNotBlank();
                    assertThat(y.getTitle().getFont().getFontData()[0].getStyle() & org.eclipse.swt.SWT.BOLD)
                            .as(what + ": plain axis title").isZero();
                    for (String label : tickLabels(y)) {
                        assertThat(label).as(what + ": SWTChart's label of a tick that did not parse").isNotEqualTo("...");
                        assertThat(label).as(what + ": no 9-decimal tick").doesNotContain("0.00000");
                    }
                    // even ticks: SWTChart hides a label too close to the last one drawn, which made
                    // a 5% grid read +20%, +15%, +5%, 0%, -10%; every tick must keep its label
                    var labels = ((org.eclipse.swtchart.internal.axis.AxisTick) y.getTick()).getAxisTickLabels();
                    assertThat(labels.getTickVisibilities()).as(what + ": every y tick of " + p.name() + " labelled "
                            + labels.getTickLabels()).doesNotContain(Boolean.FALSE);
                }
            } finally {
                gc.dispose();
            }
        }
    }

    private static String[] tickLabels(IAxis y) {
        // The labels SWTChart drew last (internal API; read-only).
        return ((org.eclipse.swtchart.internal.axis.AxisTick) y.getTick()).getAxisTickLabels().getTickLabels()
                .toArray(String[]::new);
    }

    @Test
    void cryptoAxesReadInTheirUnits() throws Exception {
        data = TestData.workspace();
        CryptoView view = open(s -> {
            CryptoView v = new CryptoView(s, new TestContext(Map.of("range", "1Y"), Locale.ENGLISH), data);
            return v;
        }, 1200, 860);
        List<Pane> panes = view.group().panes();
        Pane funding = panes.get(1);
        assertThat(funding.chart().getAxisSet().getYAxis(0).getTitle().getText()).isEqualTo("% per 8h");
        assertThat(((AxisFormat) funding.tickFormat(0)).suffix()).isEqualTo("%");
        Layer f = funding.layers().get(0);
        // The sample stores 0.0001 per 8h; the pane shows it ×100 (0.01%).
        double raw = data.read(data.roles.get("btc.funding")).value(0);
        assertThat(f.unit()).isEqualTo("% per 8h");
        assertThat(funding.describe(Long.MIN_VALUE / 4).get(0)).contains("% per 8h");
        assertThat(Double.parseDouble(funding.describe(Long.MIN_VALUE / 4).get(0).replaceAll(".*  ([-0-9.,]+) % per 8h", "$1")
                .replace(",", ""))).isCloseTo(raw * 100, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(panes.get(2).chart().getAxisSet().getYAxis(0).getTitle().getText()).as("CME open interest").isEqualTo("contracts");
        assertThat(panes.get(2).name()).as("titled with the series' own name").isEqualTo(TestData.CME_OI_NAME);
        assertThat(panes.get(2).layers()).extracting(Layer::id).containsExactly("btc.cme.oi");
        assertThat(panes.get(3).chart().getAxisSet().getYAxis(0).getTitle().getText()).isEqualTo("USD");
        assertThat(view.group().panes().get(0).chart().getAxisSet().getYAxis(0).getTitle().getText()).isEqualTo("USDT");
        // Both liquidation series end 2026-08-07: on 2026-08-22 the pane says it once.
        view.clock = () -> NOW;
        view.reload();
        assertThat(Swt.pump(() -> "2 wk old".equals(panes.get(3).staleNote()), 20_000))
                .as(String.valueOf(panes.get(3).staleNote())).isTrue();
        assertThat(view.group().panes().get(0).staleNote()).as("BTC's last bar is 2026-08-21: fresh").isNull();
        Swt.settle(300);
        assertUnitsAndNothingClipped(view, "crypto");
        assertThat(Swt.screenshot(shell, "axes-crypto")).isGreaterThan(30);
    }

    @Test
    void aYieldBesideAPriceStaysALevelAndADollarIndexHasNoVolumePane() throws Exception {
        data = TestData.sample();
        ChartView view = open(s -> new ChartView(s, new TestContext(Map.of("series", "btc,us10y", "range", "5Y"),
                Locale.ENGLISH), data), 1000, 600);
        Pane price = view.price();
        Layer yield = price.find("us10y");
        assertThat(price.normalised()).isTrue();
        int axis = price.chart().getSeriesSet().getSeries("us10y").getYAxisId();
        assertThat(axis).as("the yield is on its own axis").isNotZero();
        assertThat(price.chart().getAxisSet().getYAxis(axis).getTitle().getText()).isEqualTo("% (level)");
        double[] ys = price.chart().getSeriesSet().getSeries("us10y").getYSeries();
        assertThat(java.util.Arrays.stream(ys).allMatch(v -> v > 0 && v < 6)).as("yield plotted as its level (0..6%), not rebased to 100").isTrue();
        assertThat(yield.unit()).isEqualTo("%");
        assertUnitsAndNothingClipped(view, "btc,us10y");
        assertThat(Swt.screenshot(shell, "axes-chart-yield")).isGreaterThan(30);
        view.setSeries("dollar");
        assertThat(Swt.pump(() -> view.price() != null && view.price().find("dollar") != null, 20_000)).isTrue();
        Swt.settle(300);
        assertThat(view.group().panes()).as("DXY's volume column is all zeros: no volume pane").hasSize(1);
        assertThat(view.price().chart().getAxisSet().getYAxis(0).getTitle().getText()).isEqualTo("index");
        assertUnitsAndNothingClipped(view, "dollar");
    }

    @Test
    void onlyASeriesThatTradesGetsAVolumePane() throws Exception {
        // DXY from Yahoo: volume 0 on every bar but two in 2015.
        assertThat(ChartView.hasVolume(TestData.ohlcv("yahoo/DXY.csv", 0, 4, 2, 3, 1, 5))).isFalse();
        assertThat(ChartView.hasVolume(TestData.ohlcv("binance/BTCUSDT_1d.csv", 0, 1, 2, 3, 4, 5))).isTrue();
        assertThat(ChartView.hasVolume(TestData.ohlcv("yahoo/SPY.csv", 0, 4, 2, 3, 1, 5))).isTrue();
    }

    @Test
    void macroAxesCarryUnitsAndStaleSeriesAreMarked() throws Exception {
        data = TestData.sample();
        MacroView view = open(s -> {
            MacroView v = new MacroView(s, new TestContext(Map.of(), Locale.ENGLISH), data);
            return v;
        }, 1200, 700);
        assertUnitsAndNothingClipped(view, "macro");
        Pane rates = view.group().panes().get(0);
        assertThat(((AxisFormat) rates.tickFormat(0)).suffix()).as("10Y in %").isEqualTo("%");
        // Unpinned, the views measure age against the clock; a fixed one makes the note testable.
        view.clock = () -> NOW;
        view.reload();
        // DGS10 in the sample ends 2025-12-30: about 7 months before 2026-08-22.
        assertThat(Swt.pump(() -> String.valueOf(rates.staleNote()).contains("us10y 7 mo old"), 20_000))
                .as(String.valueOf(rates.staleNote())).isTrue();
        long day = 86_400_000L;
        assertThat(io.tideline.api.series.Freshness.staleAge(new long[] {NOW - day}, io.tideline.api.series.Timeframe.D1, NOW))
                .as("yesterday's bar is fresh").isEqualTo(-1);
        // Friday 2026-08-21 seen on Monday 2026-08-24 from a series without weekend bars: fresh.
        long[] weekdays = {NOW - 5 * day, NOW - 4 * day, NOW - 3 * day, NOW - 2 * day, NOW - day};
        assertThat(io.tideline.api.series.Freshness.staleAge(weekdays, io.tideline.api.series.Timeframe.D1, NOW + 2 * day + 12 * 3_600_000L))
                .isEqualTo(-1);
        assertThat(io.tideline.api.series.Freshness.staleAge(new long[] {NOW - 3 * day}, io.tideline.api.series.Timeframe.W1, NOW)).isEqualTo(-1);
        assertThat(Swt.screenshot(shell, "axes-macro")).isGreaterThan(30);
    }

    @Test
    void aViewSaysLoadingUntilTheDataServicesRun() throws Exception {
        data = TestData.sample();
        data.ready = false;
        shell = new Shell(Swt.display());
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, 800, 500);
        ChartView view = new ChartView(shell, new TestContext(Map.of(), Locale.ENGLISH), data);
        shell.layout(true, true);
        shell.open();
        Swt.settle(500);
        assertThat(view.showsLoading()).isTrue();
        assertThat(view.group().panes()).as("no empty 1970 axis").isEmpty();
        assertThat(view.statusText()).isEqualTo("Loading…");
        data.ready = true;
        data.notifyRolesChanged();
        assertThat(Swt.pump(view::loaded, 20_000)).isTrue();
        assertThat(view.showsLoading()).isFalse();
        assertThat(view.price().layers()).hasSize(2);
    }

    @Test
    void axisLabelsGroupThousandsAndCompactLargeAmounts() throws Exception {
        AxisFormat usd = AxisFormat.forUnit("USD", Locale.ENGLISH);
        usd.magnitude(120_000);
        assertThat(usd.text(65_000)).isEqualTo("65,000");
        usd.magnitude(1.5e9);
        assertThat(usd.text(1.2e9)).isEqualTo("1.2B");
        assertThat(usd.text(350e6)).isEqualTo("0.35B");
        usd.magnitude(400e6);
        assertThat(usd.text(350e6)).isEqualTo("350M");
        AxisFormat pct = AxisFormat.forUnit("% per 8h", Locale.ENGLISH);
        pct.magnitude(0.02);
        assertThat(pct.text(0.0105)).isEqualTo("0.0105%");
        assertThat(AxisFormat.forUnit("bp", Locale.ENGLISH).text(25)).isEqualTo("25 bp");
        AxisFormat de = AxisFormat.forUnit("USD", Locale.GERMAN);
        de.magnitude(120_000);
        assertThat(de.text(65_000)).isEqualTo("65.000");
        // SWTChart places a label by parsing it back: every form must read as its value.
        usd.magnitude(1.5e9);
        assertThat((Double) usd.parseObject("1.25B")).isEqualTo(1.25e9);
        assertThat((Double) pct.parseObject("0.0105%")).isEqualTo(0.0105);
        assertThat((Double) de.parseObject("65.000")).isEqualTo(65_000.0);
    }
}
