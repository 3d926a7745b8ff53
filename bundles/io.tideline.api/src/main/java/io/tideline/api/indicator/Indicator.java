package io.tideline.api.indicator;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An indicator, registered as an OSGi service by the built-in library or an in-house plugin.
 * Indicators are pure functions of their inputs and parameters. Implementations must be
 * immutable and thread-safe; state lives in the computations they start.
 */
@ConsumerType
public interface Indicator {

    /** The indicator's declaration. */
    IndicatorSpec spec();

    /**
     * Starts a fresh computation.
     *
     * @param parameters values by {@link ParameterSpec#name()}; absent ones take their default
     * @throws IllegalArgumentException naming the parameter that is unknown or out of bounds
     */
    IndicatorComputation start(Map<String, Double> parameters);
}
