package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingExtremum;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Drawdown from the peak, {@code p / peak - 1} (0 at a peak, -0.25 a quarter below it). With
 * {@code window = 0} (the default) the peak is the running maximum of every valid price so far:
 * a missing price yields NaN and does not move the peak. With {@code window = N} the peak is the
 * maximum of the last N bars (e.g. 365 for "from the one-year high"), NaN unless all are valid.
 */
@Component(name = "io.tideline.indicators.drawdown", service = Indicator.class, property = "indicator.id=drawdown")
public final class Drawdown extends AbstractIndicator {

    /** Declares the indicator. */
    public Drawdown() {
        super("drawdown", "Drawdown from peak", List.of("price"), "fraction",
                Param.whole("window", "bars over which the peak is taken; 0 for the running peak since the "
                        + "first bar", 0, 0, 100_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return drawdowns(values.whole("window"), 1);
    }

    /** Drawdowns over {@code window} bars (0: the running peak) times {@code scale} (100 for percent). */
    static IndicatorComputation drawdowns(int window, double scale) {
        if (window == 0) {
            return new BarComputation.OneInput(0) {
                private double peak = Double.NEGATIVE_INFINITY;

                @Override
                protected double next(double price) {
                    if (Double.isNaN(price)) {
                        return Double.NaN;
                    }
                    peak = Math.max(peak, price);
                    return (price / peak - 1) * scale;
                }
            };
        }
        RollingExtremum peak = RollingExtremum.max(window);
        return new BarComputation.OneInput(window - 1) {
            @Override
            protected double next(double price) {
                peak.add(price);
                return (price / peak.value() - 1) * scale;
            }
        };
    }
}
