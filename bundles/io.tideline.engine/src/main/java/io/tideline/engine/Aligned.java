package io.tideline.engine;

import java.util.Arrays;

/**
 * Several series joined on the timestamps they all have, as primitive columns.
 *
 * <p>The alignment rule: a bar is kept only where every input has a bar with exactly the same
 * timestamp (an inner join); nothing is carried forward. Daily bars are stamped at midnight UTC
 * of their trading date, so the correlation of BTC (every day) with the Nasdaq (trading days)
 * pairs Friday with Friday and skips the weekend: Saturday's BTC is never paired with Friday's
 * Nasdaq. Resample first ({@link io.tideline.api.series.Resampler}) to compare series of
 * different bar lengths.
 *
 * @param times common timestamps, strictly increasing
 * @param columns one column per input, aligned with {@code times}
 */
record Aligned(long[] times, double[][] columns) {

    /** Joins the inputs; each is a pair of equal-length {@code times[i]}, {@code values[i]}. */
    static Aligned join(long[][] times, double[][] values) {
        int k = times.length;
        if (k == 1) {
            return new Aligned(times[0].clone(), new double[][] {values[0].clone()});
        }
        int max = Integer.MAX_VALUE;
        for (long[] t : times) {
            max = Math.min(max, t.length);
        }
        long[] out = new long[max];
        double[][] cols = new double[k][max];
        int[] pos = new int[k];
        int n = 0;
        outer:
        while (true) {
            long candidate = Long.MIN_VALUE;
            for (int i = 0; i < k; i++) {
                if (pos[i] >= times[i].length) {
                    break outer;
                }
                candidate = Math.max(candidate, times[i][pos[i]]);
            }
            boolean all = true;
            for (int i = 0; i < k; i++) {
                while (pos[i] < times[i].length && times[i][pos[i]] < candidate) {
                    pos[i]++;
                }
                if (pos[i] >= times[i].length) {
                    break outer;
                }
                all &= times[i][pos[i]] == candidate;
            }
            if (all) {
                out[n] = candidate;
                for (int i = 0; i < k; i++) {
                    cols[i][n] = values[i][pos[i]];
                    pos[i]++;
                }
                n++;
            }
        }
        for (int i = 0; i < k; i++) {
            cols[i] = Arrays.copyOf(cols[i], n);
        }
        return new Aligned(Arrays.copyOf(out, n), cols);
    }

    int size() {
        return times.length;
    }
}
