package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/**
 * Reference: the simple return over {@code periods} bars over commons-math's
 * {@link StandardDeviation} of the {@code window} log returns ending {@code periods} bars earlier,
 * times sqrt(periods); relative tolerance 1e-9. Plus a hand-checked series.
 */
class ReturnSigmaTest {

    private final ReturnSigma sigma = new ReturnSigma();

    @Test
    void qqqFiveDayReturnsInSixtyDayVolatilityMatchTheReference() {
        SampleData.Bars qqq = SampleData.qqq();
        double[] close = qqq.close();
        double[] out = Harness.run(sigma, Map.of("periods", 5.0, "window", 60.0), qqq.times(), close);
        double[] sd = Harness.naive(Harness.logReturns(close), 60, (x, b, n) -> new StandardDeviation().evaluate(x, b, n));
        double[] expected = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            expected[i] = i < 5 ? Double.NaN : (close[i] / close[i - 5] - 1) / (sd[i - 5] * Math.sqrt(5));
        }
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
        // ordinary weeks are within a few sigma: a missing sqrt(periods) or annualisation would not be
        double typical = 0;
        int n = 0;
        for (double v : out) {
            if (!Double.isNaN(v)) {
                typical += Math.abs(v);
                n++;
            }
        }
        assertThat(typical / n).isBetween(0.4, 1.5);
    }

    @Test
    void aDropAfterAlternatingMovesIsMeasuredInTheVolatilityBeforeIt() {
        // log returns +0.01, -0.01, +0.01, -0.01 (sample sd sqrt(4e-4/3)), then two bars down 5% each
        double[] prices = {100, 100 * Math.exp(0.01), 100, 100 * Math.exp(0.01), 100, 95, 90.25};
        double[] out = Harness.run(sigma, Map.of("periods", 2.0, "window", 4.0), Harness.days(prices.length),
                prices);
        assertThat(out[5]).isNaN();
        double sd = Math.sqrt(4e-4 / 3);
        assertThat(out[6]).isCloseTo((90.25 / 100 - 1) / (sd * Math.sqrt(2)), within(1e-9));
        assertThat(sigma.start(Map.of("periods", 2.0, "window", 4.0)).unstableBars()).isEqualTo(6);
    }
}
