package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingExtremum;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Breadth at the low: the share, 0 to 1, of a basket's members at their own {@code window}-bar
 * low, i.e. whose value is at or below the minimum of their last {@code window} values including
 * the current one (a tie with an earlier low counts), for "do AI/tech stocks stop making lower
 * lows?". The minimum is a monotonic deque per member ({@link RollingExtremum}), amortised O(1).
 * A member counts only on bars where its value is valid and its own window holds {@code window}
 * valid values; the share is over those members, NaN when there is none (see {@link Breadth}).
 * The first {@code window - 1} bars are unstable.
 */
@Component(name = "io.tideline.indicators.breadth-at-low", service = Indicator.class,
        property = "indicator.id=breadth-at-low")
public final class BreadthAtLow extends AbstractIndicator {

    /** Declares the indicator. */
    public BreadthAtLow() {
        super("breadth-at-low", "Breadth at the N-bar low", List.of("members..."), "share 0-1",
                Param.window(20, 2));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        return Breadth.of(window - 1, () -> {
            RollingExtremum low = RollingExtremum.min(window);
            return x -> {
                low.add(x);
                if (!low.isReady()) {
                    return -1;
                }
                return x <= low.value() ? 1 : 0;
            };
        });
    }
}
