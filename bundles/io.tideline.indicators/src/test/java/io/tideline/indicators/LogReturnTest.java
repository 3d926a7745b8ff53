package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference: hand-checked values (absolute tolerance 1e-15), and on BTC the sum of one-bar log
 * returns, which must telescope to the N-bar log return (relative 1e-9).
 */
class LogReturnTest {

    private final LogReturn log = new LogReturn();

    @Test
    void handCheckedLogReturns() {
        double[] prices = {100, 110, 99};
        double[] out = Harness.run(log, Map.of(), Harness.days(3), prices);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isCloseTo(Math.log(1.1), within(1e-15));
        assertThat(out[2]).isCloseTo(Math.log(0.9), within(1e-15));
    }

    @Test
    void sevenDayLogReturnsOfBtcAreTheSumOfTheDailyOnes() {
        SampleData.Bars btc = SampleData.btc();
        double[] daily = Harness.run(log, Map.of(), btc.times(), btc.close());
        double[] weekly = Harness.run(log, Map.of("periods", 7.0), btc.times(), btc.close());
        double[] expected = Harness.naive(daily, 7, (x, b, n) -> {
            double sum = 0;
            for (int i = b; i < b + n; i++) {
                sum += x[i];
            }
            return sum;
        });
        // relative 1e-9 plus an absolute 1e-14 for weeks that ended almost flat (sum of 7 rounded logs)
        Harness.assertClose(weekly, expected, Harness.REFERENCE_TOLERANCE, 1e-14);
        assertThat(log.start(Map.of("periods", 7.0)).unstableBars()).isEqualTo(7);
    }
}
