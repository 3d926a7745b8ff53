package io.tideline.api.indicator;

import java.util.List;
import java.util.Objects;

/**
 * What an indicator is: its id, inputs, parameters and output.
 *
 * @param id a stable id, e.g. {@code realized-vol}
 * @param name a display name
 * @param inputs the input slots, in the order {@link IndicatorComputation#append} receives them;
 *        each names what it expects (e.g. {@code price}). A last slot ending in {@code ...}
 *        (e.g. {@code members...}) takes one or more series: an indicator over a basket
 *        receives one column per member from there on
 * @param parameters the numeric parameters
 * @param outputUnit the unit of the output values
 */
public record IndicatorSpec(String id, String name, List<String> inputs, List<ParameterSpec> parameters,
        String outputUnit) {

    /** Copies the lists and rejects an indicator without inputs. */
    public IndicatorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outputUnit, "outputUnit");
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("indicator " + id + " needs at least one input");
        }
        for (int i = 0; i < inputs.size() - 1; i++) {
            if (inputs.get(i).endsWith(VARIADIC)) {
                throw new IllegalArgumentException("indicator " + id + ": only the last input may take several series"
                        + " ('" + inputs.get(i) + "')");
            }
        }
    }

    /** The suffix of a last input slot that takes one or more series. */
    public static final String VARIADIC = "...";

    /** Whether the last input slot takes one or more series. */
    public boolean variadic() {
        return inputs.get(inputs.size() - 1).endsWith(VARIADIC);
    }
}
