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
 * Simple return over {@code periods} bars: {@code p[t] / p[t - periods] - 1}, as a fraction
 * (0.01 = 1%). NaN where either price is missing. The first {@code periods} bars are unstable.
 */
@Component(name = "io.tideline.indicators.simple-return", service = Indicator.class,
        property = "indicator.id=simple-return")
public final class SimpleReturn extends AbstractIndicator {

    /** Declares the indicator. */
    public SimpleReturn() {
        super("simple-return", "Simple return", List.of("price"), "fraction",
                Param.whole("periods", "bars between the two prices", 1, 1, 100_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return returns(values.whole("periods"), 1);
    }

    /** Returns over {@code periods} bars times {@code scale} (1 for a fraction, 100 for percent). */
    static IndicatorComputation returns(int periods, double scale) {
        Lag lag = new Lag(periods);
        return new BarComputation.OneInput(periods) {
            @Override
            protected double next(double price) {
                return (price / lag.add(price) - 1) * scale;
            }
        };
    }
}
