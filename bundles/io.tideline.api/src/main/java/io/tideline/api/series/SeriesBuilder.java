package io.tideline.api.series;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Collects bars into growable primitive columns (no boxing, amortised O(1) per bar) and builds
 * {@link SeriesData}; the one way connectors and parsers assemble a series. Bars outside the
 * range given at creation are dropped; a bar with the time of the last one replaces it (the later
 * answer wins). Times must otherwise increase: {@link #build()} rejects them if not. Not
 * thread-safe: one per parse.
 */
public final class SeriesBuilder {

    private static final Field[] OHLCV = {Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME};
    private static final Field[] VALUE = {Field.VALUE};

    private final Field[] fields;
    private final long fromMillis;
    private final long toMillis;
    private long[] times = new long[64];
    private final double[][] columns;
    private int size;

    private SeriesBuilder(Field[] fields, long fromMillis, long toMillis) {
        this.fields = fields;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
        this.columns = new double[fields.length][64];
    }

    /** A builder of OHLCV bars keeping those with {@code fromMillis <= time <= toMillis}. */
    public static SeriesBuilder ohlcv(long fromMillis, long toMillis) {
        return new SeriesBuilder(OHLCV, fromMillis, toMillis);
    }

    /** A builder of single values keeping those with {@code fromMillis <= time <= toMillis}. */
    public static SeriesBuilder values(long fromMillis, long toMillis) {
        return new SeriesBuilder(VALUE, fromMillis, toMillis);
    }

    /** The time of the last bar kept, or {@link Long#MIN_VALUE}. */
    public long lastTime() {
        return size == 0 ? Long.MIN_VALUE : times[size - 1];
    }

    /** The number of bars kept. */
    public int size() {
        return size;
    }

    /** Adds a single value; the builder must be a {@link #values} builder. */
    public void add(long time, double value) {
        if (fields.length != 1) {
            throw new IllegalStateException("this builder collects " + Arrays.toString(fields) + ", not one value");
        }
        int i = slot(time);
        if (i >= 0) {
            times[i] = time;
            columns[0][i] = value;
        }
    }

    /** Adds an OHLCV bar; the builder must be an {@link #ohlcv} builder. */
    public void add(long time, double open, double high, double low, double close, double volume) {
        if (fields.length != 5) {
            throw new IllegalStateException("this builder collects " + Arrays.toString(fields) + ", not OHLCV");
        }
        int i = slot(time);
        if (i >= 0) {
            times[i] = time;
            columns[0][i] = open;
            columns[1][i] = high;
            columns[2][i] = low;
            columns[3][i] = close;
            columns[4][i] = volume;
        }
    }

    /** The index to write a bar at, growing the columns; -1 if the bar is out of range. */
    private int slot(long time) {
        if (time < fromMillis || time > toMillis) {
            return -1;
        }
        int i = size > 0 && times[size - 1] == time ? size - 1 : size;
        if (i == times.length) {
            int n = i * 2;
            times = Arrays.copyOf(times, n);
            for (int f = 0; f < columns.length; f++) {
                columns[f] = Arrays.copyOf(columns[f], n);
            }
        }
        size = Math.max(size, i + 1);
        return i;
    }

    /**
     * The bars collected so far.
     *
     * @throws IllegalArgumentException naming the index if times went backwards
     */
    public SeriesData build() {
        Map<Field, double[]> out = new EnumMap<>(Field.class);
        for (int f = 0; f < fields.length; f++) {
            out.put(fields[f], Arrays.copyOf(columns[f], size));
        }
        return SeriesData.of(Arrays.copyOf(times, size), out);
    }
}
