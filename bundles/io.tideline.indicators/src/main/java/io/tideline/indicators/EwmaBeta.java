package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * EWMA (RiskMetrics) beta of an asset to a benchmark, by default on one-bar log returns (see
 * {@link PairInputs}): the zero-mean exponentially weighted covariance over the benchmark's
 * exponentially weighted variance (see {@link EwmaCovariance}); how many percent the asset moves
 * per percent of the benchmark, as of the last weeks. The first {@code warmup} bars (plus one
 * for returns) are unstable.
 */
@Component(name = "io.tideline.indicators.ewma-beta", service = Indicator.class,
        property = "indicator.id=ewma-beta")
public final class EwmaBeta extends AbstractIndicator {

    /** Declares the indicator. */
    public EwmaBeta() {
        super("ewma-beta", "EWMA beta (RiskMetrics)", List.of("asset", "benchmark"), "ratio",
                EwmaCovariance.lambdaParam(), EwmaCovariance.warmupParam(), PairInputs.logReturnsParam());
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        PairInputs pair = new PairInputs(values);
        EwmaCovariance moments = new EwmaCovariance(values);
        return new BarComputation.TwoInputs(values.whole("warmup") - 1 + pair.extraUnstableBars()) {
            @Override
            protected double next(double asset, double benchmark) {
                moments.add(pair.a(asset), pair.b(benchmark));
                return moments.slopeOfAOnB();
            }
        };
    }
}
