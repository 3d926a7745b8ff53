package io.tideline.indicators;

import io.tideline.api.indicator.sdk.Ewma;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;

/**
 * What the EWMA pair indicators ({@code ewma-correlation}, {@code ewma-beta}) share: RiskMetrics'
 * zero-mean exponentially weighted second moments of two return series, {@code E[ab]},
 * {@code E[a^2]} and {@code E[b^2]}, each {@code m = lambda * m + (1 - lambda) * x}, seeded with
 * the mean of the first {@code warmup} products. O(1) per bar, no allocation. A bar where either
 * return is missing resets all three (see {@link Ewma}): a gap is never smoothed over.
 */
final class EwmaCovariance {

    private final Ewma ab;
    private final Ewma aa;
    private final Ewma bb;

    EwmaCovariance(Parameters values) {
        double alpha = 1 - values.value("lambda");
        int warmup = values.whole("warmup");
        ab = new Ewma(alpha, warmup);
        aa = new Ewma(alpha, warmup);
        bb = new Ewma(alpha, warmup);
    }

    static Param lambdaParam() {
        return Param.real("lambda", "decay of the previous moments; RiskMetrics uses 0.94 for daily data "
                + "(a half-life of about 11 bars)", 0.94, 0.5, 0.999);
    }

    static Param warmupParam() {
        return Param.whole("warmup", "products averaged to seed the moments", 20, 2, 10_000);
    }

    /** Adds one bar's returns; NaN in either resets the moments. */
    void add(double a, double b) {
        double nan = a * b * 0;
        ab.add(a * b);
        aa.add(a * a + nan);
        bb.add(b * b + nan);
    }

    /** {@code E[ab] / sqrt(E[a^2] E[b^2])}; NaN while seeding or where either is constant at zero. */
    double correlation() {
        double d = Math.sqrt(aa.value() * bb.value());
        return d > 0 ? Math.max(-1, Math.min(1, ab.value() / d)) : Double.NaN;
    }

    /** {@code E[ab] / E[b^2]}: the slope of {@code a} on {@code b}; NaN while seeding or where b is flat. */
    double slopeOfAOnB() {
        double v = bb.value();
        return v > 0 ? ab.value() / v : Double.NaN;
    }
}
