package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Short squeeze: 1 on a bar where short liquidations drove the tape, else 0. A bar is marked when
 * its {@code liquidations} (of shorts) exceed {@code k} times their mean over the previous
 * {@code window} bars (the bar itself left out) and the {@code price} closed above the previous
 * bar's close; NaN where {@link LiquidationFlush} is, whose rule this mirrors.
 */
@Component(name = "io.tideline.indicators.liquidation-squeeze", service = Indicator.class,
        property = "indicator.id=liquidation-squeeze")
public final class LiquidationSqueeze extends AbstractIndicator {

    /** Declares the indicator. */
    public LiquidationSqueeze() {
        super("liquidation-squeeze", "Short squeeze (liquidation-driven up bar)", List.of("price", "liquidations"),
                "flag 0/1", LiquidationFlush.kParam(), LiquidationFlush.windowParam());
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        return LiquidationFlush.marks(values.value("k"), values.whole("window"), false);
    }
}
