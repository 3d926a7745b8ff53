package io.tideline.api.series;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one rule for turning bars into longer bars, used by the charts and the indicator engine
 * alike, so a weekly candle and a weekly indicator value cover the same days.
 *
 * <p>Buckets are UTC-aligned: intraday and daily buckets are epoch multiples of their length
 * (4h bars start at 00:00, 04:00, ... UTC; daily bars at midnight UTC); weekly buckets are ISO
 * weeks, starting Monday 00:00 UTC (the epoch began on a Thursday, so plain epoch multiples of
 * seven days would start weeks on Thursdays). A bucket is stamped with its start, like the
 * store's native bars, and only buckets that hold at least one bar are produced: an equity's
 * weekly bars skip the weeks it was closed, a crypto series has one every week.
 *
 * <p>Columns aggregate as a bar does: the open of the first bar, the highest high, the lowest
 * low, the close of the last bar, the summed volume, and the last value of a single-value series
 * (a yield, a level). Works on the primitive columns, one pass, no boxing. Stateless and
 * thread-safe.
 *
 * @since 1.3
 */
public final class Resampler {

    private static final long DAY = 86_400_000L;
    /** 1970-01-05, the first Monday after the epoch: weekly buckets are counted from it. */
    private static final long FIRST_MONDAY = 4 * DAY;

    private Resampler() {
    }

    /**
     * The start of the bucket of {@code to} that holds {@code time}: for {@link Timeframe#W1}
     * the Monday 00:00 UTC at or before it, otherwise the UTC epoch multiple of the bar length at
     * or before it.
     *
     * @param time epoch milliseconds
     * @param to the bar length of the buckets
     * @return epoch milliseconds of the bucket's start, never after {@code time}
     */
    public static long bucketStart(long time, Timeframe to) {
        long len = to.millis();
        long origin = to == Timeframe.W1 ? FIRST_MONDAY : 0;
        return Math.floorDiv(time - origin, len) * len + origin;
    }

    /**
     * Aggregates {@code data} into bars of {@code to}, bucketed by {@link #bucketStart}. A
     * {@code to} not longer than the bars changes nothing but the stamps (each bar on its
     * bucket's start).
     *
     * @param data bars in increasing time order
     * @param to the longer bar length
     * @return the aggregated bars; {@code data} itself when it is empty
     */
    public static SeriesData resample(SeriesData data, Timeframe to) {
        int n = data.size();
        if (n == 0) {
            return data;
        }
        Field[] fields = data.fields().toArray(Field[]::new);
        double[][] in = new double[fields.length][];
        double[][] out = new double[fields.length][n];
        for (int f = 0; f < fields.length; f++) {
            in[f] = data.copyColumn(fields[f]);
        }
        long[] times = new long[n];
        int b = -1;
        for (int i = 0; i < n; i++) {
            long start = bucketStart(data.time(i), to);
            boolean fresh = b < 0 || times[b] != start;
            if (fresh) {
                times[++b] = start;
            }
            for (int f = 0; f < fields.length; f++) {
                double v = in[f][i];
                double[] col = out[f];
                col[b] = switch (fields[f]) {
                    case OPEN -> fresh ? v : col[b];
                    case HIGH -> fresh ? v : Math.max(col[b], v);
                    case LOW -> fresh ? v : Math.min(col[b], v);
                    case VOLUME -> fresh ? v : col[b] + v;
                    case CLOSE, VALUE -> v;
                };
            }
        }
        int buckets = b + 1;
        Map<Field, double[]> columns = new EnumMap<>(Field.class);
        for (int f = 0; f < fields.length; f++) {
            columns.put(fields[f], Arrays.copyOf(out[f], buckets));
        }
        return SeriesData.of(Arrays.copyOf(times, buckets), columns);
    }

    /**
     * The native bar length of {@code data} when its descriptor does not say: the shortest
     * {@link Timeframe} not shorter than the median spacing of its times ({@link Timeframe#D1}
     * when there are fewer than two bars).
     *
     * @param data bars in increasing time order
     * @return the inferred bar length
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
        Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        for (Timeframe t : Timeframe.values()) {
            if (median <= t.millis()) {
                return t;
            }
        }
        return Timeframe.W1;
    }
}
