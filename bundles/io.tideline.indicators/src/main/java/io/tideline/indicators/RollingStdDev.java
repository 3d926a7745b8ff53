package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingVariance;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** Sample ({@code n - 1}) standard deviation over {@code window} bars; NaN unless all are valid. */
@Component(name = "io.tideline.indicators.rolling-stdev", service = Indicator.class,
        property = "indicator.id=rolling-stdev")
public final class RollingStdDev extends AbstractIndicator {

    /** Declares the indicator. */
    public RollingStdDev() {
        super("rolling-stdev", "Rolling standard deviation", List.of("value"), "input unit", Param.window(20, 2));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        RollingVariance variance = new RollingVariance(window);
        // A bulk loop over locals, as in Sma.
        return new BarComputation(1, window - 1) {
            @Override
            protected void compute(long[] times, double[][] inputs, int from, int to, double[] out) {
                variance.addAllStandardDeviations(inputs[0], from, to, out);
            }
        };
    }
}
