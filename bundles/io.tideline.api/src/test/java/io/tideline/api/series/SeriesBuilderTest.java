package io.tideline.api.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesBuilderTest {

    @Test
    void keepsTheRangeGrowsAndLetsTheLaterBarOfOneTimeWin() {
        SeriesBuilder b = SeriesBuilder.values(10, 1_000);
        b.add(5, 1.0);                  // before the range: dropped
        for (int t = 10; t <= 500; t++) {
            b.add(t, t * 0.5);          // more than the initial capacity of 64
        }
        b.add(500, -1.0);               // same time as the last: replaces it
        b.add(2_000, 9.0);              // after the range: dropped
        SeriesData d = b.build();
        assertThat(d.size()).isEqualTo(491).isEqualTo(b.size());
        assertThat(d.time(0)).isEqualTo(10);
        assertThat(d.value(0)).isEqualTo(5.0);
        assertThat(d.value(490)).isEqualTo(-1.0);
        assertThat(b.lastTime()).isEqualTo(500);
    }

    @Test
    void ohlcvBarsKeepTheirColumnsAndTheWrongKindOfAddIsRefused() {
        SeriesBuilder b = SeriesBuilder.ohlcv(Long.MIN_VALUE, Long.MAX_VALUE);
        b.add(1, 10, 12, 9, 11, 100);
        SeriesData d = b.build();
        assertThat(d.fields()).containsExactly(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);
        assertThat(d.get(Field.LOW, 0)).isEqualTo(9);
        assertThat(d.value(0)).isEqualTo(11);
        assertThatThrownBy(() -> b.add(2, 1.0)).hasMessageContaining("not one value");
        assertThatThrownBy(() -> SeriesBuilder.values(0, 9).add(1, 1, 1, 1, 1, 1)).hasMessageContaining("not OHLCV");
        assertThat(SeriesBuilder.ohlcv(0, -1).build().isEmpty()).isTrue();
    }

    @Test
    void timesGoingBackwardsAreRefusedAtBuild() {
        SeriesBuilder b = SeriesBuilder.values(Long.MIN_VALUE, Long.MAX_VALUE);
        b.add(5, 1);
        b.add(3, 1);
        assertThatThrownBy(b::build).hasMessageContaining("index 1");
    }
}
