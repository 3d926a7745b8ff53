package io.tideline.support.series;

import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import java.util.HashMap;
import java.util.Map;

/**
 * The computed node series of one engine evaluation, read as of a cutoff: a node's value is the
 * one of its last bar at or before the cutoff (indicators are causal, so that value used no later
 * data), or {@code lag} bars before it. A bar older than the staleness limit counts as no data.
 *
 * <p>Immutable and thread-safe. The arrays returned by {@link #times} and {@link #values} are the
 * columns themselves (no copy per call, as readers walk them per bar): callers must not modify
 * them.
 */
public final class AsOfColumns {

    private static final long[] NO_TIMES = new long[0];
    private static final double[] NO_VALUES = new double[0];

    private record Column(long[] times, double[] values) {
    }

    private final Map<String, Column> columns = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private final long staleMillis;

    /**
     * @param results the engine's results by node name; a failed node keeps its error
     * @param maxStaleDays a last bar more than this many days before the cutoff counts as no data
     */
    public AsOfColumns(Map<String, IndicatorResult> results, int maxStaleDays) {
        this.staleMillis = maxStaleDays * 86_400_000L;
        results.forEach((name, r) -> {
            if (r.failed()) {
                errors.put(name, r.error());
            } else {
                SeriesData d = r.output();
                columns.put(name, new Column(d.copyTimes(), d.isEmpty() ? NO_VALUES : d.copyColumn(d.primary())));
            }
        });
    }

    /** Whether the node was computed without error. */
    public boolean computed(String node) {
        return columns.containsKey(node);
    }

    /** Why a node failed, or null. */
    public String error(String node) {
        return errors.get(node);
    }

    /** The bar times of a node, or an empty array; not to be modified. */
    public long[] times(String node) {
        Column c = columns.get(node);
        return c == null ? NO_TIMES : c.times;
    }

    /** The values of a node's primary column, or an empty array; not to be modified. */
    public double[] values(String node) {
        Column c = columns.get(node);
        return c == null ? NO_VALUES : c.values;
    }

    /** Whether a bar at {@code barTime} is too old to stand for the cutoff. */
    public boolean stale(long barTime, long cutoff) {
        return barTime < cutoff - staleMillis;
    }

    /**
     * The value {@code lag} bars before the last bar at or before {@code cutoff}; NaN when the node
     * is not computed, has no bar by then, its last bar is stale or there are fewer bars than the lag.
     */
    public double value(String node, long cutoff, int lag) {
        Column c = columns.get(node);
        if (c == null) {
            return Double.NaN;
        }
        int i = lastAtOrBefore(c.times, cutoff);
        if (i < 0 || stale(c.times[i], cutoff) || i - lag < 0) {
            return Double.NaN;
        }
        return c.values[i - lag];
    }

    /** The value at the last bar at or before {@code cutoff}, or NaN (see {@link #value(String, long, int)}). */
    public double value(String node, long cutoff) {
        return value(node, cutoff, 0);
    }

    /** The raw value at the last bar at or before the cutoff, ignoring staleness, or NaN. */
    public double last(String node, long cutoff) {
        Column c = columns.get(node);
        if (c == null) {
            return Double.NaN;
        }
        int i = lastAtOrBefore(c.times, cutoff);
        return i < 0 ? Double.NaN : c.values[i];
    }

    /**
     * The index of the last time at or before {@code cutoff} in ascending {@code times}, or -1
     * when every time is later (binary search, O(log n)).
     */
    public static int lastAtOrBefore(long[] times, long cutoff) {
        int lo = 0;
        int hi = times.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= cutoff) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
