package io.tideline.indicators;

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
 * The change over {@code periods} bars of a series quoted in percent (a yield, a spread), in
 * basis points: {@code (v[t] - v[t - periods]) * 100}, so 4.25% to 4.40% is +15 bp. NaN where
 * either value is missing; the first {@code periods} bars are unstable.
 */
@Component(name = "io.tideline.indicators.change-bp", service = Indicator.class, property = "indicator.id=change-bp")
public final class ChangeBp extends AbstractIndicator {

    /** Declares the indicator. */
    public ChangeBp() {
        super("change-bp", "Change in basis points (of a percent series)", List.of("value"), "bp",
                Param.whole("periods", "bars between the two values", 1, 1, 100_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int periods = values.whole("periods");
        Lag lag = new Lag(periods);
        return new BarComputation.OneInput(periods) {
            @Override
            protected double next(double value) {
                return (value - lag.add(value)) * 100;
            }
        };
    }
}
