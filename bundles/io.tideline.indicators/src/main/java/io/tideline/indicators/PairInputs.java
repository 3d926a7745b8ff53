package io.tideline.indicators;

import io.tideline.api.indicator.sdk.Lag;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;

/**
 * What the two-series indicators (correlation, beta) share: the {@code logReturns} switch that
 * turns each price input into its one-bar log return before the statistic sees it, so the
 * usual case (correlation of returns, not of price levels) needs no chained indicator.
 */
final class PairInputs {

    static final String LOG_RETURNS = "logReturns";

    private final boolean logReturns;
    private final Lag previousA = new Lag(1);
    private final Lag previousB = new Lag(1);

    PairInputs(Parameters values) {
        logReturns = values.whole(LOG_RETURNS) == 1;
    }

    static Param logReturnsParam() {
        return Param.whole(LOG_RETURNS, "1: use the one-bar log returns of the inputs (prices); "
                + "0: use the inputs as they are (already returns or changes)", 1, 0, 1);
    }

    /** Bars the return transform adds to the window's unstable bars. */
    int extraUnstableBars() {
        return logReturns ? 1 : 0;
    }

    /**
     * The transformed input {@code a} for indices {@code from..to-1} (other indices are left at
     * zero); the input itself when no transform applies. One array per call, none per bar.
     */
    double[] as(double[] prices, int from, int to) {
        if (!logReturns) {
            return prices;
        }
        double[] out = new double[to];
        for (int i = from; i < to; i++) {
            out[i] = a(prices[i]);
        }
        return out;
    }

    /** As {@link #as}, for input {@code b}. */
    double[] bs(double[] prices, int from, int to) {
        if (!logReturns) {
            return prices;
        }
        double[] out = new double[to];
        for (int i = from; i < to; i++) {
            out[i] = b(prices[i]);
        }
        return out;
    }

    double a(double price) {
        return logReturns ? Math.log(price / previousA.add(price)) : price;
    }

    double b(double price) {
        return logReturns ? Math.log(price / previousB.add(price)) : price;
    }
}
