package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The input's own value, unchanged: the reading the checklist shows for a level it compares
 * with a threshold (the VIX, a funding rate). NaN where the value is missing; no unstable bars.
 */
@Component(name = "io.tideline.indicators.level", service = Indicator.class, property = "indicator.id=level")
public final class Level extends AbstractIndicator {

    /** Declares the indicator. */
    public Level() {
        super("level", "Level (the value itself)", List.of("value"), "input unit");
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return new BarComputation.OneInput(0) {
            @Override
            protected double next(double value) {
                return value;
            }
        };
    }
}
