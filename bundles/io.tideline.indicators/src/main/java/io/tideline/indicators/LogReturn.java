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
 * Log return over {@code periods} bars: {@code ln(p[t] / p[t - periods])}. NaN where either
 * price is missing. The first {@code periods} bars are unstable.
 */
@Component(name = "io.tideline.indicators.log-return", service = Indicator.class,
        property = "indicator.id=log-return")
public final class LogReturn extends AbstractIndicator {

    /** Declares the indicator. */
    public LogReturn() {
        super("log-return", "Log return", List.of("price"), "log return",
                Param.whole("periods", "bars between the two prices", 1, 1, 100_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int periods = values.whole("periods");
        Lag lag = new Lag(periods);
        return new BarComputation.OneInput(periods) {
            @Override
            protected double next(double price) {
                return Math.log(price / lag.add(price));
            }
        };
    }
}
