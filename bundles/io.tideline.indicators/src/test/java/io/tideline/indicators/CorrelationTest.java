package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference: commons-math {@link PearsonsCorrelation} over each window (of log returns computed in
 * the test); relative tolerance 1e-9. Plus hand-checked perfect and undefined correlations.
 */
class CorrelationTest {

    private final Correlation correlation = new Correlation();

    private static Harness.WindowStatistic pearsonAgainst(double[] other) {
        return (x, b, n) -> new PearsonsCorrelation().correlation(Arrays.copyOfRange(x, b, b + n),
                Arrays.copyOfRange(other, b, b + n));
    }

    /** Marks the windows where {@code other} has a NaN too (the naive helper only sees {@code x}). */
    private static double[] pairedNaN(double[] x, double[] other) {
        double[] paired = x.clone();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(other[i])) {
                paired[i] = Double.NaN;
            }
        }
        return paired;
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 90})
    void btcAgainstQqqReturnsOnCommonDaysMatchesPearson(int window) {
        SampleData.Pair pair = SampleData.btcAndQqqCloses();
        double[] btc = SampleData.withGaps(pair.a(), 400);
        double[] qqq = SampleData.withGaps(pair.b(), 1200);
        double[] out = Harness.run(correlation, Map.of("window", (double) window), pair.times(), btc, qqq);
        double[] rb = Harness.logReturns(btc);
        double[] rq = Harness.logReturns(qqq);
        double[] expected = Harness.naive(pairedNaN(rb, rq), window, pearsonAgainst(rq));
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
        assertThat(correlation.start(Map.of("window", (double) window)).unstableBars()).isEqualTo(window);
    }

    @Test
    void rawInputsWhenLogReturnsIsOff() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[500];
        double[] y = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            y[i] = 0.3 * x[i] + random.nextGaussian();
        }
        double[] out = Harness.run(correlation, Map.of("window", 50.0, "logReturns", 0.0), Harness.days(500), x, y);
        Harness.assertClose(out, Harness.naive(x, 50, pearsonAgainst(y)), REFERENCE_TOLERANCE, 0);
    }

    @Test
    void perfectlyLinkedSeriesGivePlusAndMinusOneAndAFlatSeriesGivesNaN() {
        double[] x = {1, 4, 2, 8, 5};
        double[] up = {3, 9, 5, 17, 11};     // 2x + 1
        double[] down = {-1, -4, -2, -8, -5};
        double[] flat = {7, 7, 7, 7, 7};
        Map<String, Double> raw = Map.of("window", 4.0, "logReturns", 0.0);
        assertThat(Harness.run(correlation, raw, Harness.days(5), x, up)[4]).isCloseTo(1, within(1e-15));
        assertThat(Harness.run(correlation, raw, Harness.days(5), x, down)[4]).isCloseTo(-1, within(1e-15));
        assertThat(Harness.run(correlation, raw, Harness.days(5), x, flat)[4]).isNaN();
    }
}
