package io.tideline.indicators;

import static io.tideline.indicators.Harness.REFERENCE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference: commons-math {@link StandardDeviation} (n - 1) over each window; relative tolerance 1e-9. */
class RollingStdDevTest {

    private final RollingStdDev stdev = new RollingStdDev();

    @ParameterizedTest
    @ValueSource(ints = {2, 20, 365})
    void matchesTheSampleStandardDeviationOfEachWindowOfBtcAndQqqCloses(int window) {
        Map<String, Double> params = Map.of("window", (double) window);
        SampleData.Bars btc = SampleData.btc();
        double[] close = SampleData.withGaps(btc.close(), 700);
        Harness.assertClose(Harness.run(stdev, params, btc.times(), close),
                Harness.naive(close, window, new StandardDeviation()::evaluate), REFERENCE_TOLERANCE, 0);
        SampleData.Bars qqq = SampleData.qqq();
        Harness.assertClose(Harness.run(stdev, params, qqq.times(), qqq.close()),
                Harness.naive(qqq.close(), window, new StandardDeviation()::evaluate), REFERENCE_TOLERANCE, 0);
    }

    @Test
    void handCheckedValueAndAConstantWindowIsExactlyZero() {
        // mean 5, squared deviations sum to 32, sample variance 32 / 7
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9, 3, 3, 3};
        double[] out = Harness.run(stdev, Map.of("window", 8.0), Harness.days(x.length), x);
        assertThat(out[7]).isCloseTo(Math.sqrt(32.0 / 7), within(1e-15));
        double[] flat = Harness.run(stdev, Map.of("window", 3.0), Harness.days(5), new double[] {1e9, 1e9, 1e9, 1e9, 1e9});
        assertThat(flat[4]).isZero();
    }
}
