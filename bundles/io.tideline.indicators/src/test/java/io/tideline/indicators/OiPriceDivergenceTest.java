package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference: hand-checked signals, and on real data (CME Bitcoin open interest from the weekly
 * CFTC report, as of each day, against the Binance BTC close) a naive comparison of each value
 * with the one {@code periods} bars back, written out in the test; exact.
 */
class OiPriceDivergenceTest {

    private final OiPriceDivergence divergence = new OiPriceDivergence();

    @Test
    void handCheckedSignalsOverTwoBars() {
        double[] oi = {100, 100, 110, 120, 100, 90, 90, Double.NaN, 95, 96};
        double[] price = {50, 50, 45, 44, 55, 60, 40, 41, 38, 43};
        double[] out = Harness.run(divergence, Map.of("periods", 2.0), Harness.days(10), oi, price);
        // bar 2: oi +10, price -5 -> +1; bar 3: +20, -6 -> +1; bar 4: -10, +10 -> -1;
        // bar 5: -20, +15 -> -1; bar 6: -10, -15 -> 0; bar 7: oi missing; bar 8: +5, -2 -> +1;
        // bar 9: oi two bars back missing
        assertThat(out).containsExactly(Double.NaN, Double.NaN, 1.0, 1.0, -1.0, -1.0, 0.0, Double.NaN, 1.0,
                Double.NaN);
        assertThat(divergence.start(Map.of("periods", 2.0)).unstableBars()).isEqualTo(2);
    }

    @Test
    void unchangedValuesGiveZero() {
        double[] oi = {100, 100, 101};
        double[] price = {50, 49, 50};
        double[] out = Harness.run(divergence, Map.of("periods", 1.0), Harness.days(3), oi, price);
        assertThat(out).containsExactly(Double.NaN, 0.0, 0.0);
    }

    @Test
    void cmeOpenInterestAgainstBtcMatchesANaiveComparison() {
        SampleData.Bars btc = SampleData.btc();
        SampleData.Series oi = SampleData.column("crypto/cot-weekly.csv", "report_date", "open_interest",
                "market_code", "133741");
        SampleData.Table table = SampleData.asOf(new SampleData.Series(btc.times(), btc.close()), oi);
        double[] price = table.columns()[0];
        double[] openInterest = SampleData.withGaps(table.columns()[1], 900);
        int periods = 7;
        double[] expected = new double[price.length];
        int plus = 0;
        for (int i = 0; i < price.length; i++) {
            if (i < periods || Double.isNaN(openInterest[i]) || Double.isNaN(openInterest[i - periods])) {
                expected[i] = Double.NaN;
                continue;
            }
            boolean oiUp = openInterest[i] > openInterest[i - periods];
            boolean oiDown = openInterest[i] < openInterest[i - periods];
            boolean priceUp = price[i] > price[i - periods];
            boolean priceDown = price[i] < price[i - periods];
            expected[i] = oiUp && priceDown ? 1 : oiDown && priceUp ? -1 : 0;
            plus += expected[i] == 1 ? 1 : 0;
        }
        double[] out = Harness.run(divergence, Map.of("periods", (double) periods), table.times(), openInterest,
                price);
        Harness.assertClose(out, expected, 0, 0);
        assertThat(plus).as("weeks of rising open interest into a falling price").isGreaterThan(50);
    }
}
