package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.junit.jupiter.api.Test;

/**
 * {@code ewma-correlation} and {@code ewma-beta}. Reference: each moment in closed form, computed
 * naively per bar, {@code m[t] = lambda^(t-s) * seed + (1 - lambda) * sum_{j=s+1..t} lambda^(t-j) x[j]}
 * with the seed the commons-math {@link Mean} of the first {@code warmup} products after the
 * last gap (as {@link EwmaVolTest} does for the variance); relative tolerance 1e-9. Plus
 * hand-checked exact cases.
 */
class EwmaPairTest {

    private static final double LAMBDA = 0.94;
    private static final int WARMUP = 20;

    @Test
    void correlationOfBtcAndQqqWithAGapMatchesTheClosedForm() {
        SampleData.Pair pair = SampleData.btcAndQqqCloses();
        double[] qqq = SampleData.withGaps(pair.b(), 800);
        double[] out = Harness.run(new EwmaCorrelation(), Map.of(), pair.times(), pair.a(), qqq);
        double[][] m = moments(Harness.logReturns(pair.a()), Harness.logReturns(qqq));
        double[] expected = new double[out.length];
        for (int t = 0; t < out.length; t++) {
            expected[t] = m[0][t] / Math.sqrt(m[1][t] * m[2][t]);
        }
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
        assertThat(java.util.Arrays.stream(out).filter(v -> !Double.isNaN(v)).count()).as("bars with a reading")
                .isGreaterThan(out.length / 2);
    }

    @Test
    void betaOfBtcOnQqqWithAGapMatchesTheClosedForm() {
        SampleData.Pair pair = SampleData.btcAndQqqCloses();
        double[] qqq = SampleData.withGaps(pair.b(), 800);
        double[] out = Harness.run(new EwmaBeta(), Map.of(), pair.times(), pair.a(), qqq);
        double[][] m = moments(Harness.logReturns(pair.a()), Harness.logReturns(qqq));
        double[] expected = new double[out.length];
        for (int t = 0; t < out.length; t++) {
            expected[t] = m[0][t] / m[2][t];
        }
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
    }

    @Test
    void anAssetMovingOneAndAHalfTimesItsBenchmarkHasBetaOneAndAHalfAndCorrelationOne() {
        double[] benchmark = {100, 101, 99, 102, 100, 103, 101};
        double[] asset = new double[benchmark.length];
        double[] mirror = new double[benchmark.length];
        asset[0] = 50;
        mirror[0] = 50;
        for (int i = 1; i < asset.length; i++) {
            double r = Math.log(benchmark[i] / benchmark[i - 1]);
            asset[i] = asset[i - 1] * Math.exp(1.5 * r);
            mirror[i] = mirror[i - 1] * Math.exp(-r);
        }
        Map<String, Double> p = Map.of("warmup", 3.0);
        double[] beta = Harness.run(new EwmaBeta(), p, Harness.days(7), asset, benchmark);
        double[] rho = Harness.run(new EwmaCorrelation(), p, Harness.days(7), asset, benchmark);
        double[] anti = Harness.run(new EwmaCorrelation(), p, Harness.days(7), mirror, benchmark);
        assertThat(beta[2]).isNaN();
        assertThat(beta[3]).isCloseTo(1.5, within(1e-12));
        assertThat(beta[6]).isCloseTo(1.5, within(1e-12));
        assertThat(rho[6]).isCloseTo(1.0, within(1e-12));
        assertThat(anti[6]).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void handCheckedStepAfterTheSeed() {
        // returns a: +1%, -1%, +2%; b: +1%, +1%, +1% (warmup 2): seeds E[ab] 0, E[b^2] 1e-4;
        // then E[ab] = 0.06 * 2e-4, E[b^2] = 1e-4: beta = 0.12
        double[] b = {100, 100 * Math.exp(0.01), 100 * Math.exp(0.02), 100 * Math.exp(0.03)};
        double[] a = {100, 100 * Math.exp(0.01), 100, 100 * Math.exp(0.02)};
        double[] beta = Harness.run(new EwmaBeta(), Map.of("warmup", 2.0), Harness.days(4), a, b);
        assertThat(beta[2]).isCloseTo(0.0, within(1e-12));
        assertThat(beta[3]).isCloseTo(0.06 * 2e-4 / 1e-4, within(1e-12));
    }

    /** E[ab], E[a^2], E[b^2] per bar in closed form, NaN while seeding and reset at a gap in either. */
    private static double[][] moments(double[] a, double[] b) {
        int n = a.length;
        double[][] x = new double[3][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = a[i] * b[i];
            x[1][i] = a[i] * a[i] + a[i] * b[i] * 0;
            x[2][i] = b[i] * b[i] + a[i] * b[i] * 0;
        }
        double[][] out = new double[3][n];
        int lastGap = -1;
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(x[0][t])) {
                lastGap = t;
            }
            int seedEnd = lastGap + WARMUP;
            for (int k = 0; k < 3; k++) {
                if (t < seedEnd) {
                    out[k][t] = Double.NaN;
                    continue;
                }
                double m = Math.pow(LAMBDA, t - seedEnd) * new Mean().evaluate(x[k], lastGap + 1, WARMUP);
                for (int j = seedEnd + 1; j <= t; j++) {
                    m += (1 - LAMBDA) * Math.pow(LAMBDA, t - j) * x[k][j];
                }
                out[k][t] = m;
            }
        }
        return out;
    }
}
