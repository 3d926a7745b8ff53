package io.tideline.api.indicator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/**
 * Reference: commons-math {@link Covariance}, {@link PearsonsCorrelation} and
 * {@link SimpleRegression} over each window; relative tolerance 1e-9.
 */
class RollingCovarianceTest {

    @Test
    void matchesCovarianceCorrelationAndSlopeOfEachWindowThroughGaps() {
        int window = 40;
        SplittableRandom random = new SplittableRandom(3);
        double[] x = RandomSeries.walk(4000, 30_000, 5);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.5 * x[i] + 300 * random.nextGaussian() + 1_000;
        }
        x[700] = Double.NaN;
        y[2100] = Double.NaN;
        RollingCovariance covariance = new RollingCovariance(window);
        double[][] out = new double[3][x.length];
        for (int i = 0; i < x.length; i++) {
            covariance.add(x[i], y[i]);
            out[0][i] = covariance.covariance();
            out[1][i] = covariance.correlation();
            out[2][i] = covariance.slopeOfYOnX();
        }
        double[] paired = x.clone();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(y[i])) {
                paired[i] = Double.NaN;
            }
        }
        WindowReference.assertClose(out[0], WindowReference.naive(paired, window, (a, b, n) -> new Covariance().covariance(
                Arrays.copyOfRange(a, b, b + n), Arrays.copyOfRange(y, b, b + n))), WindowReference.REFERENCE_TOLERANCE, 0);
        WindowReference.assertClose(out[1], WindowReference.naive(paired, window, (a, b, n) -> new PearsonsCorrelation().correlation(
                Arrays.copyOfRange(a, b, b + n), Arrays.copyOfRange(y, b, b + n))), WindowReference.REFERENCE_TOLERANCE, 0);
        WindowReference.assertClose(out[2], WindowReference.naive(paired, window, (a, b, n) -> {
            SimpleRegression regression = new SimpleRegression();
            for (int i = b; i < b + n; i++) {
                regression.addData(a[i], y[i]);
            }
            return regression.getSlope();
        }), WindowReference.REFERENCE_TOLERANCE, 0);
    }

    @Test
    void aConstantSeriesHasNoCorrelationAndNoSlope() {
        RollingCovariance covariance = new RollingCovariance(3);
        for (int i = 0; i < 5; i++) {
            covariance.add(42, i);
        }
        assertThat(covariance.covariance()).isZero();
        assertThat(covariance.correlation()).isNaN();
        assertThat(covariance.slopeOfYOnX()).isNaN();
    }
}
