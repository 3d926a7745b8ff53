package io.tideline.engine;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.LiveIndicators;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * An indicator graph kept up to date incrementally. Every node keeps the input bars it has
 * consumed and its running computation. When the store announces bars of a series, each node
 * reading it (and, in turn, the nodes reading those):
 * <ul>
 * <li>checks that the announced range does not revise a bar it already consumed (a feed
 *     fetching its last bar again announces it, unchanged, every time); if it does, the node is
 *     recomputed from scratch, and so are the nodes reading it;</li>
 * <li>otherwise appends the new bars to its inputs and computes only the outputs for the new
 *     common timestamps: O(1) per bar for rolling statistics.</li>
 * </ul>
 * A node that fails (its indicator throws or runs past the time limit, an input is missing)
 * keeps its error until a full recompute succeeds. Not thread-safe by itself: the engine calls it under its lock.
 */
final class LiveGraph implements LiveIndicators {

    /** Reads a stored series in a time range. */
    @FunctionalInterface
    interface Store {
        SeriesData read(SeriesId id, long from, long to) throws Exception;
    }

    private final IndicatorGraph graph;
    private final Function<String, Indicator> indicators;
    private final Function<String, SeriesId> resolve;
    private final Store store;
    private final Runnable onClose;
    private final ExecutorService executor;
    private final Duration limit;
    private final Map<String, NodeState> states = new LinkedHashMap<>();
    private volatile Map<String, IndicatorResult> snapshot = Map.of();
    private volatile long revision;

    LiveGraph(IndicatorGraph graph, Function<String, Indicator> indicators, Function<String, SeriesId> resolve,
            Store store, ExecutorService executor, Duration limit, Runnable onClose) {
        this.executor = executor;
        this.limit = limit;
        this.graph = graph;
        this.indicators = indicators;
        this.resolve = resolve;
        this.store = store;
        this.onClose = onClose;
        for (IndicatorNode node : graph.order()) {
            states.put(node.name(), new NodeState(node));
        }
        recomputeAll();
    }

    /** Every node from scratch (on creation, and when role bindings change). */
    synchronized void recomputeAll() {
        for (NodeState s : states.values()) {
            s.recompute();
        }
        publish();
    }

    /** The store announced bars {@code from..to} of {@code series}. */
    synchronized void appended(SeriesId series, long from, long to) {
        boolean changed = false;
        for (NodeState s : states.values()) {
            changed |= s.update(series, from);
        }
        if (changed) {
            publish();
        }
    }

    /** Whether any node reads {@code series} directly. */
    boolean reads(SeriesId series) {
        for (NodeState s : states.values()) {
            for (int i = 0; i < s.node.inputs().size(); i++) {
                if (series.equals(s.rawIds[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    private void publish() {
        Map<String, IndicatorResult> out = new LinkedHashMap<>();
        for (NodeState s : states.values()) {
            out.put(s.node.name(), s.result());
        }
        snapshot = java.util.Collections.unmodifiableMap(out);
        revision++;
    }

    @Override
    public Map<String, IndicatorResult> results() {
        return snapshot;
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public void close() {
        onClose.run();
    }

    /** One node: its consumed inputs, its computation and its outputs, as growable columns. */
    private final class NodeState {
        final IndicatorNode node;
        final SeriesId[] rawIds;
        long[][] inTimes;
        double[][] inValues;
        int[] inSize;
        IndicatorComputation computation;
        long[] outTimes = new long[0];
        double[] outValues = new double[0];
        int outSize;
        long lastAligned = Long.MIN_VALUE;
        String error;
        /** Whether this node started over in the current pass, so that its readers must too. */
        boolean recomputed;

        NodeState(IndicatorNode node) {
            this.node = node;
            this.rawIds = new SeriesId[node.inputs().size()];
        }

        IndicatorResult result() {
            if (error != null) {
                return new IndicatorResult(node.name(), SeriesData.empty(), error);
            }
            return new IndicatorResult(node.name(), SeriesData.ofValues(Arrays.copyOf(outTimes, outSize),
                    Arrays.copyOf(outValues, outSize)), null);
        }

        void recompute() {
            error = null;
            recomputed = true;
            outSize = 0;
            lastAligned = Long.MIN_VALUE;
            Indicator indicator = indicators.apply(node.indicator());
            int n = node.inputs().size();
            inTimes = new long[n][];
            inValues = new double[n][];
            inSize = new int[n];
            try {
                if (indicator == null) {
                    throw new IllegalStateException("no indicator '" + node.indicator() + "' is installed");
                }
                computation = indicator.start(node.params());
                for (int i = 0; i < n; i++) {
                    String input = node.inputs().get(i);
                    if (graph.isNode(input)) {
                        NodeState up = states.get(input);
                        if (up.error != null) {
                            throw new IllegalStateException("input " + input + " failed");
                        }
                        inTimes[i] = Arrays.copyOf(up.outTimes, up.outSize);
                        inValues[i] = Arrays.copyOf(up.outValues, up.outSize);
                    } else {
                        rawIds[i] = resolve.apply(input);
                        SeriesData d = store.read(rawIds[i], Long.MIN_VALUE, Long.MAX_VALUE);
                        inTimes[i] = d.copyTimes();
                        inValues[i] = d.copyColumn(d.primary());
                    }
                    inSize[i] = inTimes[i].length;
                }
                computeFrom(Long.MIN_VALUE);
            } catch (Exception | LinkageError e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
                computation = null;
            }
        }

        /** Brings this node up to date; returns whether its outputs changed. */
        boolean update(SeriesId series, long from) {
            recomputed = false;
            int before = outSize;
            boolean touched = false;
            for (int i = 0; i < node.inputs().size(); i++) {
                String input = node.inputs().get(i);
                if (graph.isNode(input)) {
                    NodeState up = states.get(input);
                    touched |= up.recomputed || up.outSize > inSize[i];
                    if (up.recomputed) {
                        recompute();
                        return true;
                    }
                } else if (series.equals(rawIds[i])) {
                    touched = true;
                }
            }
            if (!touched) {
                return false;
            }
            if (error != null || computation == null) {
                recompute();
                return true;
            }
            try {
                for (int i = 0; i < node.inputs().size(); i++) {
                    String input = node.inputs().get(i);
                    long lastSeen = inSize[i] == 0 ? Long.MIN_VALUE : inTimes[i][inSize[i] - 1];
                    if (graph.isNode(input)) {
                        NodeState up = states.get(input);
                        append(i, Arrays.copyOfRange(up.outTimes, inSize[i], up.outSize),
                                Arrays.copyOfRange(up.outValues, inSize[i], up.outSize));
                    } else if (series.equals(rawIds[i])) {
                        if (from <= lastSeen && revises(i, from, lastSeen)) {
                            recompute();
                            return true;
                        }
                        SeriesData fresh = store.read(rawIds[i], lastSeen == Long.MIN_VALUE ? Long.MIN_VALUE : lastSeen + 1,
                                Long.MAX_VALUE);
                        append(i, fresh.copyTimes(), fresh.copyColumn(fresh.primary()));
                    }
                }
                computeFrom(lastAligned);
            } catch (Exception | LinkageError e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
                computation = null;
            }
            return outSize != before || error != null;
        }

        /** Whether the stored bars from {@code from} up to what was consumed differ from it. */
        private boolean revises(int slot, long from, long lastSeen) throws Exception {
            SeriesData stored = store.read(rawIds[slot], from, lastSeen);
            int start = lowerBound(inTimes[slot], inSize[slot], from);
            if (stored.size() != inSize[slot] - start) {
                return true;
            }
            for (int k = 0; k < stored.size(); k++) {
                if (stored.time(k) != inTimes[slot][start + k] || stored.value(k) != inValues[slot][start + k]) {
                    return true;
                }
            }
            return false;
        }

        private void append(int slot, long[] t, double[] v) {
            int need = inSize[slot] + t.length;
            if (need > inTimes[slot].length) {
                int cap = Math.max(need, inTimes[slot].length * 2);
                inTimes[slot] = Arrays.copyOf(inTimes[slot], cap);
                inValues[slot] = Arrays.copyOf(inValues[slot], cap);
            }
            System.arraycopy(t, 0, inTimes[slot], inSize[slot], t.length);
            System.arraycopy(v, 0, inValues[slot], inSize[slot], v.length);
            inSize[slot] = need;
        }

        /** Joins the consumed inputs after {@code after} and feeds the new common bars. */
        private void computeFrom(long after) {
            int n = inTimes.length;
            long[][] t = new long[n][];
            double[][] v = new double[n][];
            for (int i = 0; i < n; i++) {
                int start = after == Long.MIN_VALUE ? 0 : lowerBound(inTimes[i], inSize[i], after + 1);
                t[i] = Arrays.copyOfRange(inTimes[i], start, inSize[i]);
                v[i] = Arrays.copyOfRange(inValues[i], start, inSize[i]);
            }
            Aligned fresh = Aligned.join(t, v);
            if (fresh.size() == 0) {
                return;
            }
            double[] out = new double[fresh.size()];
            // The same time limit as a full evaluation: a plugin that spins must not hold up
            // the store's event delivery.
            Future<?> run = executor.submit(() -> computation.append(fresh.times(), fresh.columns(), 0, fresh.size(), out));
            try {
                run.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                throw new IllegalStateException("indicator " + node.indicator() + " ran past its limit of "
                        + limit.toMillis() + " ms and was stopped");
            } catch (ExecutionException e) {
                throw new IllegalStateException("indicator " + node.indicator() + " failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            int need = outSize + out.length;
            if (need > outTimes.length) {
                int cap = Math.max(need, outTimes.length * 2);
                outTimes = Arrays.copyOf(outTimes, cap);
                outValues = Arrays.copyOf(outValues, cap);
            }
            System.arraycopy(fresh.times(), 0, outTimes, outSize, out.length);
            System.arraycopy(out, 0, outValues, outSize, out.length);
            outSize = need;
            lastAligned = fresh.times()[fresh.size() - 1];
        }
    }

    private static int lowerBound(long[] times, int size, long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    List<IndicatorNode> nodes() {
        return graph.order();
    }
}
