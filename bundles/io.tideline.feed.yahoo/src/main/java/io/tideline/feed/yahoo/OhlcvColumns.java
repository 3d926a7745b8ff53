package io.tideline.feed.yahoo;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Collects OHLCV bars into primitive columns, keeping only those inside the requested range.
 * Not thread-safe: one per parse.
 */
final class OhlcvColumns {

    private final long fromMillis;
    private final long toMillis;
    private long[] times = new long[64];
    private double[] open = new double[64];
    private double[] high = new double[64];
    private double[] low = new double[64];
    private double[] close = new double[64];
    private double[] volume = new double[64];
    private int size;

    OhlcvColumns(long fromMillis, long toMillis) {
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    /** An OHLCV series without bars. */
    static SeriesData empty() {
        return new OhlcvColumns(0L, -1L).toSeriesData();
    }

    /** The time of the last bar kept, or {@link Long#MIN_VALUE}. */
    long lastTime() {
        return size == 0 ? Long.MIN_VALUE : times[size - 1];
    }

    /**
     * Adds a bar if it lies inside the range; a bar at the time of the last one replaces it (the
     * later answer wins). The caller checks that times do not go backwards.
     */
    void add(long t, double o, double h, double l, double c, double v) {
        if (t < fromMillis || t > toMillis) {
            return;
        }
        int i = size > 0 && times[size - 1] == t ? size - 1 : size;
        if (i == times.length) {
            int n = i * 2;
            times = Arrays.copyOf(times, n);
            open = Arrays.copyOf(open, n);
            high = Arrays.copyOf(high, n);
            low = Arrays.copyOf(low, n);
            close = Arrays.copyOf(close, n);
            volume = Arrays.copyOf(volume, n);
        }
        times[i] = t;
        open[i] = o;
        high[i] = h;
        low[i] = l;
        close[i] = c;
        volume[i] = v;
        size = i + 1;
    }

    SeriesData toSeriesData() {
        Map<Field, double[]> columns = new EnumMap<>(Field.class);
        columns.put(Field.OPEN, Arrays.copyOf(open, size));
        columns.put(Field.HIGH, Arrays.copyOf(high, size));
        columns.put(Field.LOW, Arrays.copyOf(low, size));
        columns.put(Field.CLOSE, Arrays.copyOf(close, size));
        columns.put(Field.VOLUME, Arrays.copyOf(volume, size));
        return SeriesData.of(Arrays.copyOf(times, size), columns);
    }
}
