package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reference: commons-math {@link Mean} over each window; relative tolerance 1e-9. */
class SmaTest {

    private final Sma sma = new Sma();

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 200})
    void matchesTheMeanOfEachWindowOfBtcClosesWithGaps(int window) {
        SampleData.Bars btc = SampleData.btc();
        double[] close = SampleData.withGaps(btc.close(), 50, 51, 900);
        double[] out = Harness.run(sma, Map.of("window", (double) window), btc.times(), close);
        Harness.assertClose(out, Harness.naive(close, window, new Mean()::evaluate), REFERENCE_TOLERANCE, 0);
    }

    @Test
    void aWindowWithAMissingPointIsNaNNeverAShorterMean() {
        double[] x = {1, 2, Double.NaN, 4, 5, 6, 7};
        double[] out = Harness.run(sma, Map.of("window", 3.0), Harness.days(7), x);
        assertThat(out).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 5.0, 6.0);
        assertThat(sma.start(Map.of("window", 3.0)).unstableBars()).isEqualTo(2);
    }
}
