package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/**
 * Reference: {@code min(target / (commons-math StandardDeviation of the window's log returns *
 * sqrt(periodsPerYear)), maxLeverage)}; relative tolerance 1e-9.
 */
class VolTargetExposureTest {

    private final VolTargetExposure exposure = new VolTargetExposure();

    @Test
    void qqqExposureMatchesTheReferenceAndIsCapped() {
        SampleData.Bars qqq = SampleData.qqq();
        Map<String, Double> params = Map.of("targetVol", 0.15, "maxLeverage", 1.5, "window", 20.0,
                "periodsPerYear", 252.0);
        double[] out = Harness.run(exposure, params, qqq.times(), qqq.close());
        double[] expected = Harness.naive(Harness.logReturns(qqq.close()), 20,
                (x, b, n) -> Math.min(0.15 / (new StandardDeviation().evaluate(x, b, n) * Math.sqrt(252)), 1.5));
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
        long capped = java.util.Arrays.stream(out).filter(v -> v == 1.5).count();
        long uncapped = java.util.Arrays.stream(out).filter(v -> v < 1.5).count();
        assertThat(capped).as("calm stretches hit the cap").isPositive();
        assertThat(uncapped).as("volatile stretches scale down").isPositive();
    }

    @Test
    void btcAtDefaultsScalesDownToAFractionOfCapital() {
        SampleData.Bars btc = SampleData.btc();
        double[] out = Harness.run(exposure, Map.of(), btc.times(), btc.close());
        double[] expected = Harness.naive(Harness.logReturns(btc.close()), 30,
                (x, b, n) -> Math.min(0.2 / (new StandardDeviation().evaluate(x, b, n) * Math.sqrt(365)), 1));
        Harness.assertClose(out, expected, REFERENCE_TOLERANCE, 0);
    }

    @Test
    void noVolatilityGetsTheCap() {
        double[] flat = {10, 10, 10, 10};
        double[] out = Harness.run(exposure, Map.of("window", 2.0, "maxLeverage", 3.0), Harness.days(4), flat);
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isEqualTo(3.0);
        double[] moving = {100, 101, 100, 101};
        double vol = new StandardDeviation().evaluate(new double[] {Math.log(1.01), Math.log(100 / 101.0)})
                * Math.sqrt(365);
        double[] scaled = Harness.run(exposure, Map.of("window", 2.0, "maxLeverage", 3.0), Harness.days(4), moving);
        assertThat(scaled[3]).isCloseTo(0.2 / vol, within(1e-12));
    }
}
