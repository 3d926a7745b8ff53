package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.junit.jupiter.api.Test;

/**
 * References: a hand-checked hourly series; a naive reference that regroups every bar so far into
 * UTC buckets on each bar and averages the last completed closes with commons-math {@link Mean}
 * (exact: the trends are signs, compared away from the band edges by a random walk); and on
 * daily bars the sign of the daily close against its commons-math mean (exact).
 */
class TrendAgreementTest {

    private static final long HOUR = 3_600_000L;
    private static final long MONDAY = Instant.parse("2026-02-02T00:00:00Z").toEpochMilli();

    private final TrendAgreement agreement = new TrendAgreement();

    private static long[] hours(int n, long start) {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = start + i * HOUR;
        }
        return times;
    }

    /** Two days rising by 1 an hour (100 .. 147), then a day falling by 1 an hour from 146 to 123. */
    private static double[] riseThenFall() {
        double[] price = new double[72];
        for (int i = 0; i < 48; i++) {
            price[i] = 100 + i;
        }
        for (int k = 0; k < 24; k++) {
            price[48 + k] = 146 - k;
        }
        return price;
    }

    @Test
    void handCheckedHourlyRiseThenFall() {
        double[] price = riseThenFall();
        Map<String, Double> params = Map.of("window", 2.0, "band", 0.0);
        double[] out = Harness.run(agreement, params, hours(72, MONDAY), price);
        // the daily timeframe completes its second day at bar 47 (23:00 on Tuesday)
        for (int i = 0; i < 47; i++) {
            assertThat(out[i]).as("bar %d", i).isNaN();
        }
        // 1h 146 -> 147, 4h 143 -> 147, 1d 123 -> 147: all up
        assertThat(out[47]).isEqualTo(1.0);
        // from bar 48 the hourly trend is down (146 < 147), the daily still up (Tuesday's close):
        // mixed; the 4h turns down at bar 51 (its bucket closes at 143 < 147), still mixed
        for (int i = 48; i < 71; i++) {
            assertThat(out[i]).as("bar %d", i).isEqualTo(0.0);
        }
        // bar 71 completes Wednesday at 123 < 147, 4h 127 -> 123, 1h 124 -> 123: all down
        assertThat(out[71]).isEqualTo(-1.0);
        Harness.assertChunkingDoesNotMatter(agreement, params, hours(72, MONDAY), price);
    }

    @Test
    void theBandMakesASmallMoveFlat() {
        // at bar 71 the hourly close 123 is 0.4% under its 2-hour mean 123.5: flat in a 0.5% band,
        // while the 4h (127 -> 123, 1.6%) and the 1d (147 -> 123, 8.9%) are down
        double[] out = Harness.run(agreement, Map.of("window", 2.0, "band", 0.005), hours(72, MONDAY),
                riseThenFall());
        assertThat(out[71]).isEqualTo(0.0);
        double[] narrow = Harness.run(agreement, Map.of("window", 2.0, "band", 0.003), hours(72, MONDAY),
                riseThenFall());
        assertThat(narrow[71]).isEqualTo(-1.0);
    }

    @Test
    void hourlyRandomWalkWithMissingHoursMatchesTheNaiveRegrouping() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 1500;
        long[] times = new long[n];
        double[] price = new double[n];
        long t = MONDAY + 5 * HOUR; // starts mid-bucket
        double level = 40_000;
        for (int i = 0; i < n; i++) {
            times[i] = t;
            level *= Math.exp(0.01 * random.nextGaussian());
            price[i] = level;
            t += random.nextInt(10) == 0 ? 2 * HOUR : HOUR; // every tenth hour or so is missing
        }
        price[700] = Double.NaN;
        Map<String, Double> params = Map.of("window", 5.0, "band", 0.001);
        double[] out = Harness.run(agreement, params, times, price);
        Harness.assertClose(out, naive(times, price, new int[] {1, 4, 24}, 5, 0.001), 0, 0);
        Harness.assertChunkingDoesNotMatter(agreement, params, times, price);
        assertThat(Arrays.stream(out).filter(v -> v == 1).count()).isPositive();
        assertThat(Arrays.stream(out).filter(v -> v == -1).count()).isPositive();
    }

    @Test
    void onDailyBarsTheOutputIsTheDailyTrend() {
        SampleData.Bars btc = SampleData.btc();
        double[] close = SampleData.withGaps(btc.close(), 1000);
        double[] expected = Harness.naive(close, 20, (x, b, n) -> {
            double sma = new Mean().evaluate(x, b, n);
            double last = x[b + n - 1];
            return last - sma > 0.001 * sma ? 1 : sma - last > 0.001 * sma ? -1 : 0;
        });
        Harness.assertClose(Harness.run(agreement, Map.of(), btc.times(), close), expected, 0, 0);
        assertThat(agreement.start(Map.of()).unstableBars()).isEqualTo(19);
    }

    /** Every bar: regroup all bars so far, take the completed buckets' closes, and combine the signs. */
    private static double[] naive(long[] times, double[] price, int[] hours, int window, double band) {
        double[] out = new double[times.length];
        long step = 0;
        for (int i = 0; i < times.length; i++) {
            if (i > 0) {
                step = step == 0 ? times[i] - times[i - 1] : Math.min(step, times[i] - times[i - 1]);
            }
            int up = 0;
            int down = 0;
            boolean missing = false;
            for (int h : hours) {
                long length = h * HOUR;
                double[] closes = new double[i + 1];
                int count = 0;
                for (int j = 0; j <= i; j++) {
                    boolean lastOfBucket = j == i || Math.floorDiv(times[j + 1], length) != Math.floorDiv(times[j], length);
                    if (lastOfBucket && j < i) {
                        closes[count++] = price[j];
                    }
                }
                long bucketEnd = (Math.floorDiv(times[i], length) + 1) * length;
                if (step > 0 && times[i] + step >= bucketEnd) {
                    closes[count++] = price[i];
                }
                if (count < window) {
                    missing = true;
                    continue;
                }
                double[] last = Arrays.copyOfRange(closes, count - window, count);
                if (Arrays.stream(last).anyMatch(Double::isNaN)) {
                    missing = true;
                    continue;
                }
                double sma = new Mean().evaluate(last);
                double close = last[window - 1];
                if (close - sma > band * sma) {
                    up++;
                } else if (sma - close > band * sma) {
                    down++;
                }
            }
            out[i] = missing ? Double.NaN : up == hours.length ? 1 : down == hours.length ? -1 : 0;
        }
        return out;
    }
}
