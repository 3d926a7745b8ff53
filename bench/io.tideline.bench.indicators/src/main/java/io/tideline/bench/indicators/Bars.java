package io.tideline.bench.indicators;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * The benchmark data: two seeded geometric random walks of {@link #COUNT} hourly bars, {@code a}
 * and {@code b}, whose one-bar log returns have volatility 0.1% and correlation 0.6. Same seed,
 * same numbers, in every JVM.
 */
public final class Bars {

    /** Bars per series in the full-pass benchmark. */
    public static final int COUNT = 1_000_000;
    static final long SEED = 20_260_101L;
    static final double VOLATILITY = 0.001;
    static final double RHO = 0.6;
    static final long START_EPOCH_SECOND = 1_577_836_800L; // 2020-01-01T00:00:00Z

    public final long[] times;
    public final double[] a;
    public final double[] b;

    private static Bars shared;

    private Bars(int count, long seed) {
        times = new long[count];
        a = new double[count];
        b = new double[count];
        SplittableRandom random = new SplittableRandom(seed);
        double pa = 100;
        double pb = 50;
        double other = Math.sqrt(1 - RHO * RHO);
        for (int i = 0; i < count; i++) {
            double z1 = gaussian(random);
            double z2 = gaussian(random);
            if (i > 0) {
                pa *= Math.exp(VOLATILITY * z1);
                pb *= Math.exp(VOLATILITY * (RHO * z1 + other * z2));
            }
            times[i] = START_EPOCH_SECOND + 3600L * i;
            a[i] = pa;
            b[i] = pb;
        }
    }

    /** The 1,000,000-bar data set, generated once per JVM. */
    public static synchronized Bars get() {
        if (shared == null) {
            shared = new Bars(COUNT, SEED);
        }
        return shared;
    }

    /** A data set of another length or seed (the incremental benchmark's series). */
    public static Bars of(int count, long seed) {
        return new Bars(count, seed);
    }

    public int size() {
        return a.length;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * A ta4j series of hourly bars whose open, high, low and close are all {@code prices[i]}
     * (the indicators here read only the close), with the given number type.
     */
    public BarSeries ta4jSeries(String name, double[] prices, NumFactory numbers) {
        BarSeries series = new BaseBarSeriesBuilder().withName(name).withNumFactory(numbers).build();
        Duration hour = Duration.ofHours(1);
        Num zero = numbers.zero();
        for (int i = 0; i < prices.length; i++) {
            Instant begin = Instant.ofEpochSecond(times[i]);
            Num price = numbers.numOf(prices[i]);
            series.addBar(new BaseBar(hour, begin, begin.plus(hour), price, price, price, price, zero, zero, 0));
        }
        return series;
    }
}
