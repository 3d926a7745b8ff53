package io.tideline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.indicators.Correlation;
import io.tideline.indicators.SimpleReturn;
import io.tideline.indicators.Sma;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A graph evaluated on daily bars ({@code evaluate(..., Timeframe.D1)}) over a series stored at 1h
 * reads one bar per UTC day, the day's last hourly close, exactly as if the daily series had been
 * stored; read natively, the same windows would count hours (the checklist's "7-day" return would
 * be 7 hours). Real store (embedded Derby), real engine, real indicators.
 */
class DailyBarsOfHourlySeriesTest {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** 2024-01-01 00:00 UTC. */
    private static final long START = 19_723 * DAY;
    private static final int DAYS = 40;

    @TempDir
    Path dir;

    @Test
    void aGraphOnDailyBarsReadsTheDaysLastHourlyCloseAsIfTheDailySeriesWereStored() throws Exception {
        Random r = new Random(11);
        int n = DAYS * 24;
        long[] hours = new long[n];
        double[] open = new double[n];
        double[] close = new double[n];
        double x = 40_000;
        for (int i = 0; i < n; i++) {
            hours[i] = START + i * HOUR;
            open[i] = x;
            x *= Math.exp(0.004 * r.nextGaussian());
            close[i] = x;
        }
        // the reference, by hand: each UTC day's last hourly close, stamped at the day's start
        long[] days = new long[DAYS];
        double[] dailyClose = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            days[d] = START + d * DAY;
            dailyClose[d] = close[d * 24 + 23];
        }
        // an index on weekdays' daily bars, for a pair that joins on days
        long[] weekdays = java.util.Arrays.stream(days).filter(t -> Math.floorMod(t / DAY + 3, 7) < 5).toArray();
        double[] index = new double[weekdays.length];
        double y = 500;
        for (int i = 0; i < index.length; i++) {
            y *= Math.exp(0.01 * r.nextGaussian());
            index[i] = y;
        }

        Path db = dir.resolve("db");
        ChunkedSeriesStore store = ChunkedSeriesStore.openEmbedded(db);
        SeriesId hourly = SeriesId.parse("binance:BTCUSDT:perp.1h");
        SeriesId daily = SeriesId.parse("test:BTCUSDT:1d");
        SeriesId spy = SeriesId.parse("yahoo:SPY");
        store.upsert(new SeriesDescriptor(hourly, "BTC 1h", "USD", SeriesKind.PRICE, AssetClass.CRYPTO, Timeframe.H1),
                SeriesData.of(hours, Map.of(Field.OPEN, open, Field.CLOSE, close)));
        store.upsert(new SeriesDescriptor(daily, "BTC 1d", "USD", SeriesKind.PRICE, AssetClass.CRYPTO, Timeframe.D1),
                SeriesData.ofValues(days, dailyClose));
        store.upsert(new SeriesDescriptor(spy, "SPY", "USD", SeriesKind.PRICE, AssetClass.EQUITY, Timeframe.D1),
                SeriesData.ofValues(weekdays, index));
        EngineComponent engine = new EngineComponent(store, DailyCorrelationTest.roles(Map.of("btc", hourly, "btc.daily", daily,
                "spx", spy)));
        engine.activate();
        for (Indicator i : List.<Indicator>of(new Sma(), new SimpleReturn(), new Correlation())) {
            engine.addIndicator(i, reference());
        }
        try {
            List<IndicatorNode> graph = List.of(
                    new IndicatorNode("raw", "sma", Map.of("window", 1.0), List.of("btc")),
                    new IndicatorNode("week", "simple-return", Map.of("periods", 7.0), List.of("btc")),
                    new IndicatorNode("rho", "correlation", Map.of("window", 10.0), List.of("spx", "btc")));
            List<IndicatorNode> reference = List.of(
                    new IndicatorNode("raw", "sma", Map.of("window", 1.0), List.of("btc.daily")),
                    new IndicatorNode("week", "simple-return", Map.of("periods", 7.0), List.of("btc.daily")),
                    new IndicatorNode("rho", "correlation", Map.of("window", 10.0), List.of("spx", "btc.daily")));
            long to = START + DAYS * DAY;
            Map<String, IndicatorResult> onDays = engine.evaluate(graph, Long.MIN_VALUE, to, Timeframe.D1);
            Map<String, IndicatorResult> stored = engine.evaluate(reference, Long.MIN_VALUE, to);
            for (String node : List.of("raw", "week", "rho")) {
                SeriesData a = onDays.get(node).output();
                SeriesData b = stored.get(node).output();
                assertThat(onDays.get(node).error()).isNull();
                assertThat(a.copyTimes()).as(node).isEqualTo(b.copyTimes());
                assertThat(a.copyColumn(Field.VALUE)).as(node).containsExactly(b.copyColumn(Field.VALUE));
            }
            assertThat(onDays.get("raw").output().size()).isEqualTo(DAYS);
            assertThat(onDays.get("rho").output().size()).isEqualTo(weekdays.length);
            // the week's return is the daily close over the close seven days before, by hand
            assertThat(onDays.get("week").output().get(Field.VALUE, DAYS - 1))
                    .isEqualTo(dailyClose[DAYS - 1] / dailyClose[DAYS - 8] - 1);

            // read natively the same graph counts hours: 24 bars a day, a 7-bar return of 7 hours
            Map<String, IndicatorResult> native1h = engine.evaluate(graph, Long.MIN_VALUE, to);
            assertThat(native1h.get("raw").output().size()).isEqualTo(n);
            assertThat(native1h.get("week").output().get(Field.VALUE, n - 1)).isEqualTo(close[n - 1] / close[n - 8] - 1);
        } finally {
            engine.deactivate();
            ChunkedSeriesStore.shutdownEmbedded(db);
        }
    }

    /** A service reference whose bundle is this test, as the engine records an indicator's provider. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<Indicator> reference() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> m.getName().equals("getSymbolicName") ? "io.tideline.engine.test" : null);
        return (ServiceReference<Indicator>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (p, m, a) -> m.getName().equals("getBundle") ? bundle : null);
    }
}
