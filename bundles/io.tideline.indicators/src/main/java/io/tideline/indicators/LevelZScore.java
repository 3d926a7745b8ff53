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

/**
 * Z-score of a level: {@code (x[t] - mean) / sd}, with the mean and sample ({@code n - 1})
 * standard deviation of the last {@code window} values including the current one; for levels
 * that mean-revert, such as the perpetual funding rate ("funding is two standard deviations
 * above its 90-day norm"). {@link ZScoreChange} is the same on N-bar changes, for levels that
 * trend. NaN unless the window holds {@code window} valid values, and where it has no spread.
 */
@Component(name = "io.tideline.indicators.level-zscore", service = Indicator.class,
        property = "indicator.id=level-zscore")
public final class LevelZScore extends AbstractIndicator {

    /** Declares the indicator. */
    public LevelZScore() {
        super("level-zscore", "Z-score of a level", List.of("value"), "standard deviations", Param.window(90, 2));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        RollingVariance variance = new RollingVariance(window);
        return new BarComputation.OneInput(window - 1) {
            @Override
            protected double next(double x) {
                variance.add(x);
                double sd = variance.standardDeviation();
                return sd > 0 ? (x - variance.mean()) / sd : Double.NaN;
            }
        };
    }
}
