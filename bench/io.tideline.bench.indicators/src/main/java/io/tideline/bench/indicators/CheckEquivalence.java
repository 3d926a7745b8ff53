package io.tideline.bench.indicators;

import java.util.Arrays;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/**
 * Proves, before anything is timed, that the implementations compute the same numbers: on the
 * 1,000,000-bar data set, Tideline's output must equal the plain loop's and ta4j's at every bar
 * after the warm-up to a relative 1e-9 ({@code |x - y| <= 1e-9 * max(|x|, |y|)}; NaN only where
 * both are NaN). The first difference throws, naming the bar and both values.
 *
 * <p>The correlation is compared relative to its scale, {@code max(|x|, |y|, 1)}: its rounding
 * error is absolute (a few 1e-13 here, whatever the value), so a plain relative test fails on
 * correlations that happen to be near zero (e.g. 1.5e-4 with an absolute difference of 2.6e-13
 * is 1.7e-9 relative) although every implementation is as accurate there as anywhere else.
 * The largest absolute difference is printed too.
 *
 * <p>Warm-up: the first full window ({@code w - 1} bars; ta4j returns means and variances of the
 * partial window there where Tideline and the plain loop return NaN), and for ta4j's RSI also
 * {@value #RSI_TA4J_WARMUP} more bars, because ta4j seeds Wilder's averages differently (see
 * {@link Plain#rsiTa4jSeeding}); that seed's weight decays as (13/14)^k, below 1e-10 after about
 * 310 bars. To show that the seed is the only difference, ta4j's RSI is also compared from its
 * first value on with the plain loop written with ta4j's seeding.
 *
 * <p>{@code java -cp target/benchmarks.jar io.tideline.bench.indicators.CheckEquivalence [IMPL...]}
 * checks every indicator for the given implementations (default: all four; ta4j-decimal takes
 * a couple of minutes). The benchmarks call {@link #verify} once per trial for the trial's own
 * implementation and indicator.
 */
public final class CheckEquivalence {

    /** The relative tolerance. */
    public static final double TOLERANCE = 1e-9;
    /** Extra bars after which ta4j's RSI no longer depends on its seed to within the tolerance. */
    public static final int RSI_TA4J_WARMUP = 500;

    private CheckEquivalence() {
    }

    public static void main(String[] args) {
        List<String> impls = args.length == 0 ? FullPass.IMPLS : Arrays.asList(args);
        for (String impl : impls) {
            if (!FullPass.IMPLS.contains(impl)) {
                throw new IllegalArgumentException("unknown impl " + impl + ", expected some of " + FullPass.IMPLS);
            }
        }
        long start = System.nanoTime();
        Bars bars = Bars.get();
        int n = bars.size();
        System.out.printf("data: %,d bars, a from %.4f to %.4f, b from %.4f to %.4f%n", n,
                min(bars.a), max(bars.a), min(bars.b), max(bars.b));
        for (String indicator : FullPass.INDICATORS) {
            double[] tideline = new double[n];
            FullPass.create("tideline", indicator, bars).run(tideline);
            checkLeadingNaNs("tideline " + indicator, tideline, firstValue(indicator));
            for (String impl : impls) {
                if (impl.equals("tideline")) {
                    continue;
                }
                long t0 = System.nanoTime();
                double[] other = new double[n];
                FullPass.create(impl, indicator, bars).run(other);
                long t1 = System.nanoTime();
                int from = firstCompared(impl, indicator);
                double worst = compare(impl + " vs tideline, " + indicator, tideline, other, from, scale(indicator));
                System.out.printf("%-8s %-13s = tideline at bars %,d..%,d: max relative difference %.2e, absolute %.2e"
                        + " (build + one pass %.1f s)%n", indicator, impl, from, n - 1, worst,
                        maxAbsolute(tideline, other, from), (t1 - t0) / 1e9);
            }
        }
        if (impls.contains("ta4j-double")) {
            checkRsiSeeding(bars, DoubleNumFactory.getInstance(), "ta4j-double");
        }
        if (impls.contains("ta4j-decimal")) {
            checkRsiSeeding(bars, DecimalNumFactory.getInstance(), "ta4j-decimal");
        }
        IncrementalBenchmark.checkBarByBar();
        System.out.println("tideline bar-by-bar append = one bulk append for the incremental benchmark's 20 configurations");
        System.out.printf("all equivalent (%.1f s)%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Checks one implementation of one indicator against the plain loop and Tideline; called
     * once per benchmark trial. The pass it runs also warms the code up a little.
     *
     * @throws IllegalStateException at the first bar that differs
     */
    public static void verify(String impl, String indicator, Bars bars, FullPass pass) {
        int n = bars.size();
        double[] plain = new double[n];
        FullPass.create("plain", indicator, bars).run(plain);
        double[] tideline = new double[n];
        FullPass.create("tideline", indicator, bars).run(tideline);
        int first = firstValue(indicator);
        checkLeadingNaNs("plain " + indicator, plain, first);
        double scale = scale(indicator);
        compare("tideline vs plain, " + indicator, plain, tideline, first, scale);
        double[] out = new double[n];
        pass.run(out);
        int from = firstCompared(impl, indicator);
        compare(impl + " vs plain, " + indicator, plain, out, from, scale);
        compare(impl + " vs tideline, " + indicator, tideline, out, from, scale);
    }

    /** The first bar with a value: {@code window - 1}, and {@code period} for the RSI. */
    static int firstValue(String indicator) {
        return indicator.equals("rsi14") ? 14 : FullPass.window(indicator) - 1;
    }

    /** The floor of the denominator of the relative difference: 1 for the correlation, else 0. */
    static double scale(String indicator) {
        return indicator.equals("corr20") ? 1 : 0;
    }

    static double maxAbsolute(double[] x, double[] y, int from) {
        double worst = 0;
        for (int i = from; i < x.length; i++) {
            if (!Double.isNaN(x[i]) || !Double.isNaN(y[i])) {
                worst = Math.max(worst, Math.abs(x[i] - y[i]));
            }
        }
        return worst;
    }

    static int firstCompared(String impl, String indicator) {
        int first = firstValue(indicator);
        return impl.startsWith("ta4j") && indicator.equals("rsi14") ? first + RSI_TA4J_WARMUP : first;
    }

    private static void checkRsiSeeding(Bars bars, NumFactory numbers, String impl) {
        int n = bars.size();
        BarSeries series = bars.ta4jSeries("a", bars.a, numbers);
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(series), 14);
        double[] ta4j = new double[n];
        for (int i = 0; i < n; i++) {
            ta4j[i] = rsi.getValue(i).doubleValue();
        }
        double[] seeded = new double[n];
        Plain.rsiTa4jSeeding(bars.a, 14, seeded);
        double worst = compare(impl + " rsi14 vs the plain loop with ta4j's seeding", seeded, ta4j, 0);
        double[] tideline = new double[n];
        FullPass.create("tideline", "rsi14", bars).run(tideline);
        double seedEffect = 0;
        int settled = -1;
        for (int i = 14; i < 14 + RSI_TA4J_WARMUP; i++) {
            double d = relative(tideline[i], ta4j[i]);
            seedEffect = Math.max(seedEffect, d);
            if (d > TOLERANCE) {
                settled = i + 1;
            }
        }
        System.out.printf("rsi14    %-13s = plain loop with ta4j's seeding at every bar: max relative difference %.2e;"
                + " vs tideline: relative difference up to %.2e in the first bars (the seed), within 1e-9 from bar %d on%n", impl, worst, seedEffect, settled);
    }

    private static void checkLeadingNaNs(String what, double[] out, int first) {
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i]) != (i < first)) {
                throw new IllegalStateException(what + ": bar " + i + " is " + out[i] + ", expected "
                        + (i < first ? "NaN" : "a number") + " (first value at bar " + first + ")");
            }
        }
    }

    /**
     * Compares {@code actual} with {@code expected} from bar {@code from} on and returns the largest
     * relative difference.
     *
     * @throws IllegalStateException at the first bar that differs by more than {@link #TOLERANCE}
     */
    static double compare(String what, double[] expected, double[] actual, int from) {
        return compare(what, expected, actual, from, 0);
    }

    /** Compares with the relative difference taken against {@code max(|x|, |y|, scale)}. */
    static double compare(String what, double[] expected, double[] actual, int from, double scale) {
        double worst = 0;
        for (int i = from; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e) && Double.isNaN(a)) {
                continue;
            }
            double d = e == a ? 0 : Math.abs(e - a) / Math.max(scale, Math.max(Math.abs(e), Math.abs(a)));
            if (!(d <= TOLERANCE)) {
                throw new IllegalStateException(what + ": differ at bar " + i + ": expected " + e + ", got " + a
                        + " (relative difference " + d + ", tolerance " + TOLERANCE + ")");
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }

    private static double relative(double x, double y) {
        if (x == y) {
            return 0;
        }
        return Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }
}
