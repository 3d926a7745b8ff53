package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference: hand-checked counts, and on real data a naive backwards search for the peak bar (exact). */
class BarsUnderWaterTest {

    private final BarsUnderWater underWater = new BarsUnderWater();

    @Test
    void handCheckedCountsIncludingAMatchedPeakAndAGap() {
        double[] prices = {100, 120, 90, 110, 120, 119, Double.NaN, 118, 121};
        double[] out = Harness.run(underWater, Map.of(), Harness.days(9), prices);
        assertThat(out).containsExactly(0.0, 0.0, 1.0, 2.0, 0.0, 1.0, Double.NaN, 3.0, 0.0);
    }

    @Test
    void qqqCountsMatchANaiveSearchForTheLastPeak() {
        SampleData.Bars qqq = SampleData.qqq();
        double[] close = qqq.close();
        double[] out = Harness.run(underWater, Map.of(), qqq.times(), close);
        int longest = 0;
        for (int i = 0; i < close.length; i++) {
            double peak = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= i; j++) {
                peak = Math.max(peak, close[j]);
            }
            int lastPeak = i;
            while (close[lastPeak] != peak) {
                lastPeak--;
            }
            assertThat(out[i]).as("bar %d", i).isEqualTo(i - lastPeak);
            longest = Math.max(longest, i - lastPeak);
        }
        // QQQ spent most of 2022-2023 under its November 2021 high
        assertThat(longest).isGreaterThan(250);
    }
}
