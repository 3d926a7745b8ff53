package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The readings the checklist names in its evidence, as indicators of their own: percent returns
 * and drawdowns are exactly the fraction indicators times 100 (so `check` and `indicator compute`
 * agree to the last bit), a change in bp is hand-checked, a level is the value itself.
 */
class ReadingsInUnitsTest {

    @Test
    void percentReadingsAreTheFractionsTimesAHundredExactly() {
        SampleData.Bars btc = SampleData.btc();
        double[] fraction = Harness.run(new SimpleReturn(), Map.of("periods", 7.0), btc.times(), btc.close());
        double[] percent = Harness.run(new SimpleReturnPct(), Map.of("periods", 7.0), btc.times(), btc.close());
        double[] dd = Harness.run(new Drawdown(), Map.of("window", 90.0), btc.times(), btc.close());
        double[] ddPercent = Harness.run(new DrawdownPct(), Map.of("window", 90.0), btc.times(), btc.close());
        int valid = 0;
        for (int i = 0; i < fraction.length; i++) {
            // boxed, so NaN equals NaN where both lack a value
            assertThat((Double) percent[i]).isEqualTo((Double) (fraction[i] * 100));
            assertThat((Double) ddPercent[i]).isEqualTo((Double) (dd[i] * 100));
            valid += Double.isNaN(percent[i]) ? 0 : 1;
        }
        assertThat(valid).isGreaterThan(fraction.length / 2);
        assertThat(new SimpleReturnPct().spec().outputUnit()).isEqualTo("percent");
        assertThat(new DrawdownPct().spec().outputUnit()).isEqualTo("percent");
    }

    @Test
    void aYieldFrom4Point25To4Point40PercentIsUp15BasisPoints() {
        double[] yields = {4.25, 4.30, 4.40, Double.NaN, 4.10};
        double[] out = Harness.run(new ChangeBp(), Map.of("periods", 2.0), Harness.days(5), yields);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isCloseTo(15.0, within(1e-9));
        assertThat(out[3]).isNaN();
        assertThat(out[4]).isCloseTo(-30.0, within(1e-9));
        assertThat(new ChangeBp().spec().outputUnit()).isEqualTo("bp");
    }

    @Test
    void aLevelIsTheValueItself() {
        double[] vix = {21.77, Double.NaN, 25.0};
        double[] out = Harness.run(new Level(), Map.of(), Harness.days(3), vix);
        assertThat(out[0]).isEqualTo(21.77);
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isEqualTo(25.0);
    }
}
