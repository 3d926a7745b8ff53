package io.tideline.api.indicator.sdk;

import io.tideline.api.indicator.ParameterSpec;
import java.util.Objects;

/**
 * A parameter declaration plus what the API's {@link ParameterSpec} cannot say: whether only
 * whole numbers are allowed (windows, periods, flags). Immutable.
 *
 * @param spec the name, description, default and bounds
 * @param whole whether only whole numbers are accepted
 */
public record Param(ParameterSpec spec, boolean whole) {

    /** Checks that {@code spec} is given. */
    public Param {
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * A whole-number parameter; its description says so.
     *
     * @param name the parameter's name
     * @param description what it means
     * @param defaultValue the value used when none is given
     * @param min the least value accepted
     * @param max the greatest value accepted
     * @return the declaration
     */
    public static Param whole(String name, String description, int defaultValue, int min, int max) {
        return new Param(new ParameterSpec(name, description + " (a whole number)", defaultValue, min, max), true);
    }

    /**
     * A real-valued parameter.
     *
     * @param name the parameter's name
     * @param description what it means
     * @param defaultValue the value used when none is given
     * @param min the least value accepted
     * @param max the greatest value accepted
     * @return the declaration
     */
    public static Param real(String name, String description, double defaultValue, double min, double max) {
        return new Param(new ParameterSpec(name, description, defaultValue, min, max), false);
    }

    /**
     * The whole-number {@code window} parameter most indicators take, at most 100,000 bars.
     *
     * @param defaultValue the default window
     * @param min the least window accepted
     * @return the declaration
     */
    public static Param window(int defaultValue, int min) {
        return whole("window", "number of bars in the rolling window", defaultValue, min, 100_000);
    }

    /**
     * Annualisation: 365 for 24/7 markets such as crypto, 252 for trading-day series.
     *
     * @return the declaration of {@code periodsPerYear}
     */
    public static Param periodsPerYear() {
        return real("periodsPerYear", "bars per year used to annualise: 365 for 24/7 crypto, 252 for "
                + "trading-day series", 365, 1, 1_000_000);
    }
}
