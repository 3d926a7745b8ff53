package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.Freshness;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.views.chart.kit.Pane;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chart views follow the workspace's as-of date, on the sample's series: pinned to the
 * sample's date, no bar after it is drawn, the visible range ends there, the toolbar says so and
 * nothing is stale; unpinned ("Latest"), the newest bars with the stale series marked; pinned to
 * another day, the view follows without being opened again.
 */
class AsOfTest {

    /** The clock while unpinned: two days after BTC's last bar in the sample (2026-08-21). */
    private static final long NOW = LocalDate.of(2026, 8, 23).toEpochDay() * 86_400_000L;
    private static final WorkspaceDate.Pinned SAMPLE = new WorkspaceDate.Pinned(LocalDate.of(2026, 2, 6),
            WorkspaceDate.SAMPLE_REASON);

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
        view.clock = () -> NOW;
        shell.layout(true, true);
        shell.open();
        assertThat(Swt.pump(view::loaded, 20_000)).as("view loaded").isTrue();
        Swt.settle(300);
        return view;
    }

    private static long endOf(String day) {
        return Freshness.endOfDay(LocalDate.parse(day));
    }

    @Test
    void theChartEndsAtThePinnedDayAndFollowsTheDateWhenItChanges() throws Exception {
        data = TestData.sample();
        data.pinned = SAMPLE;
        ChartView view = open(s -> new ChartView(s, new TestContext(Map.of("series", "btc,spx", "range", "1Y"),
                Locale.ENGLISH), data), 900, 520);

        assertThat(ViewBase.day(view.group().dataMax())).as("the newest bar drawn").isEqualTo("2026-02-06");
        assertThat(view.group().upper()).as("the visible range ends at the pinned day").isLessThan(endOf("2026-02-06"));
        assertThat(view.group().lower()).as("a year of it").isLessThan(endOf("2025-02-10"));
        assertThat(view.asOfText()).isEqualTo("as of 2026-02-06 (the sample's date)");
        assertThat(view.price().staleNote()).as("nothing stale on the sample's date").isNull();
        assertLabelWhole(view);
        assertThat(Swt.screenshot(shell, "asof-chart-pinned")).isGreaterThan(30);

        // 'Latest': the newest bars; SPY ends 2026-07-23, a month before BTC's last bar.
        data.pin(null);
        assertThat(Swt.pump(() -> view.shownAsOf().pinned() == null && view.price().staleNote() != null, 20_000))
                .as("the newest data, with the stale series marked").isTrue();
        Swt.settle(1_500);
        assertThat(ViewBase.day(view.group().dataMax())).isEqualTo("2026-08-21");
        assertThat(view.group().upper()).as("to the newest bar").isGreaterThanOrEqualTo(endOf("2026-08-20"));
        assertThat(view.asOfText()).isNull();
        assertThat(view.price().staleNote()).isEqualTo("spx 4 wk old");
        assertThat(Swt.screenshot(shell, "asof-chart-latest")).isGreaterThan(30);

        data.pin(new WorkspaceDate.Pinned(LocalDate.of(2026, 3, 10), "set by you"));
        assertThat(Swt.pump(() -> view.shownAsOf().pinned() != null, 20_000)).as("pinned again").isTrue();
        Swt.settle(300);
        assertThat(ViewBase.day(view.group().dataMax())).isEqualTo("2026-03-10");
        assertThat(view.group().upper()).isLessThan(endOf("2026-03-10")).isGreaterThan(endOf("2026-03-09") - 1);
        assertThat(view.asOfText()).isEqualTo("as of 2026-03-10 (set by you)");
        assertThat(view.price().staleNote()).isNull();
        assertLabelWhole(view);
    }

    @Test
    void theMacroAndCryptoViewsEndAtThePinnedDayToo() throws Exception {
        data = TestData.workspace();
        data.pinned = SAMPLE;
        MacroView macro = open(s -> new MacroView(s, new TestContext(Map.of(), Locale.ENGLISH), data), 1200, 700);
        assertThat(ViewBase.day(macro.group().dataMax())).isEqualTo("2026-02-06");
        assertThat(macro.asOfText()).isEqualTo("as of 2026-02-06 (the sample's date)");
        // The test's DGS10 file ends 2025-12-30 (the shipped sample stitches a newer one):
        // 5 weeks old at the end of the pinned day, not the 7 months it is against the clock.
        Pane rates = macro.group().panes().get(0);
        assertThat(String.valueOf(rates.staleNote())).contains("us10y 5 wk old");
        assertLabelWhole(macro);
        assertThat(Swt.screenshot(shell, "asof-macro-pinned")).isGreaterThan(30);
        shell.dispose();

        CryptoView crypto = open(s -> new CryptoView(s, new TestContext(Map.of(), Locale.GERMAN), data), 1000, 700);
        assertThat(crypto.group().dataMax()).isLessThan(endOf("2026-02-06"));
        assertThat(crypto.asOfText()).isEqualTo("Stand 2026-02-06 (Datum des Beispiels)");
        assertLabelWhole(crypto);
    }

    /** The as-of label shows all of its text inside the view (it may take a line of its own). */
    private static void assertLabelWhole(ViewBase<?> view) {
        Label label = view.asOfLabel();
        assertThat(label.isVisible()).isTrue();
        Point wants = label.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        assertThat(label.getSize().x).as("the as-of label is not cut").isGreaterThanOrEqualTo(wants.x);
        assertThat(label.getBounds().x + label.getBounds().width).as("inside the toolbar")
                .isLessThanOrEqualTo(view.toolbar().getSize().x);
    }
}
