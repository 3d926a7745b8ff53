package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Leadership ratio {@code basket / index}: a leadership cohort (e.g. an AI/semiconductor basket
 * or the IGV software ETF) relative to its index (e.g. QQQ). A falling ratio while the index
 * holds is the checklist's "leadership breaks while the index holds briefly". The engine aligns
 * the two inputs on their common bars. NaN where either value is missing or the index is 0.
 */
@Component(name = "io.tideline.indicators.leadership-ratio", service = Indicator.class,
        property = "indicator.id=leadership-ratio")
public final class LeadershipRatio extends AbstractIndicator {

    /** Declares the indicator. */
    public LeadershipRatio() {
        super("leadership-ratio", "Leadership ratio (basket / index)", List.of("basket", "index"), "ratio");
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return new BarComputation.TwoInputs(0) {
            @Override
            protected double next(double basket, double index) {
                return index != 0 ? basket / index : Double.NaN;
            }
        };
    }
}
