package io.tideline.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryEngineTest {

    @Test
    void a_node_is_computed_by_the_real_indicator_over_the_cut_and_joined_inputs() {
        InMemoryEngine e = new InMemoryEngine().put("a", new long[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4})
                .put("b", new long[] {2, 3, 4, 5}, new double[] {10, 20, 30, 40});
        Map<String, IndicatorResult> r = e.evaluate(List.of(
                new IndicatorNode("ma", "sma", Map.of("window", 2.0), List.of("a")),
                new IndicatorNode("missing", "sma", Map.of("window", 2.0), List.of("zzz"))), 2, 4);
        // SMA(2) of 2, 3, 4 (the bar at time 1 is cut): NaN, 2.5, 3.5.
        double[] v = r.get("ma").output().copyColumn(r.get("ma").output().primary());
        assertThat(v[0]).isNaN();
        assertThat(v[1]).isCloseTo(2.5, within(1e-12));
        assertThat(v[2]).isCloseTo(3.5, within(1e-12));
        assertThat(r.get("missing").error()).isEqualTo("input zzz is neither a node nor a bound role");
        assertThat(e.bound("b")).isTrue();
        assertThat(e.without("b").get("b")).isEmpty();
    }
}
