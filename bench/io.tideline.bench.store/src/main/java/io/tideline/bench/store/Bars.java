package io.tideline.bench.store;

import java.util.Arrays;

/**
 * The rows of one series read back from an engine, as primitive arrays of equal length.
 *
 * @param times timestamps, epoch milliseconds, ascending
 * @param values the value of each timestamp
 */
record Bars(long[] times, double[] values) {

    int size() {
        return times.length;
    }

    /** Collects rows of unknown count into growing arrays (for the JDBC result sets). */
    static final class Builder {
        private long[] times = new long[1024];
        private double[] values = new double[1024];
        private int size;

        void add(long time, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = time;
            values[size] = value;
            size++;
        }

        Bars build() {
            return new Bars(Arrays.copyOf(times, size), Arrays.copyOf(values, size));
        }
    }
}
