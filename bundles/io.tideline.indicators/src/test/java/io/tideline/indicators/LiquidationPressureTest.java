package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference: hand-checked quotients (the data folder has liquidations for one week and no open
 * interest in USD, so no real series to compare with); exact or to 1e-15.
 */
class LiquidationPressureTest {

    private final LiquidationPressure pressure = new LiquidationPressure();

    @Test
    void handCheckedShareOfOpenInterestLiquidated() {
        // 2.5 bn USD liquidated against 50 bn USD open interest: 5%
        double[] liquidations = {2.5e9, 0, 1.2e8, 7e8};
        double[] oi = {5e10, 4e10, 3e10, 3.5e10};
        double[] out = Harness.run(pressure, Map.of(), Harness.days(4), liquidations, oi);
        assertThat(out[0]).isCloseTo(0.05, within(1e-15));
        assertThat(out[1]).isZero();
        assertThat(out[2]).isCloseTo(0.004, within(1e-15));
        assertThat(out[3]).isCloseTo(0.02, within(1e-15));
        assertThat(pressure.start(Map.of()).unstableBars()).isZero();
    }

    @Test
    void nanWhereOpenInterestIsNotPositiveOrAValueIsMissingOrNegative() {
        double[] liquidations = {1e8, 1e8, Double.NaN, 1e8, -5};
        double[] oi = {0, -1e9, 1e10, Double.NaN, 1e10};
        double[] out = Harness.run(pressure, Map.of(), Harness.days(5), liquidations, oi);
        assertThat(out).containsOnly(Double.NaN);
    }
}
