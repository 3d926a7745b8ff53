package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingSum;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Long flush: 1 on a bar where long liquidations drove the tape, else 0. A bar is marked when its
 * {@code liquidations} (of longs) exceed {@code k} times their mean over the previous
 * {@code window} bars (the bar itself left out, so one spike does not raise its own bar) and the
 * {@code price} closed below the previous bar's close. A window averaging zero or less never
 * marks. NaN for the first {@code window} bars, where a bar of the window lacks liquidations,
 * and where the bar lacks liquidations, a price or a previous price.
 *
 * <p>Bars are those the engine gives: the two inputs joined on equal timestamps, so the window
 * and the previous close count only bars that have both a price and liquidations.
 * {@link LiquidationSqueeze} is the same rule for short liquidations and a rising close.
 */
@Component(name = "io.tideline.indicators.liquidation-flush", service = Indicator.class,
        property = "indicator.id=liquidation-flush")
public final class LiquidationFlush extends AbstractIndicator {

    /** The default multiple of the trailing mean. */
    static final double DEFAULT_K = 3;
    /** The default trailing window, in bars (a month of daily bars). */
    static final int DEFAULT_WINDOW = 30;

    /** Declares the indicator. */
    public LiquidationFlush() {
        super("liquidation-flush", "Long flush (liquidation-driven down bar)", List.of("price", "liquidations"),
                "flag 0/1", kParam(), windowParam());
    }

    static Param kParam() {
        return Param.real("k", "multiple of the trailing mean the bar's liquidations must exceed", DEFAULT_K, 0.01,
                1000);
    }

    static Param windowParam() {
        return Param.whole("window", "number of bars before the bar whose liquidations are averaged",
                DEFAULT_WINDOW, 1, 100_000);
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return marks(values.value("k"), values.whole("window"), true);
    }

    /**
     * The marks of flushes ({@code longs}) or squeezes: O(1) per bar, a running sum over the
     * window and the previous close carried across calls.
     */
    static IndicatorComputation marks(double k, int window, boolean longs) {
        RollingSum trailing = new RollingSum(window);
        return new BarComputation(2, window) {
            private double previousClose = Double.NaN;

            @Override
            protected void compute(long[] times, double[][] inputs, int from, int to, double[] out) {
                double[] price = inputs[0];
                double[] liquidations = inputs[1];
                double previous = previousClose;
                for (int i = from; i < to; i++) {
                    double close = price[i];
                    double liq = liquidations[i];
                    // The mean of the window before this bar, read before the bar joins it.
                    double mean = trailing.mean();
                    trailing.add(liq);
                    if (Double.isNaN(mean) || Double.isNaN(liq) || Double.isNaN(close) || Double.isNaN(previous)) {
                        out[i] = Double.NaN;
                    } else {
                        boolean moved = longs ? close < previous : close > previous;
                        out[i] = mean > 0 && liq > k * mean && moved ? 1 : 0;
                    }
                    previous = close;
                }
                previousClose = previous;
            }
        };
    }
}
