package io.tideline.api.indicator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference: commons-math {@link Variance} (n - 1) and {@link Mean} over each window; relative tolerance 1e-9. */
class RollingVarianceTest {

    private static double[][] run(double[] x, int window) {
        RollingVariance variance = new RollingVariance(window);
        double[][] out = new double[2][x.length];
        for (int i = 0; i < x.length; i++) {
            variance.add(x[i]);
            out[0][i] = variance.variance();
            out[1][i] = variance.mean();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64, 1000})
    void matchesVarianceAndMeanOfEachWindowThroughGaps(int window) {
        double[] x = RandomSeries.walk(6000, 50_000, window);
        x[1500] = Double.NaN;
        x[1501] = Double.NaN;
        double[][] out = run(x, window);
        WindowReference.assertClose(out[0], WindowReference.naive(x, window, new Variance()::evaluate), WindowReference.REFERENCE_TOLERANCE, 0);
        WindowReference.assertClose(out[1], WindowReference.naive(x, window, new Mean()::evaluate), WindowReference.REFERENCE_TOLERANCE, 0);
    }

    @Test
    void aNarrowWindowAfterAWideOneUnderALargeLevelKeepsItsPrecision() {
        // BTC-like: around 100,000, days swinging by thousands, then days moving a few dollars. A
        // remove loses about ulp(mean) * |deviation| unless values are shifted to a reference
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            boolean wide = (i / 7) % 2 == 0;
            x[i] = 100_000 + (wide ? 2_000 * Math.sin(i) : 3 * Math.cos(i));
        }
        double[][] out = run(x, 3);
        WindowReference.assertClose(out[0], WindowReference.naive(x, 3, new Variance()::evaluate), WindowReference.REFERENCE_TOLERANCE, 0);
    }

    @Test
    void aConstantWindowHasZeroVarianceNotANegativeOne() {
        RollingVariance variance = new RollingVariance(4);
        for (int i = 0; i < 50; i++) {
            variance.add(i < 10 ? i * 1e6 : 0.1 + 1e9);
        }
        assertThat(variance.variance()).isZero();
        assertThat(variance.standardDeviation()).isZero();
    }
}
