package io.tideline.api.indicator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.stat.descriptive.summary.Sum;
import org.junit.jupiter.api.Test;

/** Reference: commons-math {@link Sum} over each window; relative tolerance 1e-9. */
class RollingSumTest {

    @Test
    void matchesTheSumOfEachWindowThroughGaps() {
        double[] x = RandomSeries.walk(5000, 1e4, 11);
        x[100] = Double.NaN;
        x[2000] = Double.NaN;
        RollingSum sum = new RollingSum(50);
        double[] sums = new double[x.length];
        double[] means = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sum.add(x[i]);
            sums[i] = sum.sum();
            means[i] = sum.mean();
        }
        double[] expected = WindowReference.naive(x, 50, new Sum()::evaluate);
        WindowReference.assertClose(sums, expected, WindowReference.REFERENCE_TOLERANCE, 0);
        for (int i = 0; i < x.length; i++) {
            expected[i] /= 50;
        }
        WindowReference.assertClose(means, expected, WindowReference.REFERENCE_TOLERANCE, 0);
    }

    @Test
    void fewerThanWindowValidPointsIsNaN() {
        RollingSum sum = new RollingSum(2);
        sum.add(1);
        assertThat(sum.isReady()).isFalse();
        assertThat(sum.sum()).isNaN();
        sum.add(2);
        assertThat(sum.sum()).isEqualTo(3);
        sum.add(Double.NaN);
        assertThat(sum.mean()).isNaN();
        sum.add(4);
        assertThat(sum.mean()).isNaN();
        sum.add(6);
        assertThat(sum.mean()).isEqualTo(5);
        assertThatThrownBy(() -> new RollingSum(0)).hasMessageContaining("window 0");
    }
}
