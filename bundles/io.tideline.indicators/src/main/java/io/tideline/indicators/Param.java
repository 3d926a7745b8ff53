package io.tideline.indicators;

import io.tideline.api.indicator.ParameterSpec;

/**
 * A parameter declaration plus what the API's {@link ParameterSpec} cannot say: whether only
 * whole numbers are allowed (windows, periods, flags).
 */
record Param(ParameterSpec spec, boolean whole) {

    static Param whole(String name, String description, int defaultValue, int min, int max) {
        return new Param(new ParameterSpec(name, description + " (a whole number)", defaultValue, min, max), true);
    }

    static Param real(String name, String description, double defaultValue, double min, double max) {
        return new Param(new ParameterSpec(name, description, defaultValue, min, max), false);
    }

    /** The whole-number window parameter most indicators take. */
    static Param window(int defaultValue, int min) {
        return whole("window", "number of bars in the rolling window", defaultValue, min, 100_000);
    }

    /** Annualisation: 365 for 24/7 markets such as crypto, 252 for trading-day series. */
    static Param periodsPerYear() {
        return real("periodsPerYear", "bars per year used to annualise: 365 for 24/7 crypto, 252 for "
                + "trading-day series", 365, 1, 1_000_000);
    }
}
