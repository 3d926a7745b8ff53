package io.tideline.api.indicator.sdk;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference: the slope of commons-math {@link SimpleRegression} against 0..n-1 over each window,
 * on a random walk at a level of 1e5; relative tolerance 1e-9 plus an absolute 1e-9 of the step
 * size (2% of the level), for windows whose slope crosses zero.
 */
class RollingSlopeTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 30, 500})
    void matchesTheRegressionSlopeOfEachWindowThroughGaps(int window) {
        double[] y = RandomSeries.walk(5000, 1e5, 17 + window);
        y[999] = Double.NaN;
        y[3000] = Double.NaN;
        RollingSlope slope = new RollingSlope(window);
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            slope.add(y[i]);
            out[i] = slope.slope();
        }
        double[] expected = WindowReference.naive(y, window, (v, b, n) -> {
            SimpleRegression regression = new SimpleRegression();
            for (int i = 0; i < n; i++) {
                regression.addData(i, v[b + i]);
            }
            return regression.getSlope();
        });
        WindowReference.assertClose(out, expected, WindowReference.REFERENCE_TOLERANCE, 1e-9 * 0.02 * 1e5 / window);
    }
}
