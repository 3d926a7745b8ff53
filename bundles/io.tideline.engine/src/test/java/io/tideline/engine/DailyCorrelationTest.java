package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.api.series.SeriesKind;
import io.tideline.views.desk.Correlations.Transform;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class CorrelationsTest {

    private static final long DAY = 86_400_000L;

    @Test
    void logReturnCorrelationMatchesCommonsMath() {
        Random r = new Random(7);
        int n = 300;
        long[] t = new long[n];
        double[] a = new double[n];
        double[] b = new double[n];
        a[0] = 100;
        b[0] = 50;
        for (int i = 0; i < n; i++) {
            t[i] = 20_000L * DAY + i * DAY;
            if (i > 0) {
                double common = r.nextGaussian() * 0.01;
                a[i] = a[i - 1] * Math.exp(common + r.nextGaussian() * 0.01);
                b[i] = b[i - 1] * Math.exp(0.5 * common + r.nextGaussian() * 0.01);
            }
        }
        int window = 90;
        double[] ra = new double[window];
        double[] rb = new double[window];
        for (int k = 0; k < window; k++) {
            int i = n - window + k;
            ra[k] = Math.log(a[i] / a[i - 1]);
            rb[k] = Math.log(b[i] / b[i - 1]);
        }
        double expected = new PearsonsCorrelation().correlation(ra, rb);
        Correlations.Pair p = Correlations.pair(t, a, Transform.LOG_RETURN, t, b, Transform.LOG_RETURN, window);
        assertThat(p.value()).isCloseTo(expected, within(1e-12));
        assertThat(p.asOf()).isEqualTo(t[n - 1]);
        assertThat(p.changes()).isEqualTo(window);
    }

    @Test
    void pairsAreJoinedOnUtcDaysWhateverTheHourAndGapsOfOneSideAreSkipped() {
        // a: every day at 00:00; b: weekdays only, stamped 21:00 (a close). Changes are taken
        // between consecutive common days, so b's Friday->Monday change meets a's.
        int n = 70;
        long[] ta = new long[n];
        double[] a = new double[n];
        long[] tb = new long[n];
        double[] b = new double[n];
        int nb = 0;
        Random r = new Random(3);
        double level = 10;
        for (int i = 0; i < n; i++) {
            ta[i] = (20_000L + i) * DAY;
            level += r.nextGaussian();
            a[i] = level;
            if ((i % 7) < 5) {
                tb[nb] = (20_000L + i) * DAY + 21 * 3_600_000L;
                b[nb] = 2 * level + 1; // a linear function of a: correlation of changes is exactly 1
                nb++;
            }
        }
        Correlations.Pair p = Correlations.pair(ta, a, Transform.CHANGE, java.util.Arrays.copyOf(tb, nb),
                java.util.Arrays.copyOf(b, nb), Transform.CHANGE, 30);
        assertThat(p.value()).isCloseTo(1.0, within(1e-12));
        assertThat(p.asOf()).isEqualTo(Math.floorDiv(tb[nb - 1], DAY) * DAY);
    }

    @Test
    void tooFewCommonBarsGiveNaNAndTheCountSeen() {
        long[] t = {0, DAY, 2 * DAY};
        double[] a = {1, 2, 3};
        double[] b = {3, 1, 2};
        Correlations.Pair p = Correlations.pair(t, a, Transform.CHANGE, t, b, Transform.CHANGE, 30);
        assertThat(p.value()).isNaN();
        assertThat(p.changes()).isEqualTo(2);
    }

    @Test
    void yieldsAndSpreadsUseChangesAndNonPositiveSeriesToo() {
        assertThat(Correlations.transformFor(SeriesKind.YIELD, new double[] {4.1})).isEqualTo(Transform.CHANGE);
        assertThat(Correlations.transformFor(SeriesKind.SPREAD, new double[] {3.0})).isEqualTo(Transform.CHANGE);
        assertThat(Correlations.transformFor(SeriesKind.PRICE, new double[] {1, 2})).isEqualTo(Transform.LOG_RETURN);
        assertThat(Correlations.transformFor(SeriesKind.PRICE, new double[] {1, -2})).isEqualTo(Transform.CHANGE);
    }

    @Test
    void matrixIsSymmetricWithUnitDiagonal() {
        Random r = new Random(11);
        int n = 200;
        long[][] t = new long[3][n];
        double[][] v = new double[3][n];
        for (int s = 0; s < 3; s++) {
            double x = 100;
            for (int i = 0; i < n; i++) {
                t[s][i] = i * DAY;
                x *= Math.exp(r.nextGaussian() * 0.02);
                v[s][i] = x;
            }
        }
        double[][] out = new double[3][3];
        long[][] asOf = new long[3][3];
        Correlations.matrix(t, v, new Transform[] {Transform.LOG_RETURN, Transform.LOG_RETURN, Transform.CHANGE},
                60, out, asOf);
        for (int i = 0; i < 3; i++) {
            assertThat(out[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 3; j++) {
                assertThat(out[i][j]).isEqualTo(out[j][i]).isBetween(-1.0, 1.0);
            }
        }
    }
}
