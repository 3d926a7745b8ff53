package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/**
 * Reference: the slope of commons-math {@link SimpleRegression} of the asset's log returns on
 * the benchmark's over each window; relative tolerance 1e-9. Plus a hand-checked exact beta.
 */
class BetaTest {

    private final Beta beta = new Beta();

    private static Harness.WindowStatistic regressionOn(double[] benchmark) {
        return (asset, b, n) -> {
            SimpleRegression regression = new SimpleRegression();
            for (int i = b; i < b + n; i++) {
                if (Double.isNaN(benchmark[i])) {
                    return Double.NaN;
                }
                regression.addData(benchmark[i], asset[i]);
            }
            return regression.getSlope();
        };
    }

    @Test
    void btcOnQqqReturnsMatchesTheRegressionSlope() {
        SampleData.Pair pair = SampleData.btcAndQqqCloses();
        double[] qqq = SampleData.withGaps(pair.b(), 800);
        double[] out = Harness.run(beta, Map.of("window", 60.0), pair.times(), pair.a(), qqq);
        double[] expected = Harness.naive(Harness.logReturns(pair.a()), 60, regressionOn(Harness.logReturns(qqq)));
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
    }

    @Test
    void anAssetMovingOneAndAHalfTimesItsBenchmarkHasBetaOneAndAHalf() {
        double[] benchmark = {100, 101, 99, 102, 100, 103};
        double[] asset = new double[benchmark.length];
        asset[0] = 50;
        for (int i = 1; i < asset.length; i++) {
            asset[i] = asset[i - 1] * Math.exp(1.5 * Math.log(benchmark[i] / benchmark[i - 1]));
        }
        double[] out = Harness.run(beta, Map.of("window", 4.0), Harness.days(6), asset, benchmark);
        assertThat(out[3]).isNaN();
        assertThat(out[4]).isCloseTo(1.5, within(1e-12));
        assertThat(out[5]).isCloseTo(1.5, within(1e-12));
    }
}
