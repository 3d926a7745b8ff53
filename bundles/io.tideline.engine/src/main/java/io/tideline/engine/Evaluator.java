package io.tideline.engine;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
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
 * Evaluates an indicator graph over series. Each node runs on its own with a time limit: an
 * indicator that throws or runs past the limit is marked failed with its error, the nodes that
 * read it fail with "input X failed", and every other node is still computed.
 */
final class Evaluator {

    /** Reads one input (a role or series id) as times and values (the primary column). */
    @FunctionalInterface
    interface Source {
        /** @return {times, values} as a two-element result */
        Aligned read(String input) throws Exception;
    }

    /** A node's outcome. */
    record NodeResult(String name, long[] times, double[] values, String error) {

        boolean failed() {
            return error != null;
        }

        static NodeResult failure(String name, String error) {
            return new NodeResult(name, new long[0], new double[0], error);
        }
    }

    private final Function<String, Indicator> indicators;
    private final Source source;
    private final ExecutorService executor;
    private final Duration limit;

    Evaluator(Function<String, Indicator> indicators, Source source, ExecutorService executor, Duration limit) {
        this.indicators = indicators;
        this.source = source;
        this.executor = executor;
        this.limit = limit;
    }

    Map<String, NodeResult> evaluate(IndicatorGraph graph) {
        Map<String, NodeResult> results = new LinkedHashMap<>();
        for (IndicatorNode node : graph.order()) {
            results.put(node.name(), evaluate(node, graph, results));
        }
        return results;
    }

    private NodeResult evaluate(IndicatorNode node, IndicatorGraph graph, Map<String, NodeResult> done) {
        Indicator indicator = indicators.apply(node.indicator());
        if (indicator == null) {
            return NodeResult.failure(node.name(), "no indicator '" + node.indicator() + "' is installed");
        }
        int declared = indicator.spec().inputs().size();
        boolean variadic = indicator.spec().variadic();
        int slots = node.inputs().size();
        if (variadic ? slots < declared : slots != declared) {
            return NodeResult.failure(node.name(), "indicator " + node.indicator() + " takes "
                    + (variadic ? "at least " : "") + declared + " input(s) " + indicator.spec().inputs() + ", got "
                    + slots);
        }
        long[][] times = new long[slots][];
        double[][] values = new double[slots][];
        for (int i = 0; i < slots; i++) {
            String input = node.inputs().get(i);
            if (graph.isNode(input)) {
                NodeResult upstream = done.get(input);
                if (upstream.failed()) {
                    return NodeResult.failure(node.name(), "input " + input + " failed");
                }
                times[i] = upstream.times();
                values[i] = upstream.values();
            } else {
                try {
                    Aligned read = source.read(input);
                    times[i] = read.times();
                    values[i] = read.columns()[0];
                } catch (Exception e) {
                    return NodeResult.failure(node.name(), "input " + input + ": " + e.getMessage());
                }
            }
        }
        Aligned in = Aligned.join(times, values);
        IndicatorComputation computation;
        try {
            computation = indicator.start(node.params());
        } catch (RuntimeException e) {
            return NodeResult.failure(node.name(), "indicator " + node.indicator() + ": " + e.getMessage());
        }
        double[] out = new double[in.size()];
        Future<?> run = executor.submit(() -> computation.append(in.times(), in.columns(), 0, in.size(), out));
        try {
            run.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return NodeResult.failure(node.name(), "indicator " + node.indicator() + " ran past its limit of "
                    + limit.toMillis() + " ms and was stopped");
        } catch (ExecutionException e) {
            return NodeResult.failure(node.name(), "indicator " + node.indicator() + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeResult.failure(node.name(), "interrupted");
        }
        return new NodeResult(node.name(), in.times(), Arrays.copyOf(out, out.length), null);
    }

    /** The names of failed nodes with their errors. */
    static List<String> failures(Map<String, NodeResult> results) {
        return results.values().stream().filter(NodeResult::failed).map(r -> r.name() + ": " + r.error()).toList();
    }
}
