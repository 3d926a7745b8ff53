package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.indicator.Indicator;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.rank.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both breadth indicators. Reference: each member's condition recomputed over each of its
 * windows with commons-math {@link Mean} (above the moving average) or {@link Min} (at the low),
 * a member qualifying when its window holds no NaN, and the share counted in the test; exact
 * (the shares are the same quotient of two counts). Plus hand-checked baskets.
 */
class BreadthTest {

    private final BreadthAboveMa aboveMa = new BreadthAboveMa();
    private final BreadthAtLow atLow = new BreadthAtLow();

    /** SPY, QQQ, IGV, GLD and DXY on common days; IGV with a gap, GLD "listed" 200 days late. */
    private static SampleData.Table basket() {
        SampleData.Table closes = SampleData.commonCloses(SampleData.yahoo("SPY"), SampleData.yahoo("QQQ"),
                SampleData.yahoo("IGV"), SampleData.yahoo("GLD"), SampleData.yahoo("DXY"));
        double[][] members = closes.columns().clone();
        members[2] = SampleData.withGaps(members[2], 1200, 1201);
        members[3] = members[3].clone();
        Arrays.fill(members[3], 0, 200, Double.NaN);
        return new SampleData.Table(closes.times(), members);
    }

    /** The share of members for which {@code condition} holds on each bar, naively. */
    private static double[] naiveShare(double[][] members, int window, Harness.WindowStatistic condition) {
        int n = members[0].length;
        double[][] verdicts = new double[members.length][];
        for (int m = 0; m < members.length; m++) {
            verdicts[m] = Harness.naive(members[m], window, condition);
        }
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            int qualifying = 0;
            int holding = 0;
            for (double[] v : verdicts) {
                if (!Double.isNaN(v[i])) {
                    qualifying++;
                    holding += (int) v[i];
                }
            }
            share[i] = qualifying == 0 ? Double.NaN : (double) holding / qualifying;
        }
        return share;
    }

    private static double[] run(Indicator indicator, int window, SampleData.Table basket) {
        return Harness.run(indicator, Map.of("window", (double) window), basket.times(), basket.columns());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 20, 50, 200})
    void aboveMaMatchesTheMeanOfEachMembersWindow(int window) {
        SampleData.Table basket = basket();
        double[] expected = naiveShare(basket.columns(), window,
                (x, b, n) -> x[b + n - 1] > new Mean().evaluate(x, b, n) ? 1 : 0);
        Harness.assertClose(run(aboveMa, window, basket), expected, 0, 0);
        assertThat(aboveMa.start(Map.of("window", (double) window)).unstableBars()).isEqualTo(window - 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 20, 100})
    void atLowMatchesTheMinimumOfEachMembersWindow(int window) {
        SampleData.Table basket = basket();
        double[] expected = naiveShare(basket.columns(), window,
                (x, b, n) -> x[b + n - 1] <= new Min().evaluate(x, b, n) ? 1 : 0);
        double[] out = run(atLow, window, basket);
        Harness.assertClose(out, expected, 0, 0);
        assertThat(atLow.start(Map.of("window", (double) window)).unstableBars()).isEqualTo(window - 1);
        // March 2020: on some day at least 3 of the 5 were at their 20-day low
        if (window == 20) {
            assertThat(Arrays.stream(out).filter(v -> v >= 0.6).count()).isPositive();
        }
    }

    @Test
    void handCheckedAboveMaWithALateMemberAndAGap() {
        double[] a = {1, 2, 3, 4, 3, 2};        // SMA(3) from bar 2: 2, 3, 3.33, 3
        double[] b = {5, 5, 5, 6, Double.NaN, 7}; // SMA(3): 5, 5.33, then a gap in every window
        double[] c = {Double.NaN, Double.NaN, Double.NaN, 1, 2, 3}; // qualifies from bar 5: SMA 2
        double[] out = Harness.run(aboveMa, Map.of("window", 3.0), Harness.days(6), a, b, c);
        // bar 2: a above (3 > 2), b not (5 = 5): 1/2; bar 3: a (4 > 3), b (6 > 5.33): 2/2;
        // bar 4: a not (3 < 3.33), b missing: 0/1; bar 5: a not, b's window has the gap, c above: 1/2
        assertThat(out).containsExactly(Double.NaN, Double.NaN, 0.5, 1.0, 0.0, 0.5);
    }

    @Test
    void handCheckedAtLowCountsTiesAndIsNaNWithoutAQualifyingMember() {
        double[] a = {5, 4, 4, 6, 3, 7};
        double[] b = {2, 3, 1, 1, 2, Double.NaN};
        double[] out = Harness.run(atLow, Map.of("window", 3.0), Harness.days(6), a, b);
        // bar 2: a 4 ties the low 4 -> at low, b 1 is the low: 2/2; bar 3: a 6 no, b 1 ties: 1/2;
        // bar 4: a 3 is the low, b 2 > 1: 1/2; bar 5: a 7 no, b missing: 0/1
        assertThat(out).containsExactly(Double.NaN, Double.NaN, 1.0, 0.5, 0.5, 0.0);
        double[] none = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        assertThat(Harness.run(atLow, Map.of("window", 2.0), Harness.days(4), none, none)).containsOnly(Double.NaN);
    }
}
