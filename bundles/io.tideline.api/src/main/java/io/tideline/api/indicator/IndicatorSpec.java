package io.tideline.api.indicator;

import java.util.List;
import java.util.Objects;

/**
 * What an indicator is: its id, inputs, parameters and output.
 *
 * @param id a stable id, e.g. {@code realized-vol}
 * @param name a display name
 * @param inputs the input slots, in the order {@link IndicatorComputation#append} receives them;
 *        each names a series role (e.g. {@code btc}) or another indicator's id
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
    }
}
