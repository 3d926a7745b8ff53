package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingSum;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Breadth above the moving average: the share, 0 to 1, of a basket's members whose value is
 * strictly above its own simple moving average of the last {@code window} bars (the current bar
 * included), e.g. of AI, semiconductor and software names for the checklist's "leadership
 * breadth vs the index". A member counts only on bars where its value is valid and its own
 * window holds {@code window} valid values; the share is over those members, NaN when there is
 * none (see {@link Breadth}). The first {@code window - 1} bars are unstable.
 */
@Component(name = "io.tideline.indicators.breadth-above-ma", service = Indicator.class,
        property = "indicator.id=breadth-above-ma")
public final class BreadthAboveMa extends AbstractIndicator {

    /** Declares the indicator. */
    public BreadthAboveMa() {
        super("breadth-above-ma", "Breadth above moving average", List.of("members..."), "share 0-1",
                Param.window(50, 2));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        return Breadth.of(window - 1, () -> {
            RollingSum sum = new RollingSum(window);
            return x -> {
                sum.add(x);
                if (!sum.isReady()) {
                    return -1;
                }
                return x > sum.mean() ? 1 : 0;
            };
        });
    }
}
