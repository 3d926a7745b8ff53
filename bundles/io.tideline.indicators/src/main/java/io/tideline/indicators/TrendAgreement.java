package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Multi-timeframe trend agreement, for the checklist's "compare the trend on 1h/4h timeframes":
 * {@code +1} when the trend is up on all three timeframes, {@code -1} when it is down on all
 * three, {@code 0} otherwise.
 *
 * <p>The timeframes are built inside the computation from the bar times: a timeframe of L hours
 * groups the bars into UTC-aligned buckets {@code [k * L, (k + 1) * L)} hours since the epoch
 * (for an L dividing 24 these start at UTC midnight: 4h buckets at 00:00, 04:00, ...). A bucket's
 * close is the price of its last bar. Its trend is {@code +1} when its last <em>completed</em>
 * close is above the simple moving average of its last {@code window} completed closes (that one
 * included) by more than {@code band} of the average ({@code close - sma > band * |sma|}),
 * {@code -1} when below by more than that, {@code 0} in between; so a timeframe's trend changes
 * only when one of its buckets completes, and holds in between.
 *
 * <p>When a bucket is complete: bar times are bar open times, and the bar length is taken as the
 * smallest spacing of consecutive bar times seen so far; a bucket completes on the bar whose end
 * reaches the bucket's end (on hourly bars the 03:00 bar completes the 00:00-04:00 bucket), or,
 * if that bar is missing, when the first bar of a later bucket arrives. Should a bar still fall
 * into a bucket already counted as complete (possible only while the bar length estimate is
 * shrinking, i.e. over irregular first bars), the close of that bucket is revised to it.
 *
 * <p>Bars longer than a timeframe: a bucket shorter than the bar holds one bar and completes
 * with it, so the timeframe repeats the bar series. On daily bars the three default timeframes
 * are therefore all the daily series, and the output is the sign of the daily trend (+1, -1 or
 * 0 when flat), not a multi-timeframe reading; feed hourly bars (or shorter) for that.
 *
 * <p>NaN while any timeframe has fewer than {@code window} completed buckets, or when a close in
 * its window is missing (a bar with a missing price that ends a bucket gives that bucket a
 * missing close). {@link #unstableBars} is {@code window - 1}, exact when the bars are at least
 * as long as the slowest timeframe (daily bars for the defaults); on shorter bars the output
 * stays NaN until the slowest timeframe has {@code window} completed buckets (20 days of hourly
 * bars for the defaults). O(1) per bar.
 */
@Component(name = "io.tideline.indicators.trend-agreement", service = Indicator.class,
        property = "indicator.id=trend-agreement")
public final class TrendAgreement extends AbstractIndicator {

    private static final long HOUR = 3_600_000L;

    /** Declares the indicator. */
    public TrendAgreement() {
        super("trend-agreement", "Multi-timeframe trend agreement", List.of("price"), "signal -1, 0, +1",
                Param.whole("fastHours", "length of the fastest timeframe, in hours", 1, 1, 8_760),
                Param.whole("mediumHours", "length of the middle timeframe, in hours", 4, 1, 8_760),
                Param.whole("slowHours", "length of the slowest timeframe, in hours", 24, 1, 8_760),
                Param.window(20, 2),
                Param.real("band", "flat band around the moving average, relative to it (0.001 = 0.1%)",
                        0.001, 0, 1));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        double band = values.value("band");
        Timeframe[] timeframes = {
            new Timeframe(values.whole("fastHours") * HOUR, window, band),
            new Timeframe(values.whole("mediumHours") * HOUR, window, band),
            new Timeframe(values.whole("slowHours") * HOUR, window, band)};
        return new BarComputation(1, window - 1) {
            private boolean started;
            private long previous;
            private long barLength;

            @Override
            protected void compute(long[] times, double[][] inputs, int from, int to, double[] out) {
                double[] price = inputs[0];
                for (int i = from; i < to; i++) {
                    long time = times[i];
                    if (started) {
                        long spacing = time - previous;
                        barLength = barLength == 0 ? spacing : Math.min(barLength, spacing);
                    }
                    started = true;
                    previous = time;
                    double agreement = 0;
                    int up = 0;
                    int down = 0;
                    for (Timeframe timeframe : timeframes) {
                        double trend = timeframe.add(time, barLength, price[i]);
                        if (Double.isNaN(trend)) {
                            agreement = Double.NaN;
                        } else if (trend > 0) {
                            up++;
                        } else if (trend < 0) {
                            down++;
                        }
                    }
                    if (!Double.isNaN(agreement)) {
                        agreement = up == timeframes.length ? 1 : down == timeframes.length ? -1 : 0;
                    }
                    out[i] = agreement;
                }
            }
        };
    }

    /**
     * One timeframe: the open bucket, and a ring of the last {@code window} completed closes with
     * their running sum (recomputed exactly every {@code window} completions, as in
     * {@link io.tideline.indicators.rolling.RollingSum}).
     */
    private static final class Timeframe {

        private final long length;
        private final double band;
        private final double[] ring;
        private int next;
        private long count;
        private int missing;
        private int sinceRecompute;
        private double sum;
        private boolean open;
        private long bucket;
        private boolean closed;
        private double close;

        Timeframe(long length, int window, double band) {
            this.length = length;
            this.band = band;
            ring = new double[window];
        }

        /** Adds a bar ({@code barLength} 0 while unknown) and returns the timeframe's trend, or NaN. */
        double add(long time, long barLength, double price) {
            long b = Math.floorDiv(time, length);
            if (!open || b != bucket) {
                if (open && !closed) {
                    push(close);
                }
                open = true;
                bucket = b;
                closed = false;
            }
            close = price;
            if (closed) {
                reviseLast(price);
            } else if (barLength > 0 && time + barLength >= (b + 1) * length) {
                push(price);
                closed = true;
            }
            return trend();
        }

        private void push(double x) {
            int window = ring.length;
            if (count >= window) {
                drop(ring[next]);
            }
            ring[next] = x;
            next = next + 1 == window ? 0 : next + 1;
            count++;
            take(x);
            if (++sinceRecompute == window) {
                sinceRecompute = 0;
                double s = 0;
                for (double v : ring) {
                    if (!Double.isNaN(v)) {
                        s += v;
                    }
                }
                sum = s;
            }
        }

        private void reviseLast(double x) {
            int last = next == 0 ? ring.length - 1 : next - 1;
            drop(ring[last]);
            ring[last] = x;
            take(x);
        }

        private void drop(double old) {
            if (Double.isNaN(old)) {
                missing--;
            } else {
                sum -= old;
            }
        }

        private void take(double x) {
            if (Double.isNaN(x)) {
                missing++;
            } else {
                sum += x;
            }
        }

        private double trend() {
            if (count < ring.length || missing > 0) {
                return Double.NaN;
            }
            double sma = sum / ring.length;
            double last = ring[next == 0 ? ring.length - 1 : next - 1];
            double margin = band * Math.abs(sma);
            if (last - sma > margin) {
                return 1;
            }
            return sma - last > margin ? -1 : 0;
        }
    }
}
