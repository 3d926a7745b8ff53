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
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        PairInputs pair = new PairInputs(values);
        RollingCovariance covariance = new RollingCovariance(window);
        // A bulk loop over locals, as in Sma.
        return new BarComputation(2, window - 1 + pair.extraUnstableBars()) {
            @Override
            protected void compute(long[] times, double[][] inputs, int from, int to, double[] out) {
                covariance.addAllCorrelations(pair.as(inputs[0], from, to), pair.bs(inputs[1], from, to), from, to,
                        out);
            }
        };
    }
}
