package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Drawdown} in percent: {@code (p / peak - 1) * 100} (-25.0 a quarter below the peak), the
 * reading the checklist shows for crypto. Same peak rule and unstable bars as {@link Drawdown}.
 */
@Component(name = "io.tideline.indicators.drawdown-pct", service = Indicator.class,
        property = "indicator.id=drawdown-pct")
public final class DrawdownPct extends AbstractIndicator {

    /** Declares the indicator. */
    public DrawdownPct() {
        super("drawdown-pct", "Drawdown from peak in percent", List.of("price"), "percent",
                Param.whole("window", "bars over which the peak is taken; 0 for the running peak since the "
                        + "first bar", 0, 0, 100_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return Drawdown.drawdowns(values.whole("window"), 100);
    }
}
