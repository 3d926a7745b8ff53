package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@link SimpleReturn} in percent: {@code (p[t] / p[t - periods] - 1) * 100} (1.0 = 1%), the
 * reading the checklist shows for the dollar, equity and crypto returns. NaN where either price
 * is missing; the first {@code periods} bars are unstable.
 */
@Component(name = "io.tideline.indicators.simple-return-pct", service = Indicator.class,
        property = "indicator.id=simple-return-pct")
public final class SimpleReturnPct extends AbstractIndicator {

    /** Declares the indicator. */
    public SimpleReturnPct() {
        super("simple-return-pct", "Simple return in percent", List.of("price"), "percent",
                Param.whole("periods", "bars between the two prices", 1, 1, 100_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return SimpleReturn.returns(values.whole("periods"), 100);
    }
}
