package io.tideline.views.desk;

import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;

/**
 * The colours of the desk views as packed {@code 0xRRGGBB} ints, free of SWT so they are
 * plain to test: the diverging correlation scale, traffic lights and regime bands.
 */
public final class ColorScale {

    /** The colour of correlation −1 (ColorBrewer RdBu blue). */
    public static final int BLUE = 0x2166AC;
    /** The colour of correlation 0. */
    public static final int WHITE = 0xFFFFFF;
    /** The colour of correlation +1 (ColorBrewer RdBu red). */
    public static final int RED = 0xB2182B;
    /** The colour of a value that cannot be computed (too little data). */
    public static final int MISSING = 0xBDBDBD;

    private ColorScale() {
    }

    /**
     * The diverging scale: blue at −1 through white at 0 to red at +1, linear in RGB; values
     * beyond ±1 are clamped, NaN is {@link #MISSING}.
     */
    public static int diverging(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double v = Math.max(-1.0, Math.min(1.0, value));
        return v < 0 ? mix(WHITE, BLUE, -v) : mix(WHITE, RED, v);
    }

    /** Linear mix of two colours: {@code t = 0} gives {@code from}, {@code t = 1} gives {@code to}. */
    public static int mix(int from, int to, double t) {
        int r = channel(from >> 16, to >> 16, t);
        int g = channel(from >> 8, to >> 8, t);
        int b = channel(from, to, t);
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(int from, int to, double t) {
        int a = from & 0xFF;
        int b = to & 0xFF;
        return (int) Math.round(a + (b - a) * t);
    }

    /** Black or white, whichever reads better on {@code background} (relative luminance). */
    public static int textOn(int background) {
        double r = ((background >> 16) & 0xFF) / 255.0;
        double g = ((background >> 8) & 0xFF) / 255.0;
        double b = (background & 0xFF) / 255.0;
        double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return luminance > 0.5 ? 0x000000 : 0xFFFFFF;
    }

    /** The traffic-light colour of a checklist step. */
    public static int status(Status status) {
        return switch (status) {
            case GREEN -> 0x2E9E44;
            case AMBER -> 0xF0A202;
            case RED -> 0xC62828;
            case UNKNOWN -> 0x9E9E9E;
        };
    }

    /** The band colour of a regime, from calm green to alarm red. */
    public static int regime(Regime regime) {
        return switch (regime) {
            case RISK_ON -> 0x1B7837;
            case NORMAL -> 0x7FBF7B;
            case CRYPTO_SPECIFIC -> 0xF1B6DA;
            case TREND_BREAK -> 0xF0A202;
            case VOLATILITY_EVENT -> 0xE05A1A;
            case LIQUIDITY_SHOCK -> 0xB2182B;
            // no verdict: grey like an unknown step, never a calm green
            case INSUFFICIENT_DATA -> 0x9E9E9E;
        };
    }
}
