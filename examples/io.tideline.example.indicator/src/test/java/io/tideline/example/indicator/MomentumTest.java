package io.tideline.example.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.indicator.IndicatorComputation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentumTest {

    @Test
    void percentChangeOverTheLookBackCheckedByHand() {
        double[] price = {100, 110, 121, 108.9, 130.68};
        double[] out = new double[5];
        IndicatorComputation c = new Momentum().start(Map.of("periods", 2.0));
        c.append(new long[] {1, 2, 3, 4, 5}, new double[][] {price}, 0, 5, out);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isCloseTo(21.0, org.assertj.core.data.Offset.offset(1e-12));   // 121 / 100
        assertThat(out[3]).isCloseTo(-1.0, org.assertj.core.data.Offset.offset(1e-12));   // 108.9 / 110
        assertThat(out[4]).isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-12));    // 130.68 / 121
        assertThat(c.unstableBars()).isEqualTo(2);
    }

    @Test
    void appendingBarByBarGivesTheSameAsOnePass() {
        double[] price = {5, 6, 7, 3, 9, 11, 2, 8};
        long[] t = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] whole = new double[8];
        new Momentum().start(Map.of("periods", 3.0)).append(t, new double[][] {price}, 0, 8, whole);
        double[] stepwise = new double[8];
        IndicatorComputation c = new Momentum().start(Map.of("periods", 3.0));
        for (int i = 0; i < 8; i++) {
            c.append(t, new double[][] {price}, i, i + 1, stepwise);
        }
        assertThat(stepwise).containsExactly(whole);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new Momentum().start(Map.of("window", 3.0))).hasMessageContaining("no parameter 'window'");
        assertThatThrownBy(() -> new Momentum().start(Map.of("periods", 0.0)))
                .hasMessageContaining("parameter 'periods' of indicator example-momentum is 0.0, outside its bounds [1.0, 10000.0]");
        assertThatThrownBy(() -> new Momentum().start(Map.of("periods", 2.5)))
                .hasMessageContaining("is 2.5, not a whole number");
    }
}
