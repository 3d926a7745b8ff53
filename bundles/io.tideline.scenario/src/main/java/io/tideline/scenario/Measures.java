package io.tideline.scenario;

import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The computed node series, read as of a cutoff without look-ahead: a measure's value is taken
 * at the node's last bar at or before the cutoff (indicators are causal, so that value used no
 * later data), transformed by the measure's change, scale and abs. A bar older than the staleness
 * limit counts as no data. Immutable.
 */
final class Measures {

    private record Column(long[] times, double[] values) {
    }

    /** A value, or why there is none. */
    record Reading(double value, String reason) {
        boolean known() {
            return reason == null;
        }
    }

    private final Map<String, Column> columns = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private final long staleMillis;

    Measures(Map<String, IndicatorResult> results, int maxStaleDays) {
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

    /** The bar times of a node, or an empty array. */
    long[] times(String node) {
        Column c = columns.get(node);
        return c == null ? new long[0] : c.times;
    }

    /** The node's values, or an empty array. */
    double[] values(String node) {
        Column c = columns.get(node);
        return c == null ? new double[0] : c.values;
    }

    /** The raw node value at the last bar at or before the cutoff (ignoring staleness), or NaN. */
    double last(String node, long cutoff) {
        Column c = columns.get(node);
        if (c == null) {
            return Double.NaN;
        }
        int i = lastAtOrBefore(c.times, cutoff);
        return i < 0 ? Double.NaN : c.values[i];
    }

    /** The measure's value as of the cutoff, or the reason it has none. */
    Reading read(String node, Pack.Measured m, long cutoff) {
        String error = errors.get(node);
        if (error != null) {
            return new Reading(Double.NaN, "the indicator failed: " + error);
        }
        Column c = columns.get(node);
        if (c == null) {
            return new Reading(Double.NaN, "not computed");
        }
        int i = lastAtOrBefore(c.times, cutoff);
        if (i < 0) {
            return new Reading(Double.NaN, "no data up to " + day(cutoff));
        }
        if (c.times[i] < cutoff - staleMillis) {
            return new Reading(Double.NaN, "stale: the last bar is of " + day(c.times[i]));
        }
        double v = transform(c.values, i, m);
        if (Double.isNaN(v)) {
            return new Reading(Double.NaN, "no value on " + day(c.times[i]) + " (the window is not filled)");
        }
        return new Reading(v, null);
    }

    /**
     * The standard deviation of the measure's transformed values over every bar at or before the
     * cutoff (NaN values skipped; Welford's update), NaN with fewer than two values.
     */
    double historyStdDev(String node, Pack.Measured m, long cutoff) {
        Column c = columns.get(node);
        if (c == null) {
            return Double.NaN;
        }
        int last = lastAtOrBefore(c.times, cutoff);
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i <= last; i++) {
            double v = transform(c.values, i, m);
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            double d = v - mean;
            mean += d / n;
            m2 += d * (v - mean);
        }
        return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    }

    /** The measure's value at bar i: the change if one is asked for, scaled, absolute if asked for. */
    static double transform(double[] values, int i, Pack.Measured m) {
        double v = values[i];
        Pack.Change ch = m.change();
        if (ch != null) {
            int j = i - ch.bars();
            if (j < 0) {
                return Double.NaN;
            }
            double w = values[j];
            v = ch.kind().equals("ratio") ? v / w - 1 : v - w;
        }
        v *= m.scale();
        return m.abs() ? Math.abs(v) : v;
    }

    static int lastAtOrBefore(long[] times, long cutoff) {
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

    static LocalDate day(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
