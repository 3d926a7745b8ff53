package io.tideline.scenario;

import io.tideline.api.indicator.IndicatorResult;
import io.tideline.support.series.AsOfColumns;
import io.tideline.support.series.Availability;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The computed node series, read as of a cutoff without look-ahead: a measure's value is taken
 * at the node's last bar <em>available</em> at the cutoff (each input role's availability rule,
 * the checklist's: a FRED value the next business day, an exchange bar at its close; a node's bar
 * is available when the last of its inputs' is), and indicators are causal, so that value used no
 * later data. It is transformed by the measure's change, scale and abs. A bar older than the staleness
 * limit counts as no data. Immutable. The columns and the as-of lookup are the support library's
 * {@link AsOfColumns}, shared with the checklist.
 */
final class Measures {

    /**
     * A value, or why there is none: {@code reason} in a sentence, {@code brief} in the few words
     * a summary of many conditions puts after their roles ("stale since 2026-02-06").
     */
    record Reading(double value, String reason, String brief) {
        static Reading of(double value) {
            return new Reading(value, null, null);
        }

        static Reading none(String reason, String brief) {
            return new Reading(Double.NaN, reason, brief);
        }

        boolean known() {
            return reason == null;
        }
    }

    private final AsOfColumns columns;
    /** Per node, when each bar became available (sorted like its times). */
    private final Map<String, long[]> available = new HashMap<>();
    /**
     * Per node, what a reading needs, looked up once: the odds' fit reads every condition on every
     * earlier day, and one map lookup per reading instead of five was 14% of a report.
     */
    private final Map<String, Node> nodes = new HashMap<>();

    /** A node's columns as a reading uses them. */
    private record Node(boolean computed, String error, long[] times, double[] values, long[] availableAt) {
    }

    /**
     * @param results the computed nodes
     * @param maxStaleDays bars older than this many days before the cutoff count as no data
     * @param inputs each node's input roles
     * @param rule each role's availability rule
     */
    Measures(Map<String, IndicatorResult> results, int maxStaleDays, Map<String, List<String>> inputs,
            Function<String, Availability.Rule> rule) {
        this.columns = new AsOfColumns(results, maxStaleDays);
        for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
            long[] times = columns.times(e.getKey());
            Availability.Rule[] rules = e.getValue().stream().map(rule).toArray(Availability.Rule[]::new);
            long[] at = new long[times.length];
            for (int i = 0; i < times.length; i++) {
                long a = times[i];
                for (Availability.Rule r : rules) {
                    a = Math.max(a, r.availableAt(times[i]));
                }
                at[i] = a;
            }
            available.put(e.getKey(), at);
        }
        for (String node : results.keySet()) {
            nodes.put(node, build(node));
        }
    }

    /** The index of the node's last bar available at the cutoff, or -1. */
    int index(String node, long cutoff) {
        return lastAtOrBefore(node(node).availableAt(), cutoff);
    }

    private Node node(String node) {
        Node n = nodes.get(node);
        return n != null ? n : build(node);
    }

    private Node build(String node) {
        long[] at = available.get(node);
        return new Node(columns.computed(node), columns.error(node), columns.times(node), columns.values(node),
                at != null ? at : columns.times(node));
    }

    /**
     * Whether every bar available by {@code settled} is the same here and in {@code other}, node
     * by node (times, values and availability; the same nodes, failed or computed alike): then
     * whatever was read as of {@code settled} or earlier reads the same in both, the indicators
     * being causal and each value read only once available.
     */
    boolean samePrefix(Measures other, long settled) {
        if (!nodes.keySet().equals(other.nodes.keySet())) {
            return false;
        }
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            Node a = e.getValue();
            Node b = other.nodes.get(e.getKey());
            if (a.computed() != b.computed() || !java.util.Objects.equals(a.error(), b.error())) {
                return false;
            }
            int n = lastAtOrBefore(a.availableAt(), settled) + 1;
            if (n != lastAtOrBefore(b.availableAt(), settled) + 1
                    || !java.util.Arrays.equals(a.times(), 0, n, b.times(), 0, n)
                    || !java.util.Arrays.equals(a.availableAt(), 0, n, b.availableAt(), 0, n)
                    || !java.util.Arrays.equals(a.values(), 0, n, b.values(), 0, n)) {
                return false;
            }
        }
        return true;
    }

    /** The bar times of a node, or an empty array; not to be modified. */
    long[] times(String node) {
        return columns.times(node);
    }

    /** The node's values, or an empty array; not to be modified. */
    double[] values(String node) {
        return columns.values(node);
    }

    /** The raw node value at the last bar available at the cutoff (ignoring staleness), or NaN. */
    double last(String node, long cutoff) {
        int i = index(node, cutoff);
        return i < 0 ? Double.NaN : columns.values(node)[i];
    }

    /**
     * The raw node value at its last bar observed at or before the cutoff, available or not: for
     * what is already history by the cutoff (what followed a past episode) and for prices to
     * value a portfolio at, never for the odds.
     */
    double observed(String node, long cutoff) {
        return columns.last(node, cutoff);
    }

    /** The measure's value as of the cutoff, or the reason it has none. */
    Reading read(String node, Pack.Measured m, long cutoff) {
        Node n = node(node);
        Reading none = missing(n, cutoff);
        if (none != null) {
            return none;
        }
        long[] times = n.times();
        int i = lastAtOrBefore(n.availableAt(), cutoff);
        double v = transform(n.values(), i, m);
        if (Double.isNaN(v)) {
            return Reading.none("no value on " + day(times[i]) + " (the window is not filled)",
                    "too short a history");
        }
        return Reading.of(v);
    }

    /**
     * The standard deviation of the measure's transformed values over every bar at or before the
     * cutoff (NaN values skipped; Welford's update), NaN with fewer than two values.
     */
    double historyStdDev(String node, Pack.Measured m, long cutoff) {
        if (!columns.computed(node)) {
            return Double.NaN;
        }
        double[] values = columns.values(node);
        int last = index(node, cutoff);
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i <= last; i++) {
            double v = transform(values, i, m);
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

    /**
     * The node's value at its last bar available at the cutoff, untransformed, or why there is
     * none: failed, no data by the cutoff, stale (as {@link #read}) or NaN.
     */
    Reading level(String node, long cutoff) {
        Node n = node(node);
        Reading none = missing(n, cutoff);
        if (none != null) {
            return none;
        }
        int i = lastAtOrBefore(n.availableAt(), cutoff);
        double v = n.values()[i];
        return Double.isNaN(v) ? Reading.none("no value on " + day(n.times()[i]), "without a value on "
                + day(n.times()[i])) : Reading.of(v);
    }

    /** Why a node has no reading at the cutoff (failed, not computed, no data, stale), else null. */
    private Reading missing(Node n, long cutoff) {
        if (n.error() != null) {
            return Reading.none("the indicator failed: " + n.error(), "failed to compute");
        }
        if (!n.computed()) {
            return Reading.none("not computed", "not computed");
        }
        int i = lastAtOrBefore(n.availableAt(), cutoff);
        if (i < 0) {
            return Reading.none("no data available by " + day(cutoff), "without data");
        }
        long[] times = n.times();
        if (columns.stale(times[i], cutoff)) {
            return Reading.none("stale: the last bar is of " + day(times[i]), "stale since " + day(times[i]));
        }
        return null;
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
        return AsOfColumns.lastAtOrBefore(times, cutoff);
    }

    static LocalDate day(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
