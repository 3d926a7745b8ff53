package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Liquidation pressure: the notional liquidated over the bar divided by the open interest
 * notional, as a fraction (0.02 = 2% of open interest forced out in one bar). Both inputs in USD:
 * {@code liquidations} the long plus short liquidations of the bar (or one side, for a one-sided
 * reading), {@code oi} the open interest as reported for the bar (e.g. at its close; feed the
 * previous bar's value to measure against the open interest the bar started with). The
 * checklist's "rising liquidation prints + falling price" reads this against a price trend.
 * NaN where either is missing, the liquidations are negative, or the open interest is not
 * above 0.
 */
@Component(name = "io.tideline.indicators.liquidation-pressure", service = Indicator.class,
        property = "indicator.id=liquidation-pressure")
public final class LiquidationPressure extends AbstractIndicator {

    /** Declares the indicator. */
    public LiquidationPressure() {
        super("liquidation-pressure", "Liquidation pressure", List.of("liquidations", "oi"),
                "fraction of open interest");
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return new BarComputation.TwoInputs(0) {
            @Override
            protected double next(double liquidations, double oi) {
                return oi > 0 && liquidations >= 0 ? liquidations / oi : Double.NaN;
            }
        };
    }
}
