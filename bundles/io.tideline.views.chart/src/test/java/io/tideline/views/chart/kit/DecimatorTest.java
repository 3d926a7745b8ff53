package io.tideline.views.chart.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    /** A random walk with spikes and gaps (NaN), irregular spacing. */
    private static void walk(long seed, long[] t, double[] v) {
        Random r = new Random(seed);
        long time = 1_600_000_000_000L;
        double x = 100;
        for (int i = 0; i < t.length; i++) {
            time += 1 + r.nextInt(120_000);
            x += r.nextGaussian() + (r.nextInt(5000) == 0 ? 50 * r.nextGaussian() : 0);
            t[i] = time;
            v[i] = r.nextInt(200) == 0 ? Double.NaN : x;
        }
    }

    @Test
    void keepsEveryPixelColumnsMinimumAndMaximumExactly() {
        for (int seed = 1; seed <= 5; seed++) {
            int n = 200_000;
            long[] t = new long[n];
            double[] v = new double[n];
            walk(seed, t, v);
            int cols = 300 + seed * 97;
            long x0 = t[n / 7];
            long x1 = t[n - n / 5];
            double[] xs = new double[Decimator.capacity(cols)];
            double[] ys = new double[xs.length];
            int m = Decimator.m4(t, v, x0, x1, cols, xs, ys);

            // Brute force: per column min and max over the raw bars inside x0..x1.
            double span = x1 - x0;
            double[] min = new double[cols];
            double[] max = new double[cols];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                if (t[i] < x0 || t[i] > x1 || Double.isNaN(v[i])) {
                    continue;
                }
                int c = Math.min(cols - 1, (int) ((t[i] - x0) * cols / span));
                min[c] = Math.min(min[c], v[i]);
                max[c] = Math.max(max[c], v[i]);
            }
            double[] gotMin = new double[cols];
            double[] gotMax = new double[cols];
            java.util.Arrays.fill(gotMin, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(gotMax, Double.NEGATIVE_INFINITY);
            int inside = 0;
            for (int k = 0; k < m; k++) {
                if (k > 0) {
                    assertThat(xs[k]).as("points in time order").isGreaterThan(xs[k - 1]);
                }
                if (xs[k] < x0 || xs[k] > x1) {
                    continue;
                }
                inside++;
                int c = Math.min(cols - 1, (int) (((long) xs[k] - x0) * cols / span));
                gotMin[c] = Math.min(gotMin[c], ys[k]);
                gotMax[c] = Math.max(gotMax[c], ys[k]);
            }
            assertThat(gotMin).containsExactly(min);
            assertThat(gotMax).containsExactly(max);
            assertThat(inside).isLessThanOrEqualTo(4 * cols);
            assertThat(m).isLessThanOrEqualTo(Decimator.capacity(cols));
            // The bars just outside the range are kept so the line reaches the plot's edges.
            assertThat(xs[0]).isLessThan(x0);
            assertThat(xs[m - 1]).isGreaterThan(x1);
        }
    }

    @Test
    void keepsEveryBarWhenThereAreFewerBarsThanPixels() {
        long[] t = {10, 20, 30, 40, 50};
        double[] v = {1, 5, 2, 4, 3};
        double[] xs = new double[Decimator.capacity(1000)];
        double[] ys = new double[xs.length];
        int m = Decimator.m4(t, v, 10, 50, 1000, xs, ys);
        assertThat(m).isEqualTo(5);
        assertThat(java.util.Arrays.copyOf(ys, m)).containsExactly(1, 5, 2, 4, 3);
    }

    @Test
    void findsNearestBar() {
        long[] t = {10, 20, 30};
        assertThat(Decimator.nearest(t, 0)).isEqualTo(0);
        assertThat(Decimator.nearest(t, 14)).isEqualTo(0);
        assertThat(Decimator.nearest(t, 16)).isEqualTo(1);
        assertThat(Decimator.nearest(t, 99)).isEqualTo(2);
        assertThat(Decimator.nearest(new long[0], 5)).isEqualTo(-1);
    }
}
