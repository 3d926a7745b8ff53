package io.tideline.engine;

import io.tideline.api.indicator.IndicatorNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.indicators.Sma;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine with the real built-in SMA and two faulty plugins written the way a team could. */
class EvaluatorTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A plugin whose computation throws. */
    private static final class Throwing implements Indicator {
        @Override
        public IndicatorSpec spec() {
            return new IndicatorSpec("throws", "Throws", List.of("value"), List.of(), "x");
        }

        @Override
        public IndicatorComputation start(Map<String, Double> parameters) {
            return new IndicatorComputation() {
                @Override
                public void append(long[] times, double[][] inputs, int from, int to, double[] out) {
                    throw new IllegalStateException("divide by zero in the team's code");
                }

                @Override
                public int unstableBars() {
                    return 0;
                }
            };
        }
    }

    /** A plugin whose computation never ends. */
    static final class Spinning implements Indicator {
        @Override
        public IndicatorSpec spec() {
            return new IndicatorSpec("spins", "Spins", List.of("value"), List.of(), "x");
        }

        @Override
        public IndicatorComputation start(Map<String, Double> parameters) {
            return new IndicatorComputation() {
                @Override
                public void append(long[] times, double[][] inputs, int from, int to, double[] out) {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                }

                @Override
                public int unstableBars() {
                    return 0;
                }
            };
        }
    }

    private static final Map<String, Indicator> INSTALLED = Map.of("sma", new Sma(), "throws", new Throwing(),
            "spins", new Spinning());

    private Evaluator evaluator() {
        long[] t = {1, 2, 3, 4, 5};
        double[] v = {1, 2, 3, 4, 5};
        return new Evaluator(INSTALLED::get, input -> {
            if (!input.equals("btc")) {
                throw new IllegalArgumentException("unknown input " + input);
            }
            return new Aligned(t, new double[][] {v});
        }, executor, Duration.ofMillis(300));
    }

    @Test
    void nodesComputeInDependencyOrderAndFailuresStayWithTheirNodes() {
        IndicatorGraph graph = IndicatorGraph.of(List.of(
                new IndicatorNode("smooth", "sma", Map.of("window", 2.0), List.of("raw")),
                new IndicatorNode("raw", "sma", Map.of("window", 1.0), List.of("btc")),
                new IndicatorNode("bad", "throws", Map.of(), List.of("btc")),
                new IndicatorNode("afterBad", "sma", Map.of(), List.of("bad")),
                new IndicatorNode("slow", "spins", Map.of(), List.of("btc")),
                new IndicatorNode("missing", "sma", Map.of(), List.of("eth"))));
        assertThat(graph.order()).extracting(IndicatorNode::name).containsSubsequence("raw", "smooth");

        Map<String, Evaluator.NodeResult> r = evaluator().evaluate(graph);
        assertThat(r.get("raw").values()).containsExactly(1, 2, 3, 4, 5);
        assertThat(r.get("smooth").values()[0]).isNaN();
        assertThat(r.get("smooth").values()).endsWith(1.5, 2.5, 3.5, 4.5);
        assertThat(r.get("bad").error()).contains("indicator throws failed").contains("divide by zero in the team's code");
        assertThat(r.get("afterBad").error()).isEqualTo("input bad failed");
        assertThat(r.get("slow").error()).contains("ran past its limit of 300 ms and was stopped");
        assertThat(r.get("missing").error()).contains("input eth: unknown input eth");
        assertThat(Evaluator.failures(r)).hasSize(4);
    }

    @Test
    void cyclesAreRejectedNamingTheCycle() {
        assertThatThrownBy(() -> IndicatorGraph.of(List.of(
                new IndicatorNode("a", "sma", Map.of(), List.of("b")),
                new IndicatorNode("b", "sma", Map.of(), List.of("c")),
                new IndicatorNode("c", "sma", Map.of(), List.of("a")))))
                .hasMessage("indicator graph has a cycle: a -> b -> c -> a");
        assertThatThrownBy(() -> IndicatorGraph.of(List.of(new IndicatorNode("a", "sma", Map.of(), List.of("a")))))
                .hasMessage("indicator graph has a cycle: a -> a");
    }

    @Test
    void wrongInputCountsAndUnknownIndicatorsAndParametersAreNamed() {
        Map<String, Evaluator.NodeResult> r = evaluator().evaluate(IndicatorGraph.of(List.of(
                new IndicatorNode("two", "sma", Map.of(), List.of("btc", "btc")),
                new IndicatorNode("none", "nope", Map.of(), List.of("btc")),
                new IndicatorNode("badParam", "sma", Map.of("window", 0.0), List.of("btc")))));
        assertThat(r.get("two").error()).contains("takes 1 input(s) [value], got 2");
        assertThat(r.get("none").error()).isEqualTo("no indicator 'nope' is installed");
        assertThat(r.get("badParam").error()).contains("window");
    }
}
