package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.indicators.rolling.RollingCovariance;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Rolling Pearson correlation of two aligned series over {@code window} bars, by default of
 * their log returns (see {@link PairInputs}). NaN unless the window holds {@code window} bars
 * where both are valid, and where either is constant over the window.
 */
@Component(name = "io.tideline.indicators.correlation", service = Indicator.class,
        property = "indicator.id=correlation")
public final class Correlation extends AbstractIndicator {

    /** Declares the indicator. */
    public Correlation() {
        super("correlation", "Rolling correlation", List.of("a", "b"), "correlation",
                Param.window(30, 2), PairInputs.logReturnsParam());
    }

    @Override
    IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        PairInputs pair = new PairInputs(values);
        RollingCovariance covariance = new RollingCovariance(window);
        return new BarComputation.TwoInputs(window - 1 + pair.extraUnstableBars()) {
            @Override
            double next(double a, double b) {
                covariance.add(pair.a(a), pair.b(b));
                return covariance.correlation();
            }
        };
    }
}
