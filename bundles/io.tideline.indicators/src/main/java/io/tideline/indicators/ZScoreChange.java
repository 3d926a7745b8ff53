package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Lag;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingVariance;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Z-score of the {@code periods}-bar change: {@code c[t] = x[t] - x[t - periods]} (a plain
 * difference, so the caller picks the unit: a yield in percent gives percentage points, in bp
 * gives bp), scored against the mean and sample standard deviation of the last {@code window}
 * changes including the current one. NaN when the window is not complete or has no spread.
 */
@Component(name = "io.tideline.indicators.zscore-change", service = Indicator.class,
        property = "indicator.id=zscore-change")
public final class ZScoreChange extends AbstractIndicator {

    /** Declares the indicator. */
    public ZScoreChange() {
        super("zscore-change", "Z-score of an N-bar change", List.of("value"), "standard deviations",
                Param.whole("periods", "bars over which the change is taken", 1, 1, 100_000),
                Param.window(90, 2));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int periods = values.whole("periods");
        int window = values.whole("window");
        Lag lag = new Lag(periods);
        RollingVariance changes = new RollingVariance(window);
        return new BarComputation.OneInput(periods + window - 1) {
            @Override
            protected double next(double x) {
                double change = x - lag.add(x);
                changes.add(change);
                double sd = changes.standardDeviation();
                return sd > 0 ? (change - changes.mean()) / sd : Double.NaN;
            }
        };
    }
}
