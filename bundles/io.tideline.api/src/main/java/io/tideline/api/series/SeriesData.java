package io.tideline.api.series;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A columnar slice of a series: timestamps as epoch milliseconds UTC, strictly increasing, and
 * one {@code double[]} column per {@link Field}, all of the same length. A value may be
 * {@link Double#NaN} to mark a missing observation.
 *
 * <p>Immutable and thread-safe: the factory copies the arrays it is given once, and accessors
 * read by index, so hot loops iterate without boxing or copying. Use {@link #copyTimes()} and
 * {@link #copyColumn(Field)} when a whole array is needed.
 */
public final class SeriesData {

    private static final SeriesData EMPTY = new SeriesData(new long[0], valueOnly(new double[0]));

    private final long[] times;
    private final EnumMap<Field, double[]> columns;

    private SeriesData(long[] times, EnumMap<Field, double[]> columns) {
        this.times = times;
        this.columns = columns;
    }

    /** An empty single-value series. */
    public static SeriesData empty() {
        return EMPTY;
    }

    /**
     * A single-value series ({@link Field#VALUE}).
     *
     * @throws IllegalArgumentException if the lengths differ or times are not strictly increasing
     */
    public static SeriesData ofValues(long[] times, double[] values) {
        return of(times, Map.of(Field.VALUE, values));
    }

    /**
     * A series with the given columns; the arrays are copied.
     *
     * @throws IllegalArgumentException naming the first index where times do not strictly
     *         increase, or the column whose length differs from the times
     */
    public static SeriesData of(long[] times, Map<Field, double[]> columns) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("series data needs at least one value column");
        }
        for (int i = 1; i < times.length; i++) {
            if (times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("timestamps must strictly increase: index " + i
                        + " has " + times[i] + " after " + times[i - 1]);
            }
        }
        EnumMap<Field, double[]> copy = new EnumMap<>(Field.class);
        for (Map.Entry<Field, double[]> e : columns.entrySet()) {
            double[] column = Objects.requireNonNull(e.getValue(), "column " + e.getKey());
            if (column.length != times.length) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + column.length
                        + " values for " + times.length + " timestamps");
            }
            copy.put(e.getKey(), column.clone());
        }
        return new SeriesData(times.clone(), copy);
    }

    private static EnumMap<Field, double[]> valueOnly(double[] values) {
        EnumMap<Field, double[]> map = new EnumMap<>(Field.class);
        map.put(Field.VALUE, values);
        return map;
    }

    /** The number of bars. */
    public int size() {
        return times.length;
    }

    /** Whether there are no bars. */
    public boolean isEmpty() {
        return times.length == 0;
    }

    /** The timestamp of bar {@code i}, epoch milliseconds UTC. */
    public long time(int i) {
        return times[i];
    }

    /** The columns present. */
    public Set<Field> fields() {
        return java.util.Collections.unmodifiableSet(columns.keySet());
    }

    /** Whether the column is present. */
    public boolean has(Field field) {
        return columns.containsKey(field);
    }

    /**
     * The column that stands for the series as one number per bar: {@link Field#CLOSE} when
     * present, else {@link Field#VALUE}, else the first column.
     */
    public Field primary() {
        if (columns.containsKey(Field.CLOSE)) {
            return Field.CLOSE;
        }
        if (columns.containsKey(Field.VALUE)) {
            return Field.VALUE;
        }
        return columns.keySet().iterator().next();
    }

    /**
     * The value of {@code field} at bar {@code i}.
     *
     * @throws IllegalArgumentException if the column is absent
     */
    public double get(Field field, int i) {
        double[] column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException("no column " + field + " (present: " + columns.keySet() + ")");
        }
        return column[i];
    }

    /** The value of the {@link #primary()} column at bar {@code i}. */
    public double value(int i) {
        return get(primary(), i);
    }

    /** A copy of the timestamps. */
    public long[] copyTimes() {
        return times.clone();
    }

    /** A copy of one column. */
    public double[] copyColumn(Field field) {
        double[] column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException("no column " + field + " (present: " + columns.keySet() + ")");
        }
        return column.clone();
    }

    /** The first timestamp. @throws IllegalStateException when empty */
    public long firstTime() {
        if (times.length == 0) {
            throw new IllegalStateException("empty series data has no first time");
        }
        return times[0];
    }

    /** The last timestamp. @throws IllegalStateException when empty */
    public long lastTime() {
        if (times.length == 0) {
            throw new IllegalStateException("empty series data has no last time");
        }
        return times[times.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SeriesData other) || !Arrays.equals(times, other.times)
                || !columns.keySet().equals(other.columns.keySet())) {
            return false;
        }
        for (Map.Entry<Field, double[]> e : columns.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.columns.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(times);
        for (Map.Entry<Field, double[]> e : columns.entrySet()) {
            h = 31 * h + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return times.length == 0 ? "SeriesData[empty " + columns.keySet() + "]"
                : "SeriesData[" + times.length + " bars " + columns.keySet() + " from " + times[0]
                        + " to " + times[times.length - 1] + "]";
    }
}
