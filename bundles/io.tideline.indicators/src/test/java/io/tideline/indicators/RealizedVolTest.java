package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/**
 * Reference: commons-math {@link StandardDeviation} of each window of log returns times
 * sqrt(periodsPerYear); relative tolerance 1e-9. Plus a hand-checked alternating series.
 */
class RealizedVolTest {

    private final RealizedVol vol = new RealizedVol();

    @Test
    void btcAnnualisedOver365DaysMatchesTheReference() {
        SampleData.Bars btc = SampleData.btc();
        double[] close = SampleData.withGaps(btc.close(), 1000);
        double[] out = Harness.run(vol, Map.of("window", 30.0, "periodsPerYear", 365.0), btc.times(), close);
        double[] expected = Harness.naive(Harness.logReturns(close), 30,
                (x, b, n) -> new StandardDeviation().evaluate(x, b, n) * Math.sqrt(365));
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
        // a sanity bound that would catch a missing or doubled annualisation: BTC runs 20%..200%
        assertThat(out[out.length - 1]).isBetween(0.1, 2.0);
    }

    @Test
    void qqqAnnualisedOver252TradingDaysMatchesTheReference() {
        SampleData.Bars qqq = SampleData.qqq();
        double[] out = Harness.run(vol, Map.of("window", 60.0, "periodsPerYear", 252.0), qqq.times(), qqq.close());
        double[] expected = Harness.naive(Harness.logReturns(qqq.close()), 60,
                (x, b, n) -> new StandardDeviation().evaluate(x, b, n) * Math.sqrt(252));
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
    }

    @Test
    void alternatingOnePercentMovesGiveTheHandComputedVolatility() {
        double[] prices = new double[9];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = 100 * Math.exp(i % 2 == 0 ? 0 : 0.01);
        }
        // returns +0.01, -0.01, ...: mean 0, sample variance 4 * 1e-4 / 3 over a window of 4
        double[] out = Harness.run(vol, Map.of("window", 4.0, "periodsPerYear", 252.0), Harness.days(9), prices);
        assertThat(out[3]).isNaN();
        assertThat(out[4]).isCloseTo(Math.sqrt(4e-4 / 3) * Math.sqrt(252), within(1e-12));
        assertThat(vol.start(Map.of("window", 4.0)).unstableBars()).isEqualTo(4);
    }
}
