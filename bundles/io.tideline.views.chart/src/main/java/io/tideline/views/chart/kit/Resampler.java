package io.tideline.views.chart.kit;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Timeframe;
import java.util.EnumMap;
import java.util.Map;

/**
 * Aggregates bars into longer UTC-aligned bars (e.g. 1h into 4h or 1d): open of the first bar,
 * highest high, lowest low, close of the last bar, summed volume, last value. The new bar is
 * stamped with the start of its bucket, like the store's native bars. Stateless, thread-safe.
 */
public final class Resampler {

    private Resampler() {
    }

    /**
     * The native bar length of {@code data}: the shortest {@link Timeframe} not shorter than the
     * median spacing of its times (D1 when there are fewer than two bars).
     */
    public static Timeframe inferTimeframe(SeriesData data) {
        int n = data.size();
        if (n < 2) {
            return Timeframe.D1;
        }
        long[] gaps = new long[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = data.time(i) - data.time(i - 1);
        }
        java.util.Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        for (Timeframe t : Timeframe.values()) {
            if (median <= t.millis()) {
                return t;
            }
        }
        return Timeframe.W1;
    }

    /** Aggregates {@code data} into bars of {@code to}; returns {@code data} when it is empty. */
    public static SeriesData resample(SeriesData data, Timeframe to) {
        int n = data.size();
        if (n == 0) {
            return data;
        }
        long len = to.millis();
        int buckets = 1;
        for (int i = 1; i < n; i++) {
            if (Math.floorDiv(data.time(i), len) != Math.floorDiv(data.time(i - 1), len)) {
                buckets++;
            }
        }
        long[] times = new long[buckets];
        Map<Field, double[]> out = new EnumMap<>(Field.class);
        for (Field f : data.fields()) {
            out.put(f, new double[buckets]);
        }
        int b = -1;
        long current = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long bucket = Math.floorDiv(data.time(i), len);
            boolean fresh = bucket != current;
            if (fresh) {
                b++;
                current = bucket;
                times[b] = bucket * len;
            }
            for (Map.Entry<Field, double[]> e : out.entrySet()) {
                double v = data.get(e.getKey(), i);
                double[] col = e.getValue();
                switch (e.getKey()) {
                    case OPEN -> col[b] = fresh ? v : col[b];
                    case HIGH -> col[b] = fresh ? v : Math.max(col[b], v);
                    case LOW -> col[b] = fresh ? v : Math.min(col[b], v);
                    case VOLUME -> col[b] = fresh ? v : col[b] + v;
                    default -> col[b] = v;
                }
            }
        }
        return SeriesData.of(times, out);
    }
}
