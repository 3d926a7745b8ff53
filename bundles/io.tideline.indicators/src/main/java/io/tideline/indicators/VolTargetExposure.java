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
 * Volatility-targeting exposure: {@code min(targetVol / realizedVol, maxLeverage)}, where the
 * realized volatility is the one of {@link RealizedVol} (close to close, annualised with
 * {@code periodsPerYear}) over {@code window} bars. A window with no volatility gets
 * {@code maxLeverage}. The first {@code window} bars are unstable.
 */
@Component(name = "io.tideline.indicators.vol-target-exposure", service = Indicator.class,
        property = "indicator.id=vol-target-exposure")
public final class VolTargetExposure extends AbstractIndicator {

    /** Declares the indicator. */
    public VolTargetExposure() {
        super("vol-target-exposure", "Volatility-targeting exposure", List.of("price"), "exposure multiple",
                Param.real("targetVol", "annualised volatility to target, as a fraction (0.2 = 20%)", 0.2, 0.001, 10),
                Param.real("maxLeverage", "largest exposure allowed, as a multiple of capital", 1, 0, 100),
                Param.window(30, 2), Param.periodsPerYear());
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        double targetVol = values.value("targetVol");
        double maxLeverage = values.value("maxLeverage");
        double annualise = Math.sqrt(values.value("periodsPerYear"));
        Lag previous = new Lag(1);
        RollingVariance variance = new RollingVariance(window);
        return new BarComputation.OneInput(window) {
            @Override
            protected double next(double price) {
                variance.add(Math.log(price / previous.add(price)));
                double vol = variance.standardDeviation() * annualise;
                if (Double.isNaN(vol)) {
                    return Double.NaN;
                }
                return vol > 0 ? Math.min(targetVol / vol, maxLeverage) : maxLeverage;
            }
        };
    }
}
