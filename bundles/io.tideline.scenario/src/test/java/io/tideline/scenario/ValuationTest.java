package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.scenario.api.Position;
import io.tideline.scenario.api.PositionPnl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuationTest {

    @Test
    void pnlIsExposureTimesMoveAndALeveragedLossStopsAtTheMargin() {
        Map<String, Double> prices = Map.of("btc", 80_000.0, "spx", 500.0);
        // 2 BTC at 80,000 = 160,000 exposure, 3x: margin 53,333.33
        Position btc = Position.ofQuantity("btc", 2).withLeverage(3);
        // 100,000 of S&P unlevered
        Position spx = Position.ofNotional("spx", 100_000);
        // 10 BTC at 20x: exposure 800,000, margin 40,000
        Position degen = Position.ofQuantity("btc", 10).withLeverage(20);
        // a short of 200 SPY: -100,000 exposure
        Position shortSpx = Position.ofQuantity("spx", -200);

        double eb = Valuation.exposure(btc, prices);
        assertThat(eb).isEqualTo(160_000.0);
        PositionPnl b = Valuation.value(btc, eb, -0.10);
        assertThat(b.pnl()).isCloseTo(-16_000.0, within(1e-9));
        assertThat(b.liquidated()).isFalse();

        PositionPnl s = Valuation.value(spx, Valuation.exposure(spx, prices), -0.08);
        assertThat(s.pnl()).isCloseTo(-8_000.0, within(1e-9));

        PositionPnl d = Valuation.value(degen, Valuation.exposure(degen, prices), -0.10);
        assertThat(d.pnl()).as("a 10%% fall at 20x loses the whole margin, not 80,000").isCloseTo(-40_000.0, within(1e-9));
        assertThat(d.liquidated()).isTrue();

        PositionPnl sh = Valuation.value(shortSpx, Valuation.exposure(shortSpx, prices), -0.08);
        assertThat(sh.pnl()).isCloseTo(8_000.0, within(1e-9));

        PositionPnl up = Valuation.value(degen, 800_000, 0.05);
        assertThat(up.pnl()).isCloseTo(40_000.0, within(1e-9));
        assertThat(up.liquidated()).isFalse();

        assertThat(Valuation.total(List.of(b, s, d, sh))).isCloseTo(-16_000 - 8_000 - 40_000 + 8_000.0, within(1e-9));
    }

    @Test
    void aQuantityWithoutAPriceHasNoExposure() {
        assertThat(Valuation.exposure(Position.ofQuantity("gold", 1), Map.of())).isNaN();
    }
}
