package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingSum;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Parkinson (high-low range) volatility, annualised:
 * {@code sqrt(periodsPerYear * mean(ln(high / low)^2) / (4 ln 2))} over {@code window} bars.
 * A bar with a missing price, a non-positive low or a low above its high counts as missing.
 */
@Component(name = "io.tideline.indicators.parkinson-vol", service = Indicator.class,
        property = "indicator.id=parkinson-vol")
public final class ParkinsonVol extends AbstractIndicator {

    private static final double FOUR_LN_2 = 4 * Math.log(2);

    /** Declares the indicator. */
    public ParkinsonVol() {
        super("parkinson-vol", "Parkinson volatility (high-low)", List.of("high", "low"), "annualised fraction",
                Param.window(30, 1), Param.periodsPerYear());
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        double periodsPerYear = values.value("periodsPerYear");
        RollingSum squaredRanges = new RollingSum(window);
        return new BarComputation.TwoInputs(window - 1) {
            @Override
            protected double next(double high, double low) {
                double range = low > 0 && low <= high ? Math.log(high / low) : Double.NaN;
                squaredRanges.add(range * range);
                return Math.sqrt(periodsPerYear * squaredRanges.mean() / FOUR_LN_2);
            }
        };
    }
}
