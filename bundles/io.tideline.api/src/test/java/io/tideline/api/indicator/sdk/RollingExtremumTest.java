package io.tideline.api.indicator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Max;
import org.apache.commons.math3.stat.descriptive.rank.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference: commons-math {@link Max} and {@link Min} over each window; exact (they pick, not compute). */
class RollingExtremumTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 100})
    void matchesMaxAndMinOfEachWindowWithTiesAndGaps(int window) {
        SplittableRandom random = new SplittableRandom(window);
        double[] x = new double[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(20); // many ties
        }
        x[400] = Double.NaN;
        x[401] = Double.NaN;
        x[2999] = Double.NaN;
        RollingExtremum max = RollingExtremum.max(window);
        RollingExtremum min = RollingExtremum.min(window);
        double[] maxes = new double[x.length];
        double[] mins = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            max.add(x[i]);
            min.add(x[i]);
            maxes[i] = max.value();
            mins[i] = min.value();
        }
        WindowReference.assertClose(maxes, WindowReference.naive(x, window, new Max()::evaluate), 0, 0);
        WindowReference.assertClose(mins, WindowReference.naive(x, window, new Min()::evaluate), 0, 0);
    }

    @Test
    void aDecreasingRunKeepsTheOldMaximumUntilItLeaves() {
        RollingExtremum max = RollingExtremum.max(3);
        double[] x = {9, 8, 7, 6, 10};
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            max.add(x[i]);
            out[i] = max.value();
        }
        assertThat(out).containsExactly(Double.NaN, Double.NaN, 9, 8, 10);
    }
}
