package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference: the closed form of the recursion, computed naively per bar,
 * {@code var[t] = lambda^(t-s) * seed + (1 - lambda) * sum_{j=s+1..t} lambda^(t-j) r[j]^2} with the
 * seed the commons-math {@link Mean} of the first {@code warmup} squared returns after the last
 * gap; relative tolerance 1e-9.
 */
class EwmaVolTest {

    private final EwmaVol vol = new EwmaVol();

    @ParameterizedTest
    @CsvSource({"0.94, 20, 365", "0.97, 5, 252"})
    void matchesTheClosedFormOnBtcWithAGap(double lambda, int warmup, double periodsPerYear) {
        SampleData.Bars btc = SampleData.btc();
        double[] close = SampleData.withGaps(btc.close(), 600);
        double[] out = Harness.run(vol, Map.of("lambda", lambda, "warmup", (double) warmup,
                "periodsPerYear", periodsPerYear), btc.times(), close);
        Harness.assertClose(out, closedForm(close, lambda, warmup, periodsPerYear), REFERENCE_TOLERANCE, 0);
    }

    private static double[] closedForm(double[] prices, double lambda, int warmup, double periodsPerYear) {
        double[] r = Harness.logReturns(prices);
        double[] squares = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            squares[i] = r[i] * r[i];
        }
        double[] out = new double[r.length];
        int lastGap = -1;
        for (int t = 0; t < r.length; t++) {
            if (Double.isNaN(r[t])) {
                lastGap = t;
            }
            int seedEnd = lastGap + warmup;
            if (t < seedEnd) {
                out[t] = Double.NaN;
                continue;
            }
            double variance = Math.pow(lambda, t - seedEnd) * new Mean().evaluate(squares, lastGap + 1, warmup);
            for (int j = seedEnd + 1; j <= t; j++) {
                variance += (1 - lambda) * Math.pow(lambda, t - j) * squares[j];
            }
            out[t] = Math.sqrt(variance * periodsPerYear);
        }
        return out;
    }

    @Test
    void handCheckedRiskMetricsStep() {
        // returns: +1%, then -2%: seed 1e-4 (warmup 1), then 0.94 * 1e-4 + 0.06 * 4e-4
        double[] prices = {100, 100 * Math.exp(0.01), 100 * Math.exp(-0.01)};
        double[] out = Harness.run(vol, Map.of("warmup", 1.0, "periodsPerYear", 1.0), Harness.days(3), prices);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isCloseTo(0.01, within(1e-15));
        assertThat(out[2]).isCloseTo(Math.sqrt(0.94 * 1e-4 + 0.06 * 4e-4), within(1e-15));
    }
}
