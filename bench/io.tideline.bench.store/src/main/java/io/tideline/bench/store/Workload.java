package io.tideline.bench.store;

import java.util.Arrays;
import java.util.function.Consumer;

/** What the benchmarks do with an {@link Engine}: the write, the read and the check, once each. */
final class Workload {

    /** Rows per upsert call: one transaction each, for every engine. */
    static final int BATCH = 10_000;

    private Workload() {
    }

    /** Writes the whole dataset, series after series, in batches of {@link #BATCH} rows. */
    static void write(Engine engine, Dataset data) throws Exception {
        long[] times = data.times();
        for (int s = 0; s < data.seriesCount(); s++) {
            double[] values = data.values()[s];
            for (int from = 0; from < times.length; from += BATCH) {
                engine.upsert(s, times, values, from, Math.min(times.length, from + BATCH));
            }
        }
    }

    /** Reads every series' whole range, handing each to {@code sink}; returns the rows read. */
    static long readAll(Engine engine, Dataset data, Consumer<Bars> sink) throws Exception {
        long rows = 0;
        for (int s = 0; s < data.seriesCount(); s++) {
            Bars bars = engine.read(s, data.firstTime(), data.lastTime());
            rows += bars.size();
            sink.accept(bars);
        }
        return rows;
    }

    /**
     * Reads every series back and checks it is exactly what {@link #write} wrote: the count,
     * the first and last row, then every row.
     *
     * @throws IllegalStateException naming the engine, series and first difference
     */
    static void verify(Engine engine, Dataset data) throws Exception {
        for (int s = 0; s < data.seriesCount(); s++) {
            Bars bars = engine.read(s, data.firstTime(), data.lastTime());
            double[] values = data.values()[s];
            String what = engine.name() + ", dataset " + data.label() + ", series " + s + ": ";
            int n = data.rowsPerSeries();
            if (bars.size() != n) {
                throw new IllegalStateException(what + "read " + bars.size() + " rows, wrote " + n);
            }
            check(what + "first row", data.times()[0], values[0], bars.times()[0], bars.values()[0]);
            check(what + "last row", data.times()[n - 1], values[n - 1], bars.times()[n - 1], bars.values()[n - 1]);
            if (!Arrays.equals(bars.times(), data.times()) || !Arrays.equals(bars.values(), values)) {
                int i = Arrays.mismatch(bars.times(), data.times());
                if (i < 0) {
                    i = Arrays.mismatch(bars.values(), values);
                }
                check(what + "row " + i, data.times()[i], values[i], bars.times()[i], bars.values()[i]);
            }
        }
    }

    private static void check(String what, long time, double value, long readTime, double readValue) {
        if (time != readTime || Double.doubleToLongBits(value) != Double.doubleToLongBits(readValue)) {
            throw new IllegalStateException(what + " reads back as (" + readTime + ", " + readValue
                    + "), was written as (" + time + ", " + value + ")");
        }
    }
}
