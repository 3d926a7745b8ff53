package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference: the slope of commons-math {@link SimpleRegression} of each window against 0..n-1;
 * relative tolerance 1e-9 on log prices, whose slopes are far from zero relative to the error.
 */
class TrendSlopeTest {

    private final TrendSlope slope = new TrendSlope();

    private static double regressionSlope(double[] y, int begin, int length) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < length; i++) {
            regression.addData(i, y[begin + i]);
        }
        return regression.getSlope();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 20, 200})
    void btcLogPricesMatchTheRegressionSlope(int window) {
        SampleData.Bars btc = SampleData.btc();
        double[] logClose = new double[btc.size()];
        for (int i = 0; i < logClose.length; i++) {
            logClose[i] = Math.log(btc.close()[i]);
        }
        logClose[2500] = Double.NaN;
        double[] out = Harness.run(slope, Map.of("window", (double) window), btc.times(), logClose);
        Harness.assertClose(out, Harness.naive(logClose, window, TrendSlopeTest::regressionSlope),
                REFERENCE_TOLERANCE, 0);
    }

    @Test
    void aStraightLineHasItsSlope() {
        double[] line = new double[10];
        for (int i = 0; i < line.length; i++) {
            line[i] = 5000 - 2.5 * i;
        }
        double[] out = Harness.run(slope, Map.of("window", 4.0), Harness.days(10), line);
        assertThat(out[2]).isNaN();
        for (int i = 3; i < 10; i++) {
            assertThat(out[i]).isCloseTo(-2.5, within(1e-12));
        }
    }
}
