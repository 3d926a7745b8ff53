package io.tideline.engine;

import io.tideline.api.series.Timeframe;
import java.util.Arrays;

/**
 * Resampling to a longer bar: buckets are UTC-aligned multiples of the target length (4h bars
 * start at 00:00, 04:00, ... UTC; daily bars at midnight UTC; weekly bars on Monday 00:00 UTC),
 * each stamped with its start. Only
 * buckets that hold at least one source bar are produced, so an equity series has daily bars on
 * trading days only while a 24/7 crypto series has one every day. Values resample as
 * last-in-bucket (closes, levels, yields); flows (volume, liquidations) as sums.
 */
final class Resample {

    private Resample() {
    }

    /** Last value of each bucket. */
    static Aligned last(long[] times, double[] values, Timeframe target) {
        return bucket(times, values, target, false);
    }

    /** Sum of each bucket. */
    static Aligned sum(long[] times, double[] values, Timeframe target) {
        return bucket(times, values, target, true);
    }

    private static Aligned bucket(long[] times, double[] values, Timeframe target, boolean sum) {
        long len = target.millis();
        // Epoch day 0 was a Thursday: weeks are shifted to start on Mondays (1970-01-05).
        long origin = target == Timeframe.W1 ? 4 * Timeframe.D1.millis() : 0;
        long[] out = new long[times.length];
        double[] vals = new double[times.length];
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            long start = Math.floorDiv(times[i] - origin, len) * len + origin;
            if (n > 0 && out[n - 1] == start) {
                vals[n - 1] = sum ? vals[n - 1] + values[i] : values[i];
            } else {
                out[n] = start;
                vals[n] = values[i];
                n++;
            }
        }
        return new Aligned(Arrays.copyOf(out, n), new double[][] {Arrays.copyOf(vals, n)});
    }
}
