package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.indicator.Indicator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LiquidationFlush} and {@link LiquidationSqueeze}. References: hand-checked bars, and a
 * straightforward re-statement of the rule (each window summed afresh) on random data, which
 * the marks must equal exactly.
 */
class LiquidationFlushTest {

    private final Indicator flush = new LiquidationFlush();
    private final Indicator squeeze = new LiquidationSqueeze();

    /** 40 daily bars: liquidations 100, closes rising by 1, with the spikes the cases below set. */
    private static double[][] spikes() {
        int n = 40;
        double[] liq = new double[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
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
        return new double[][] {close, liq};
    }

    private static int[] marked(double[] out) {
        return java.util.stream.IntStream.range(0, out.length).filter(i -> out[i] == 1).toArray();
    }

    @Test
    void marksBarsOverKTimesTheirTrailingMeanWhenPriceMovesTheSameWay() {
        double[][] in = spikes();
        long[] t = Harness.days(40);
        double[] longs = Harness.run(flush, Map.of(), t, in);
        double[] shorts = Harness.run(squeeze, Map.of(), t, in);
        assertThat(marked(longs)).containsExactly(32);
        assertThat(marked(shorts)).containsExactly(35);
        // With k = 2.5 bar 37 qualifies (310 > 300.1).
        assertThat(marked(Harness.run(flush, Map.of("k", 2.5), t, in))).containsExactly(32, 37);
        // NaN without a full window (bars 0..29), 0 on every other unmarked bar.
        for (double[] out : new double[][] {longs, shorts}) {
            for (int i = 0; i < 40; i++) {
                if (i < 30) {
                    assertThat(out[i]).as("bar %d", i).isNaN();
                } else {
                    assertThat(out[i]).as("bar %d", i).isIn(0.0, 1.0);
                }
            }
        }
        assertThat(flush.start(Map.of()).unstableBars()).isEqualTo(30);
        assertThat(squeeze.start(Map.of("window", 5.0)).unstableBars()).isEqualTo(5);
    }

    @Test
    void missingValuesGiveNaNAndAZeroWindowNeverMarks() {
        long[] t = Harness.days(8);
        double[] close = {10, 9, 8, 7, 6, 5, 4, 3};
        double[] liq = {0, 0, 5, 50, 50, 50, 500, 5000};
        Map<String, Double> twoBars = Map.of("window", 2.0);
        double[] out = Harness.run(flush, twoBars, t, close, liq);
        // Bar 2: window {0, 0} averages zero, so 5 is no spike; bar 3: 50 > 3 x 2.5 with the price down.
        assertThat(out).containsExactly(Double.NaN, Double.NaN, 0, 1, 0, 0, 1, 1);
        double[] gappy = liq.clone();
        gappy[3] = Double.NaN;
        double[] gappyClose = close.clone();
        gappyClose[6] = Double.NaN;
        // Bar 3 lacks liquidations, so do the windows of bars 4 and 5; bar 6 lacks a price, bar 7 a previous one.
        assertThat(Harness.run(flush, twoBars, t, gappyClose, gappy))
                .containsExactly(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void equalsAStraightforwardReferenceOnRandomDataFedInAnyChunks() {
        Random random = new Random(20261203);
        int n = 3000;
        long[] t = Harness.days(n);
        double[] close = new double[n];
        double[] liq = new double[n];
        double price = 50_000;
        for (int i = 0; i < n; i++) {
            price *= Math.exp(0.03 * random.nextGaussian());
            close[i] = random.nextInt(200) == 0 ? Double.NaN : price;
            // Log-normal flows with fat spikes, a zero now and then and a rare missing bar.
            liq[i] = random.nextInt(300) == 0 ? Double.NaN
                    : random.nextInt(50) == 0 ? 0 : 2e7 * Math.exp(random.nextGaussian());
        }
        int marks = 0;
        for (double k : new double[] {1.5, 3, 5}) {
            for (int window : new int[] {1, 7, 30}) {
                Map<String, Double> params = Map.of("k", k, "window", (double) window);
                for (boolean longs : new boolean[] {true, false}) {
                    Indicator indicator = longs ? flush : squeeze;
                    double[] expected = reference(close, liq, k, window, longs);
                    double[] out = Harness.run(indicator, params, t, close, liq);
                    Harness.assertClose(out, expected, 0, 1e-12);
                    Harness.assertChunkingDoesNotMatter(indicator, params, t, close, liq);
                    marks += marked(out).length;
                }
            }
        }
        assertThat(marks).as("marked bars over all cases").isGreaterThan(100);
    }

    /** The rule restated bar by bar, each window summed afresh: O(n x window), obviously right. */
    private static double[] reference(double[] close, double[] liq, double k, int window, boolean longs) {
        double[] out = new double[close.length];
        for (int j = 0; j < close.length; j++) {
            out[j] = Double.NaN;
            if (j < window || Double.isNaN(liq[j]) || Double.isNaN(close[j]) || Double.isNaN(close[j - 1])) {
                continue;
            }
            double sum = 0;
            boolean full = true;
            for (int q = j - window; q < j; q++) {
                full &= !Double.isNaN(liq[q]);
                sum += liq[q];
            }
            if (!full) {
                continue;
            }
            double mean = sum / window;
            boolean moved = longs ? close[j] < close[j - 1] : close[j] > close[j - 1];
            out[j] = mean > 0 && liq[j] > k * mean && moved ? 1 : 0;
        }
        return out;
    }

    @Test
    void rejectsNonsenseParametersNamingThem() {
        assertThatThrownBy(() -> flush.start(Map.of("k", 0.0))).hasMessageContaining("'k'")
                .hasMessageContaining("liquidation-flush");
        assertThatThrownBy(() -> squeeze.start(Map.of("window", 0.0))).hasMessageContaining("'window'")
                .hasMessageContaining("liquidation-squeeze");
    }
}
