package io.tideline.api.indicator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference: hand-computed values (absolute tolerance 1e-15). */
class EwmaTest {

    @Test
    void seedsWithTheMeanThenSmooths() {
        Ewma ewma = new Ewma(0.25, 2);
        ewma.add(2);
        assertThat(ewma.value()).isNaN();
        ewma.add(4);
        assertThat(ewma.value()).isCloseTo(3, within(1e-15));
        ewma.add(7);
        assertThat(ewma.value()).isCloseTo(3 + 0.25 * 4, within(1e-15));
        ewma.add(0);
        assertThat(ewma.value()).isCloseTo(0.75 * 4, within(1e-15));
    }

    @Test
    void aGapResetsAndSeedsAgain() {
        Ewma ewma = new Ewma(0.5, 2);
        ewma.add(10);
        ewma.add(20);
        ewma.add(Double.NaN);
        assertThat(ewma.isReady()).isFalse();
        assertThat(ewma.value()).isNaN();
        ewma.add(1);
        assertThat(ewma.value()).isNaN();
        ewma.add(3);
        assertThat(ewma.value()).isCloseTo(2, within(1e-15));
        assertThatThrownBy(() -> new Ewma(0, 1)).hasMessageContaining("alpha 0.0");
    }
}
