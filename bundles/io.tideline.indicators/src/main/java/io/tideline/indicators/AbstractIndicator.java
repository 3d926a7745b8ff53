package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.IndicatorSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The part every built-in indicator shares: its spec and the checking of parameters. Immutable. */
abstract class AbstractIndicator implements Indicator {

    private final IndicatorSpec spec;
    private final List<Param> params;

    AbstractIndicator(String id, String name, List<String> inputs, String outputUnit, Param... params) {
        this.params = List.of(params);
        this.spec = new IndicatorSpec(id, name, inputs, this.params.stream().map(Param::spec).toList(), outputUnit);
    }

    @Override
    public final IndicatorSpec spec() {
        return spec;
    }

    @Override
    public final IndicatorComputation start(Map<String, Double> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return open(Parameters.resolve(spec.id(), params, parameters));
    }

    /** Starts a computation with checked parameter values. */
    abstract IndicatorComputation open(Parameters values);
}
