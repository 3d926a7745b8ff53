package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * EWMA (RiskMetrics) correlation of two aligned series, by default of their one-bar log returns
 * (see {@link PairInputs}): zero-mean exponentially weighted covariance over the product of the
 * two exponentially weighted volatilities (see {@link EwmaCovariance}). It reacts within days
 * where a 30-bar rolling correlation needs weeks: the "correlation compression" of a
 * fast shock. The first {@code warmup} bars (plus one for returns) are unstable.
 */
@Component(name = "io.tideline.indicators.ewma-correlation", service = Indicator.class,
        property = "indicator.id=ewma-correlation")
public final class EwmaCorrelation extends AbstractIndicator {

    /** Declares the indicator. */
    public EwmaCorrelation() {
        super("ewma-correlation", "EWMA correlation (RiskMetrics)", List.of("a", "b"), "correlation",
                EwmaCovariance.lambdaParam(), EwmaCovariance.warmupParam(), PairInputs.logReturnsParam());
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        PairInputs pair = new PairInputs(values);
        EwmaCovariance moments = new EwmaCovariance(values);
        return new BarComputation.TwoInputs(values.whole("warmup") - 1 + pair.extraUnstableBars()) {
            @Override
            protected double next(double a, double b) {
                moments.add(pair.a(a), pair.b(b));
                return moments.correlation();
            }
        };
    }
}
