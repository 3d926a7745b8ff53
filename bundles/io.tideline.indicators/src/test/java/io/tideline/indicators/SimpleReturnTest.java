package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference: hand-checked returns (absolute tolerance 1e-15), and the definition on QQQ (relative 1e-9). */
class SimpleReturnTest {

    private final SimpleReturn simple = new SimpleReturn();

    @Test
    void handCheckedReturnsAndAGap() {
        double[] prices = {100, 110, 99, Double.NaN, 99};
        double[] out = Harness.run(simple, Map.of(), Harness.days(5), prices);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isCloseTo(0.10, within(1e-15));
        assertThat(out[2]).isCloseTo(-0.10, within(1e-15));
        assertThat(out[3]).isNaN();
        assertThat(out[4]).isNaN();
    }

    @Test
    void weeklyReturnsOfQqq() {
        SampleData.Bars qqq = SampleData.qqq();
        double[] out = Harness.run(simple, Map.of("periods", 5.0), qqq.times(), qqq.close());
        double[] expected = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            expected[i] = i < 5 ? Double.NaN : (qqq.close()[i] - qqq.close()[i - 5]) / qqq.close()[i - 5];
        }
        Harness.assertClose(out, expected, Harness.REFERENCE_TOLERANCE, 0);
        assertThat(simple.start(Map.of("periods", 5.0)).unstableBars()).isEqualTo(5);
    }
}
