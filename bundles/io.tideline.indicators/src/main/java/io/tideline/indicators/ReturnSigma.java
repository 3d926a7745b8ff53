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
 * A return in units of the volatility before it: the simple return over {@code periods} bars
 * divided by the sample standard deviation of the {@code window} one-bar log returns that ended
 * where the return starts, scaled to {@code periods} bars ({@code sd * sqrt(periods)}). A move of
 * -2 is two ordinary moves down, whatever the asset and its volatility regime; reading the
 * volatility before the move keeps a shock from diluting itself. The first
 * {@code window + periods} bars are unstable.
 */
@Component(name = "io.tideline.indicators.return-sigma", service = Indicator.class,
        property = "indicator.id=return-sigma")
public final class ReturnSigma extends AbstractIndicator {

    /** Declares the indicator. */
    public ReturnSigma() {
        super("return-sigma", "Return in units of the prior volatility", List.of("price"), "sigma",
                Param.whole("periods", "bars over which the return is taken", 5, 1, 100_000),
                Param.window(60, 2));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int periods = values.whole("periods");
        int window = values.whole("window");
        double scale = Math.sqrt(periods);
        Lag previous = new Lag(1);
        Lag priceBack = new Lag(periods);
        Lag sdBack = new Lag(periods);
        RollingVariance variance = new RollingVariance(window);
        return new BarComputation.OneInput(window + periods) {
            @Override
            protected double next(double price) {
                variance.add(Math.log(price / previous.add(price)));
                double before = sdBack.add(variance.standardDeviation());
                double start = priceBack.add(price);
                return before > 0 ? (price / start - 1) / (before * scale) : Double.NaN;
            }
        };
    }
}
