package io.tideline.feed.binance;

import io.tideline.api.series.SeriesData;
import java.util.Arrays;

/** Collects single values into primitive columns, in time order. Not thread-safe: one per fetch. */
final class ValueColumns {

    private long[] times = new long[64];
    private double[] values = new double[64];
    private int size;

    /** The time of the last value, or {@link Long#MIN_VALUE}. */
    long lastTime() {
        return size == 0 ? Long.MIN_VALUE : times[size - 1];
    }

    /** Appends a value; the caller keeps times strictly increasing. */
    void add(long t, double v) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = t;
        values[size] = v;
        size++;
    }

    SeriesData toSeriesData() {
        return size == 0 ? SeriesData.empty()
                : SeriesData.ofValues(Arrays.copyOf(times, size), Arrays.copyOf(values, size));
    }
}
