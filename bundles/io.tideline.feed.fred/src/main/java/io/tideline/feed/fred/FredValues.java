package io.tideline.feed.fred;

import io.tideline.api.feed.FeedException;
import java.util.function.Supplier;

/** Parses FRED's decimal values; anything else is the caller's error. */
final class FredValues {

    private FredValues() {
    }

    /** The finite number written in {@code text}, else throws the caller's exception. */
    static double parse(String text, Supplier<FeedException> error) throws FeedException {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v) && !text.isBlank() && Character.isDigit(text.trim().charAt(text.trim().length() - 1))) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the series, the place and what was expected
        }
        throw error.get();
    }
}
