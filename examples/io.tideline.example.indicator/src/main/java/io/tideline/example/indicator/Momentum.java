package io.tideline.example.indicator;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Lag;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Momentum: the percent change of a price over {@code periods} bars,
 * {@code 100 * (p[t] / p[t - periods] - 1)}; NaN until {@code periods} earlier bars exist, and
 * wherever either price is missing. O(1) per bar: the SDK's {@link Lag} ring buffer. Written on the
 * indicator SDK, as the built-in indicators are: {@link AbstractIndicator} declares the parameter
 * and checks what a caller gives (unknown name, out of bounds, a fraction), {@link BarComputation}
 * checks the engine's arguments and bar times.
 */
@Component(service = Indicator.class, property = "indicator.id=example-momentum")
public final class Momentum extends AbstractIndicator {

    /** Declares the indicator: one input, {@code price}; one parameter, {@code periods}. */
    public Momentum() {
        super("example-momentum", "Momentum (example plugin)", List.of("price"), "%",
                Param.whole("periods", "bars to look back", 10, 1, 10_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int periods = values.whole("periods");
        Lag lag = new Lag(periods);
        return new BarComputation.OneInput(periods) {
            @Override
            protected double next(double price) {
                return 100.0 * (price / lag.add(price) - 1.0);
            }
        };
    }
}
