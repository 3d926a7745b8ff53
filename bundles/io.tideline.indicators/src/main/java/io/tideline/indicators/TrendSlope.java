package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingSlope;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Least-squares slope of the last {@code window} values against the bar index, in input units
 * per bar (feed log prices to get a log growth rate per bar). NaN unless all are valid.
 */
@Component(name = "io.tideline.indicators.trend-slope", service = Indicator.class,
        property = "indicator.id=trend-slope")
public final class TrendSlope extends AbstractIndicator {

    /** Declares the indicator. */
    public TrendSlope() {
        super("trend-slope", "Trend slope", List.of("value"), "input unit per bar", Param.window(20, 2));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        RollingSlope slope = new RollingSlope(window);
        return new BarComputation.OneInput(window - 1) {
            @Override
            protected double next(double x) {
                slope.add(x);
                return slope.slope();
            }
        };
    }
}
