package io.tideline.api.indicator;

import java.util.Objects;

/**
 * A numeric parameter of an indicator, with its default and inclusive bounds.
 *
 * @param name the key, e.g. {@code window}
 * @param description what it changes, for settings forms
 * @param defaultValue used when the user sets nothing
 * @param min smallest allowed value
 * @param max largest allowed value
 */
public record ParameterSpec(String name, String description, double defaultValue, double min, double max) {

    /** Rejects inverted bounds and a default outside them. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!(min <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": min " + min + " > max " + max);
        }
        if (!(defaultValue >= min && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " is outside [" + min + ", " + max + "]");
        }
    }
}
