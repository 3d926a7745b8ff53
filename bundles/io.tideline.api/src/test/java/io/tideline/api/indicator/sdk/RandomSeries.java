package io.tideline.api.indicator.sdk;

import java.util.SplittableRandom;

/** Reproducible synthetic series for the primitive tests. */
final class RandomSeries {

    private RandomSeries() {
    }

    /** A geometric random walk from {@code start}, 2% moves per step. */
    static double[] walk(int n, double start, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double level = start;
        for (int i = 0; i < n; i++) {
            level *= Math.exp(0.02 * random.nextGaussian());
            x[i] = level;
        }
        return x;
    }
}
