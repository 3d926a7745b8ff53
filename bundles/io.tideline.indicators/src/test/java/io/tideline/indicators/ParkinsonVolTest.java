package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.junit.jupiter.api.Test;

/**
 * Reference: sqrt(periodsPerYear * commons-math {@link Mean} of ln(high/low)^2 / (4 ln 2)) over
 * each window; relative tolerance 1e-9. Plus a hand-checked constant range.
 */
class ParkinsonVolTest {

    private final ParkinsonVol vol = new ParkinsonVol();

    @Test
    void btcHighLowMatchesTheReference() {
        SampleData.Bars btc = SampleData.btc();
        double[] high = SampleData.withGaps(btc.high(), 321);
        double[] squaredRanges = new double[high.length];
        for (int i = 0; i < high.length; i++) {
            double range = Math.log(high[i] / btc.low()[i]);
            squaredRanges[i] = range * range;
        }
        double[] expected = Harness.naive(squaredRanges, 30,
                (x, b, n) -> Math.sqrt(365 * new Mean().evaluate(x, b, n) / (4 * Math.log(2))));
        Harness.assertClose(Harness.run(vol, Map.of(), btc.times(), high, btc.low()), expected, REFERENCE_TOLERANCE, 0);
    }

    @Test
    void aConstantTwoPercentRangeGivesTheHandComputedValueAndABadBarIsMissing() {
        double[] high = new double[6];
        double[] low = new double[6];
        Arrays.fill(high, 102);
        Arrays.fill(low, 102 * Math.exp(-0.02));
        low[5] = 103; // a low above its high is bad data, treated as a missing bar
        double[] out = Harness.run(vol, Map.of("window", 3.0, "periodsPerYear", 1.0), Harness.days(6), high, low);
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isCloseTo(0.02 / Math.sqrt(4 * Math.log(2)), within(1e-15));
        assertThat(out[5]).isNaN();
    }
}
