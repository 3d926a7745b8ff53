package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference: the division done in the test (exact: one IEEE division either way). Plus hand-checked values. */
class LeadershipRatioTest {

    private final LeadershipRatio ratio = new LeadershipRatio();

    @Test
    void softwareOverTheNasdaq100IsTheQuotientOnCommonDays() {
        SampleData.Table closes = SampleData.commonCloses(SampleData.yahoo("IGV"), SampleData.yahoo("QQQ"));
        double[] igv = SampleData.withGaps(closes.columns()[0], 700);
        double[] qqq = closes.columns()[1];
        double[] expected = new double[igv.length];
        for (int i = 0; i < igv.length; i++) {
            expected[i] = igv[i] / qqq[i];
        }
        double[] out = Harness.run(ratio, Map.of(), closes.times(), igv, qqq);
        Harness.assertClose(out, expected, 0, 0);
        assertThat(ratio.start(Map.of()).unstableBars()).isZero();
    }

    @Test
    void handCheckedRatiosAndNaNForAMissingValueOrAZeroIndex() {
        double[] basket = {10, 12, Double.NaN, 5, 3};
        double[] index = {5, 4, 2, 0, Double.NaN};
        double[] out = Harness.run(ratio, Map.of(), Harness.days(5), basket, index);
        assertThat(out).containsExactly(2.0, 3.0, Double.NaN, Double.NaN, Double.NaN);
    }
}
