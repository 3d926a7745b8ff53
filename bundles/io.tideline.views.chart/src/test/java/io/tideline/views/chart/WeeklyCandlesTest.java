package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chart's weekly candles of the sample's S&P 500 ETF are ISO weeks: each stamped Monday
 * 00:00 UTC, opening on the week's first trading day and closing on its last, as java.time groups
 * them (the engine's weekly bars are checked against the same grouping in its WeeklyBarsTest).
 */
class WeeklyCandlesTest {

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

    @Test
    void weeklyCandlesStartOnMondayAndMatchIsoWeeksGroupedWithJavaTime() throws Exception {
        data = TestData.sample();
        shell = new Shell(Swt.display());
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, 900, 520);
        ChartView view = new ChartView(shell, new TestContext(Map.of("series", "spx", "timeframe", "1w",
                "style", "candles"), Locale.ENGLISH), data);
        shell.layout(true, true);
        shell.open();
        assertThat(Swt.pump(view::loaded, 20_000)).as("view loaded").isTrue();

        SeriesData candles = view.load(view.shownAsOf()).series().get(0).data();
        SeriesData daily = data.read(SeriesId.parse("yahoo:SPY"));
        // {open, high, low, close} per Monday, grouped plainly.
        TreeMap<LocalDate, double[]> weeks = new TreeMap<>();
        for (int i = 0; i < daily.size(); i++) {
            LocalDate monday = Instant.ofEpochMilli(daily.time(i)).atZone(ZoneOffset.UTC).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            double[] w = weeks.get(monday);
            if (w == null) {
                weeks.put(monday, new double[] {daily.get(Field.OPEN, i), daily.get(Field.HIGH, i),
                    daily.get(Field.LOW, i), daily.get(Field.CLOSE, i)});
            } else {
                w[1] = Math.max(w[1], daily.get(Field.HIGH, i));
                w[2] = Math.min(w[2], daily.get(Field.LOW, i));
                w[3] = daily.get(Field.CLOSE, i);
            }
        }
        assertThat(candles.size()).isEqualTo(weeks.size()).isGreaterThan(600);
        int k = 0;
        for (Map.Entry<LocalDate, double[]> week : weeks.entrySet()) {
            LocalDate start = Instant.ofEpochMilli(candles.time(k)).atZone(ZoneOffset.UTC).toLocalDate();
            assertThat(start).isEqualTo(week.getKey());
            assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(new double[] {candles.get(Field.OPEN, k), candles.get(Field.HIGH, k), candles.get(Field.LOW, k),
                candles.get(Field.CLOSE, k)}).as("week of %s", start).containsExactly(week.getValue());
            k++;
        }
        // The candles are drawn as such, one per week of the visible range.
        assertThat(view.price().layers().get(0).style()).isEqualTo(io.tideline.views.chart.kit.Layer.Style.CANDLES);
        assertThat(view.price().candleCount()).isPositive();
    }
}
