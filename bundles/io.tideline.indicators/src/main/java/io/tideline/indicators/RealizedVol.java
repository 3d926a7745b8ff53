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
 * Close-to-close realized volatility, annualised: the sample standard deviation of the last
 * {@code window} log returns times {@code sqrt(periodsPerYear)}, as a fraction (0.6 = 60%).
 * {@code window} returns need {@code window + 1} prices, so {@code window} bars are unstable.
 */
@Component(name = "io.tideline.indicators.realized-vol", service = Indicator.class,
        property = "indicator.id=realized-vol")
public final class RealizedVol extends AbstractIndicator {

    /** Declares the indicator. */
    public RealizedVol() {
        super("realized-vol", "Realized volatility (close to close)", List.of("price"), "annualised fraction",
                Param.window(30, 2), Param.periodsPerYear());
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        double annualise = Math.sqrt(values.value("periodsPerYear"));
        Lag previous = new Lag(1);
        RollingVariance variance = new RollingVariance(window);
        return new BarComputation.OneInput(window) {
            @Override
            protected double next(double price) {
                variance.add(Math.log(price / previous.add(price)));
                return variance.standardDeviation() * annualise;
            }
        };
    }
}
