package io.tideline.regime;

import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import java.util.HashMap;
import java.util.Map;

/**
 * The computed node series, read as of a cutoff: the value of a node is the one of its last bar
 * at or before the cutoff (indicators are causal, so that value used no later data), or
 * {@code lag} bars before it. A bar older than the staleness limit counts as no data. Immutable.
 */
final class Readings {

    private record Column(long[] times, double[] values) {
    }

    private final Map<String, Column> columns = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private final long staleMillis;

    Readings(Map<String, IndicatorResult> results, int maxStaleDays) {
        this.staleMillis = maxStaleDays * 86_400_000L;
        results.forEach((name, r) -> {
            if (r.failed()) {
                errors.put(name, r.error());
            } else {
                SeriesData d = r.output();
                columns.put(name, new Column(d.copyTimes(), d.isEmpty() ? new double[0] : d.copyColumn(d.primary())));
            }
        });
    }

    /** The value {@code lag} bars before the last bar at or before {@code cutoff}; NaN without one. */
    double get(String node, long cutoff, int lag) {
        Column c = columns.get(node);
        if (c == null) {
            return Double.NaN;
        }
        int i = lastAtOrBefore(c.times, cutoff);
        if (i < 0 || c.times[i] < cutoff - staleMillis || i - lag < 0) {
            return Double.NaN;
        }
        return c.values[i - lag];
    }

    double get(String node, long cutoff) {
        return get(node, cutoff, 0);
    }

    /** Why a node failed, or null. */
    String error(String node) {
        return errors.get(node);
    }

    /** The bar times of a node, or an empty array. */
    long[] times(String node) {
        Column c = columns.get(node);
        return c == null ? new long[0] : c.times;
    }

    private static int lastAtOrBefore(long[] times, long cutoff) {
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
