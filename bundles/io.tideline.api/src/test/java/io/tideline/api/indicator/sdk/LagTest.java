package io.tideline.api.indicator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reference: hand-checked values (exact). */
class LagTest {

    @Test
    void returnsTheValueLagPointsBackAndNaNBeforeThat() {
        Lag lag = new Lag(2);
        assertThat(lag.add(1)).isNaN();
        assertThat(lag.add(2)).isNaN();
        assertThat(lag.add(3)).isEqualTo(1);
        assertThat(lag.add(Double.NaN)).isEqualTo(2);
        assertThat(lag.add(5)).isEqualTo(3);
        assertThat(lag.add(6)).isNaN();
    }
}
