package io.tideline.views.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LiquidationDaysTest {

    private static final long DAY = 86_400_000L;

    @Test
    void marksBarsOverKTimesTheirTrailingAverageWhenPriceMovesTheSameWay() {
        int n = 40;
        long[] t = new long[n];
        double[] liq = new double[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * DAY;
            liq[i] = 100;
            close[i] = 1000 + i;
        }
        // Bar 1 is huge but has no full 30-bar window before it, and drops out before bar 32's.
        liq[1] = 10_000;
        close[1] = 1;
        // Bar 32: window 2..31 all 100, 301 > 3 x 100 and the price fell: a long flush.
        liq[32] = 301;
        close[32] = 900;
        // Bar 35: window 5..34 averages (29 x 100 + 301) / 30 = 106.7; 500 > 320 and the price rose.
        liq[35] = 500;
        // Bar 37: window 7..36 averages (28 x 100 + 301 + 500) / 30 = 120.03; 310 < 360.1: no mark
        // though the price fell.
        liq[37] = 310;
        close[37] = 800;
        assertThat(LiquidationDays.find(t, close, t, liq, 3, 30, true)).containsExactly(32 * DAY);
        assertThat(LiquidationDays.find(t, close, t, liq, 3, 30, false)).containsExactly(35 * DAY);
        // With k = 2.5 bar 37 qualifies (310 > 300.1).
        assertThat(LiquidationDays.find(t, close, t, liq, 2.5, 30, true)).containsExactly(32 * DAY, 37 * DAY);
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThatThrownBy(() -> LiquidationDays.find(new long[0], new double[0], new long[0], new double[0], 0, 30, true))
                .hasMessageContaining("k > 0");
    }
}
