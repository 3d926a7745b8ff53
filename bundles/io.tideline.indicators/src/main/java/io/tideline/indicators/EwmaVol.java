package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Ewma;
import io.tideline.api.indicator.sdk.Lag;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * EWMA (RiskMetrics) volatility, annualised: {@code var[t] = lambda * var[t-1] + (1 - lambda) * r[t]^2}
 * on zero-mean log returns, including the current bar's return, seeded with the mean of the
 * first {@code warmup} squared returns; the output is {@code sqrt(var * periodsPerYear)}.
 * The first {@code warmup} bars are unstable. A missing price resets the average (see
 * {@link Ewma}), so the output is NaN until {@code warmup} returns have been seen again.
 */
@Component(name = "io.tideline.indicators.ewma-vol", service = Indicator.class, property = "indicator.id=ewma-vol")
public final class EwmaVol extends AbstractIndicator {

    /** Declares the indicator. */
    public EwmaVol() {
        super("ewma-vol", "EWMA volatility (RiskMetrics)", List.of("price"), "annualised fraction",
                Param.real("lambda", "decay of the previous variance; RiskMetrics uses 0.94 for daily data",
                        0.94, 0.5, 0.999),
                Param.whole("warmup", "squared returns averaged to seed the variance", 20, 1, 10_000),
                Param.periodsPerYear());
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int warmup = values.whole("warmup");
        double periodsPerYear = values.value("periodsPerYear");
        Lag previous = new Lag(1);
        Ewma variance = new Ewma(1 - values.value("lambda"), warmup);
        return new BarComputation.OneInput(warmup) {
            @Override
            protected double next(double price) {
                double r = Math.log(price / previous.add(price));
                variance.add(r * r);
                return Math.sqrt(variance.value() * periodsPerYear);
            }
        };
    }
}
