package io.tideline.regime;

import io.tideline.support.series.Availability;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.SeriesData;
import io.tideline.support.series.AsOfColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The computed node series of one engine evaluation, read as of a decision time by availability,
 * not observation: each bar of a node is available when the last of its input roles' values at
 * that observation is (each role's {@link Availability.Rule}), and a reading at a decision time
 * is the node's last bar available by then. Indicators are causal, so that value used nothing
 * later. A last available bar observed more than its staleness limit before the decision day
 * (the largest limit of the node's roles) counts as no data, and is reported as stale. The
 * intraday confirmation's nodes ({@link Plan#intradayNodes()}) are on bars shorter than a day,
 * which the roles' day-based rules do not describe: each of their bars is available at its close,
 * its start plus the bar length, and no earlier.
 *
 * <p>Immutable and thread-safe; reads are a binary search over primitive columns.
 */
final class Readings {

    private static final long DAY = Availability.DAY;

    /** One node: observation times, when each bar became available, values, staleness limit. */
    private record Column(long[] times, long[] available, double[] values, long maxAgeMillis) {
    }

    private final Map<String, Column> columns = new HashMap<>();

    /**
     * @param results the engine's results by node name; failed nodes read as no data
     * @param plan the graph that produced them, to trace each node to its roles
     * @param rules each role's availability rule
     */
    Readings(Map<String, IndicatorResult> results, Plan plan, Function<String, Availability.Rule> rules) {
        Map<String, Set<String>> rolesOf = new HashMap<>();
        List<IndicatorNode> all = new ArrayList<>(plan.nodes());
        all.addAll(plan.intradayNodes());
        for (IndicatorNode n : all) {
            Set<String> roles = new LinkedHashSet<>();
            for (String in : n.inputs()) {
                roles.addAll(rolesOf.getOrDefault(in, Set.of(in)));
            }
            rolesOf.put(n.name(), roles);
        }
        results.forEach((name, r) -> {
            if (r.failed() || !rolesOf.containsKey(name)) {
                return;
            }
            SeriesData d = r.output();
            long[] times = d.copyTimes();
            double[] values = d.isEmpty() ? new double[0] : d.copyColumn(d.primary());
            Set<String> roles = rolesOf.get(name);
            Availability.Rule[] rs = roles.stream().map(rules).toArray(Availability.Rule[]::new);
            long[] available = new long[times.length];
            long maxAge = 0;
            for (Availability.Rule rule : rs) {
                maxAge = Math.max(maxAge, rule.maxAgeMillis());
            }
            if (plan.isIntraday(name)) {
                long length = plan.intraday().millis();
                for (int i = 0; i < times.length; i++) {
                    available[i] = times[i] + length;
                }
            } else {
                for (int i = 0; i < times.length; i++) {
                    // never before the observation itself
                    long a = times[i];
                    for (Availability.Rule rule : rs) {
                        a = Math.max(a, rule.availableAt(times[i]));
                    }
                    available[i] = a;
                }
            }
            columns.put(name, new Column(times, available, values, maxAge));
        });
    }

    /** The index of the node's last bar available at {@code decision}, or -1. */
    private static int last(Column c, long decision) {
        return AsOfColumns.lastAtOrBefore(c.available, decision);
    }

    private static boolean stale(Column c, int i, long decision) {
        return Math.floorDiv(decision, DAY) - Math.floorDiv(c.times[i], DAY) > c.maxAgeMillis / DAY;
    }

    /**
     * The value {@code lag} bars before the last bar available at {@code decision}; NaN when the
     * node is not computed, nothing is available by then, the last available bar is stale or
     * there are fewer bars than the lag.
     */
    double value(String node, long decision, int lag) {
        Column c = columns.get(node);
        if (c == null) {
            return Double.NaN;
        }
        int i = last(c, decision);
        if (i < 0 || stale(c, i, decision) || i - lag < 0) {
            return Double.NaN;
        }
        return c.values[i - lag];
    }

    /** The value at the last bar available at {@code decision}, or NaN (see {@link #value(String, long, int)}). */
    double value(String node, long decision) {
        return value(node, decision, 0);
    }

    /**
     * The observation time of the node's last bar available at {@code decision}, stale or not,
     * or {@link Long#MIN_VALUE} when there is none.
     */
    long observed(String node, long decision) {
        Column c = columns.get(node);
        if (c == null) {
            return Long.MIN_VALUE;
        }
        int i = last(c, decision);
        return i < 0 ? Long.MIN_VALUE : c.times[i];
    }

    /** Whether the node has a bar available at {@code decision} that is too old to use. */
    boolean stale(String node, long decision) {
        Column c = columns.get(node);
        if (c == null) {
            return false;
        }
        int i = last(c, decision);
        return i >= 0 && stale(c, i, decision);
    }

    /** The names of the nodes computed (a failed node is absent). */
    Set<String> nodes() {
        return java.util.Collections.unmodifiableSet(columns.keySet());
    }

    /** The staleness limit of a node in days, or 0 when it is not computed. */
    int maxAgeDays(String node) {
        Column c = columns.get(node);
        return c == null ? 0 : (int) (c.maxAgeMillis / DAY);
    }

    /** The observation times of a node (not to be modified), or an empty array. */
    long[] times(String node) {
        Column c = columns.get(node);
        return c == null ? new long[0] : c.times;
    }

    /** The values of a node (not to be modified), or an empty array. */
    double[] values(String node) {
        Column c = columns.get(node);
        return c == null ? new double[0] : c.values;
    }

    /** When each bar of a node became available (not to be modified), or an empty array. */
    long[] available(String node) {
        Column c = columns.get(node);
        return c == null ? new long[0] : c.available;
    }
}
