package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Bars since the running peak: 0 on a bar that makes or matches the highest valid price so far,
 * then 1, 2, ... while the price stays below it. A bar with a missing price yields NaN but is
 * still counted, since time under water passes whether or not the price is known.
 */
@Component(name = "io.tideline.indicators.bars-under-water", service = Indicator.class,
        property = "indicator.id=bars-under-water")
public final class BarsUnderWater extends AbstractIndicator {

    /** Declares the indicator. */
    public BarsUnderWater() {
        super("bars-under-water", "Bars under water", List.of("price"), "bars");
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return new BarComputation.OneInput(0) {
            private double peak = Double.NEGATIVE_INFINITY;
            private long since;

            @Override
            protected double next(double price) {
                if (Double.isNaN(price)) {
                    since++;
                    return Double.NaN;
                }
                if (price >= peak) {
                    peak = price;
                    since = 0;
                } else {
                    since++;
                }
                return since;
            }
        };
    }
}
