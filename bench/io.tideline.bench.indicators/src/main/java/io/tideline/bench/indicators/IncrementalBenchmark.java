package io.tideline.bench.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.indicators.Correlation;
import io.tideline.indicators.RollingStdDev;
import io.tideline.indicators.Rsi;
import io.tideline.indicators.Sma;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The live case: one new bar arrives on each of {@value #SERIES} series and is appended to
 * every running Tideline computation, {@value #PER_SERIES} per series ({@link #CONFIGS}: SMA,
 * sample standard deviation and correlation with the next series, each over 10, 20, 50, 100
 * and 200 bars, and RSI over 7, 14, 21, 28 and 50), so {@value #SERIES} x {@value #PER_SERIES}
 * = 200 computations. One operation = one bar appended to all 200; the score is microseconds
 * per such bar (divide by 200 for one computation). Each call is
 * {@code append(times, inputs, 0, 1, out)} on one-element columns, as an engine fed by a live
 * feed would call it. The computations are warmed past their longest window in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IncrementalBenchmark {

    static final int SERIES = 10;
    static final int PER_SERIES = 20;
    /** Length of each series' pregenerated price cycle (a power of two). */
    static final int CYCLE = 1 << 16;
    static final int WARM_BARS = 1_000;

    /** One configuration: an indicator, its parameters and whether it also reads the next series. */
    record Config(String name, Indicator indicator, Map<String, Double> params, boolean pair) {
    }

    static final List<Config> CONFIGS = configs();

    private static List<Config> configs() {
        List<Config> configs = new ArrayList<>();
        for (int w : new int[] {10, 20, 50, 100, 200}) {
            configs.add(new Config("sma" + w, new Sma(), Map.of("window", (double) w), false));
        }
        for (int w : new int[] {10, 20, 50, 100, 200}) {
            configs.add(new Config("stdev" + w, new RollingStdDev(), Map.of("window", (double) w), false));
        }
        for (int w : new int[] {10, 20, 50, 100, 200}) {
            // of log returns, Tideline's default and the usual case
            configs.add(new Config("corr" + w, new Correlation(), Map.of("window", (double) w, "logReturns", 1.0), true));
        }
        for (int p : new int[] {7, 14, 21, 28, 50}) {
            configs.add(new Config("rsi" + p, new Rsi(), Map.of("period", (double) p), false));
        }
        return List.copyOf(configs);
    }

    private double[][] prices;
    private IndicatorComputation[] computations;
    private double[][][] inputs;
    private double[][] columns;
    private long[] time;
    private double[] out;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        checkBarByBar();
        prices = new double[SERIES][];
        for (int s = 0; s < SERIES; s++) {
            prices[s] = Bars.of(CYCLE, Bars.SEED + 1 + s).a;
        }
        columns = new double[SERIES][1];
        computations = new IndicatorComputation[SERIES * PER_SERIES];
        inputs = new double[SERIES * PER_SERIES][][];
        for (int s = 0; s < SERIES; s++) {
            for (int c = 0; c < PER_SERIES; c++) {
                Config config = CONFIGS.get(c);
                int k = s * PER_SERIES + c;
                computations[k] = config.indicator().start(config.params());
                inputs[k] = config.pair()
                        ? new double[][] {columns[s], columns[(s + 1) % SERIES]}
                        : new double[][] {columns[s]};
            }
        }
        time = new long[] {Bars.START_EPOCH_SECOND};
        out = new double[1];
        cursor = 0;
        for (int i = 0; i < WARM_BARS; i++) {
            appendOne();
        }
        if (Double.isNaN(appendOne())) {
            throw new IllegalStateException("a computation is still NaN after " + WARM_BARS + " bars");
        }
    }

    /** Appends the next bar of every series to every computation; returns the sum of the outputs. */
    private double appendOne() {
        int i = cursor;
        cursor = (i + 1) & (CYCLE - 1);
        for (int s = 0; s < SERIES; s++) {
            columns[s][0] = prices[s][i];
        }
        time[0] += 3600;
        double sum = 0;
        IndicatorComputation[] cs = computations;
        for (int k = 0; k < cs.length; k++) {
            cs[k].append(time, inputs[k], 0, 1, out);
            sum += out[0];
        }
        return sum;
    }

    @Benchmark
    public void appendOneBar(Blackhole blackhole) {
        blackhole.consume(appendOne());
    }

    /**
     * Appending bar by bar gives what one bulk append gives to 1e-12 relative (the library's
     * promise: a bulk append sums its periodic exact recomputation in another order, so the last
     * bit may differ), for every configuration (on 5,000 bars of two series).
     *
     * @throws IllegalStateException at the first difference
     */
    static void checkBarByBar() {
        Bars bars = Bars.of(5_000, Bars.SEED + 1);
        int n = bars.size();
        for (Config config : CONFIGS) {
            double[][] all = config.pair() ? new double[][] {bars.a, bars.b} : new double[][] {bars.a};
            double[] bulk = new double[n];
            config.indicator().start(config.params()).append(bars.times, all, 0, n, bulk);
            IndicatorComputation one = config.indicator().start(config.params());
            double[] single = new double[n];
            for (int i = 0; i < n; i++) {
                one.append(bars.times, all, i, i + 1, single);
            }
            for (int i = 0; i < n; i++) {
                boolean bothNaN = Double.isNaN(bulk[i]) && Double.isNaN(single[i]);
                if (!bothNaN && !(Math.abs(bulk[i] - single[i]) <= 1e-12 * Math.max(1e-300, Math.abs(bulk[i])))) {
                    throw new IllegalStateException(config.name() + ": bar-by-bar append differs from the bulk append at bar "
                            + i + ": " + single[i] + " vs " + bulk[i]);
                }
                if (i >= WARM_BARS && Double.isNaN(bulk[i])) {
                    throw new IllegalStateException(config.name() + ": still NaN at bar " + i);
                }
            }
        }
    }
}
