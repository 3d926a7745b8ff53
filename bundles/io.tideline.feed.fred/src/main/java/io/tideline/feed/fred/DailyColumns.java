package io.tideline.feed.fred;

import io.tideline.api.series.SeriesData;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Collects daily observations (midnight UTC of the date, epoch ms) into primitive columns,
 * keeping only those inside the requested range. Not thread-safe: one per parse.
 */
final class DailyColumns {

    static final long DAY_MILLIS = 86_400_000L;

    private final long fromMillis;
    private final long toMillis;
    private long[] times = new long[64];
    private double[] values = new double[64];
    private int size;
    private long lastSeen = Long.MIN_VALUE;

    DailyColumns(long fromMillis, long toMillis) {
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    /** The epoch ms of midnight UTC of the date. */
    static long millis(LocalDate date) {
        return date.toEpochDay() * DAY_MILLIS;
    }

    /**
     * Whether the date comes after every date seen before (missing observations included), as
     * FRED sorts them; the caller reports the offending record when it does not.
     */
    boolean inOrder(LocalDate date) {
        long t = millis(date);
        if (t <= lastSeen) {
            return false;
        }
        lastSeen = t;
        return true;
    }

    /** Adds an observation if it lies inside the range. Call {@link #inOrder} first. */
    void add(LocalDate date, double value) {
        long t = millis(date);
        if (t < fromMillis || t > toMillis) {
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = t;
        values[size] = value;
        size++;
    }

    SeriesData toSeriesData() {
        return size == 0 ? SeriesData.empty()
                : SeriesData.ofValues(Arrays.copyOf(times, size), Arrays.copyOf(values, size));
    }
}
