package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingCovariance;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Rolling beta of an asset to a benchmark over {@code window} bars:
 * {@code cov(asset, benchmark) / var(benchmark)}, the least-squares slope of the asset on the
 * benchmark, by default on log returns (see {@link PairInputs}). NaN unless the window holds
 * {@code window} bars where both are valid, and where the benchmark is constant.
 */
@Component(name = "io.tideline.indicators.beta", service = Indicator.class, property = "indicator.id=beta")
public final class Beta extends AbstractIndicator {

    /** Declares the indicator. */
    public Beta() {
        super("beta", "Rolling beta", List.of("asset", "benchmark"), "ratio",
                Param.window(30, 2), PairInputs.logReturnsParam());
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        PairInputs pair = new PairInputs(values);
        RollingCovariance covariance = new RollingCovariance(window);
        return new BarComputation.TwoInputs(window - 1 + pair.extraUnstableBars()) {
            @Override
            protected double next(double asset, double benchmark) {
                covariance.add(pair.b(benchmark), pair.a(asset));
                return covariance.slopeOfYOnX();
            }
        };
    }
}
