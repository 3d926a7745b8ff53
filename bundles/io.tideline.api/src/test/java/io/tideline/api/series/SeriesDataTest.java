package io.tideline.api.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesDataTest {

    @Test
    void copiesItsInputSoLaterChangesDoNotLeakIn() {
        long[] times = {1L, 2L, 3L};
        double[] values = {1.5, Double.NaN, 3.5};
        SeriesData data = SeriesData.ofValues(times, values);
        times[0] = 99L;
        values[0] = 99.0;
        assertThat(data.time(0)).isEqualTo(1L);
        assertThat(data.value(0)).isEqualTo(1.5);
        assertThat(data.value(1)).isNaN();

        long[] copy = data.copyTimes();
        copy[1] = -1L;
        assertThat(data.time(1)).isEqualTo(2L);
        assertThat(data.firstTime()).isEqualTo(1L);
        assertThat(data.lastTime()).isEqualTo(3L);
    }

    @Test
    void rejectsTimesThatDoNotStrictlyIncreaseNamingTheIndex() {
        assertThatThrownBy(() -> SeriesData.ofValues(new long[] {1, 5, 5}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 2");
        assertThatThrownBy(() -> SeriesData.ofValues(new long[] {3, 2}, new double[] {1, 2}))
                .hasMessageContaining("index 1 has 2 after 3");
    }

    @Test
    void rejectsColumnsOfAnotherLength() {
        Map<Field, double[]> columns = new EnumMap<>(Field.class);
        columns.put(Field.CLOSE, new double[] {1, 2});
        columns.put(Field.VOLUME, new double[] {1});
        assertThatThrownBy(() -> SeriesData.of(new long[] {1, 2}, columns))
                .hasMessageContaining("column VOLUME has 1 values for 2 timestamps");
        assertThatThrownBy(() -> SeriesData.of(new long[] {1}, Map.of()))
                .hasMessageContaining("at least one value column");
    }

    @Test
    void thePrimaryColumnIsCloseThenValue() {
        Map<Field, double[]> ohlc = new EnumMap<>(Field.class);
        ohlc.put(Field.OPEN, new double[] {1});
        ohlc.put(Field.CLOSE, new double[] {2});
        SeriesData bars = SeriesData.of(new long[] {10}, ohlc);
        assertThat(bars.primary()).isEqualTo(Field.CLOSE);
        assertThat(bars.value(0)).isEqualTo(2.0);
        assertThat(bars.get(Field.OPEN, 0)).isEqualTo(1.0);
        assertThatThrownBy(() -> bars.get(Field.VOLUME, 0)).hasMessageContaining("no column VOLUME");

        assertThat(SeriesData.ofValues(new long[] {1}, new double[] {7}).primary()).isEqualTo(Field.VALUE);
    }

    @Test
    void equalityIsByContent() {
        SeriesData a = SeriesData.ofValues(new long[] {1, 2}, new double[] {1, Double.NaN});
        SeriesData b = SeriesData.ofValues(new long[] {1, 2}, new double[] {1, Double.NaN});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(SeriesData.ofValues(new long[] {1, 2}, new double[] {1, 3}));
        assertThat(SeriesData.empty().isEmpty()).isTrue();
        assertThatThrownBy(() -> SeriesData.empty().firstTime()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void timeframesParseTheirLabels() {
        assertThat(Timeframe.parse("4H")).isEqualTo(Timeframe.H4);
        assertThat(Timeframe.parse(" 1d ").millis()).isEqualTo(86_400_000L);
        assertThatThrownBy(() -> Timeframe.parse("2h")).hasMessageContaining("1m, 5m, 15m, 1h, 4h, 1d, 1w");
        assertThat(Timeframe.parse("15m").millis()).isEqualTo(900_000L);
    }

    @Test
    void timeframesRunFromTheShortestToTheLongest() {
        Timeframe[] all = Timeframe.values();
        for (int i = 1; i < all.length; i++) {
            assertThat(all[i].millis()).as(all[i] + " after " + all[i - 1]).isGreaterThan(all[i - 1].millis());
        }
    }
}
