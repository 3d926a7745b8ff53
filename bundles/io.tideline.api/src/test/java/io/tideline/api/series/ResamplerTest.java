package io.tideline.views.chart.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Timeframe;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final long H = 3_600_000L;

    @Test
    void aggregatesHoursIntoUtcAlignedFourHourBars() {
        long day = 1_700_006_400_000L - 1_700_006_400_000L % (24 * H);
        long[] t = {day, day + H, day + 2 * H, day + 3 * H, day + 4 * H, day + 5 * H};
        SeriesData hourly = SeriesData.of(t, Map.of(
                Field.OPEN, new double[] {10, 11, 12, 13, 20, 21},
                Field.HIGH, new double[] {12, 15, 13, 14, 22, 23},
                Field.LOW, new double[] {9, 10, 8, 12, 19, 20},
                Field.CLOSE, new double[] {11, 12, 13, 14, 21, 22},
                Field.VOLUME, new double[] {1, 2, 3, 4, 5, 6}));
        SeriesData four = Resampler.resample(hourly, Timeframe.H4);
        assertThat(four.copyTimes()).containsExactly(day, day + 4 * H);
        assertThat(four.copyColumn(Field.OPEN)).containsExactly(10, 20);
        assertThat(four.copyColumn(Field.HIGH)).containsExactly(15, 23);
        assertThat(four.copyColumn(Field.LOW)).containsExactly(8, 19);
        assertThat(four.copyColumn(Field.CLOSE)).containsExactly(14, 22);
        assertThat(four.copyColumn(Field.VOLUME)).containsExactly(10, 11);
        assertThat(Resampler.inferTimeframe(hourly)).isEqualTo(Timeframe.H1);
        assertThat(Resampler.inferTimeframe(four)).isEqualTo(Timeframe.H4);
    }
}
