package io.tideline.views.chart;

import io.tideline.regime.api.Regime;
import org.eclipse.swt.graphics.Color;

/** The views' colours: distinct line colours, and one band colour per regime. */
final class Palette {

    private static final Color[] LINES = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(148, 103, 189),
        new Color(214, 39, 40), new Color(23, 190, 207), new Color(140, 86, 75), new Color(227, 119, 194)};

    static final Color VOLUME = new Color(120, 144, 176);
    static final Color LONG_LIQ = new Color(214, 69, 65);
    static final Color SHORT_LIQ = new Color(38, 166, 91);

    private Palette() {
    }

    /** The line colour of the {@code i}-th series. */
    static Color line(int i) {
        return LINES[Math.floorMod(i, LINES.length)];
    }

    /** The band colour of a regime, or {@code null} for a regime left unshaded (normal). */
    static Color regime(Regime r) {
        return switch (r) {
            case LIQUIDITY_SHOCK -> new Color(200, 30, 30);
            case VOLATILITY_EVENT -> new Color(240, 130, 20);
            case TREND_BREAK -> new Color(220, 200, 20);
            case CRYPTO_SPECIFIC -> new Color(140, 60, 200);
            case RISK_ON -> new Color(40, 170, 70);
            case NORMAL -> null;
            // no verdict for lack of data: grey, so it never reads as calm
            case INSUFFICIENT_DATA -> new Color(150, 150, 150);
        };
    }
}
