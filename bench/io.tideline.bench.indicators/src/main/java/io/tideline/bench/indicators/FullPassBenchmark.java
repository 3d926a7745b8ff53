package io.tideline.bench.indicators;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full pass of an indicator over 1,000,000 bars into a preallocated {@code double[]}, in
 * nanoseconds per bar. Every invocation starts from scratch: a fresh Tideline computation, a
 * fresh ta4j indicator (its bar series is built once per trial, in the setup, not timed).
 *
 * <p>Iterations are time-based (2 s), so the fast implementations run hundreds of passes per
 * iteration while ta4j-decimal runs one pass (several seconds) per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class FullPassBenchmark {

    @Param({"plain", "tideline", "ta4j-double", "ta4j-decimal"})
    public String impl;

    @Param({"sma20", "stdev20", "corr20", "rsi14"})
    public String indicator;

    private FullPass pass;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        Bars bars = Bars.get();
        pass = FullPass.create(impl, indicator, bars);
        CheckEquivalence.verify(impl, indicator, bars, pass);
        out = new double[bars.size()];
    }

    @Benchmark
    @OperationsPerInvocation(Bars.COUNT)
    public double[] fullPass() {
        pass.run(out);
        return out;
    }
}
