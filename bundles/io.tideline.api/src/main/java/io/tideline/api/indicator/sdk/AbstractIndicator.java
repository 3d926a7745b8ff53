package io.tideline.api.indicator.sdk;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.IndicatorSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part every indicator shares: its spec, built from the declared {@link Param}s, and the
 * checking of the parameters a caller gives, so that an indicator only says what it computes.
 * A subclass declares itself in its constructor and implements {@link #open(Parameters)}:
 *
 * <pre>{@code
 * public final class Sma extends AbstractIndicator {
 *     public Sma() {
 *         super("sma", "Simple moving average", List.of("value"), "input unit", Param.window(20, 1));
 *     }
 *
 *     protected IndicatorComputation open(Parameters values) {
 *         RollingSum sum = new RollingSum(values.whole("window"));
 *         return new BarComputation.OneInput(values.whole("window") - 1) {
 *             protected double next(double x) {
 *                 sum.add(x);
 *                 return sum.mean();
 *             }
 *         };
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe (its state is the spec), as an {@link Indicator} service must be.
 */
public abstract class AbstractIndicator implements Indicator {

    private final IndicatorSpec spec;
    private final List<Param> params;

    /**
     * Declares the indicator.
     *
     * @param id the stable id, e.g. {@code sma}
     * @param name the name shown to users
     * @param inputs the names of the input slots, in order
     * @param outputUnit the unit of the output, e.g. {@code %}
     * @param params the parameters it takes, in order
     */
    protected AbstractIndicator(String id, String name, List<String> inputs, String outputUnit, Param... params) {
        this.params = List.of(params);
        this.spec = new IndicatorSpec(id, name, inputs, this.params.stream().map(Param::spec).toList(), outputUnit);
    }

    @Override
    public final IndicatorSpec spec() {
        return spec;
    }

    /**
     * Resolves {@code parameters} against the declarations (see {@link Parameters#resolve}) and
     * opens a computation with them.
     *
     * @throws IllegalArgumentException naming the indicator, the parameter, its value and bounds
     */
    @Override
    public final IndicatorComputation start(Map<String, Double> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return open(Parameters.resolve(spec.id(), params, parameters));
    }

    /**
     * Starts a computation with checked parameter values: each declared parameter is present (given
     * or its default), within its bounds, and whole where declared so.
     *
     * @param values the resolved values
     * @return a fresh computation, usually a {@link BarComputation}
     */
    protected abstract IndicatorComputation open(Parameters values);
}
