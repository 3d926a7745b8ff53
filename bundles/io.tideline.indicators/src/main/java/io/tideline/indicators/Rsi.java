package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Ewma;
import io.tideline.api.indicator.sdk.Lag;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Wilder's relative strength index, 0 to 100: average gain and loss of the one-bar changes,
 * each seeded with the simple mean of the first {@code period} changes and then smoothed with
 * Wilder's {@code avg = (avg * (period - 1) + x) / period}; {@code RSI = 100 - 100 / (1 + gain / loss)}.
 * 100 when there were no losses, 50 when the price did not move. The first {@code period} bars
 * are unstable; like every Wilder-smoothed value it still depends slightly on where the series
 * starts for a few times {@code period} bars after that. A missing price restarts the seeding.
 */
@Component(name = "io.tideline.indicators.rsi", service = Indicator.class, property = "indicator.id=rsi")
public final class Rsi extends AbstractIndicator {

    /** Declares the indicator. */
    public Rsi() {
        super("rsi", "Relative strength index (Wilder)", List.of("price"), "index 0-100",
                Param.whole("period", "bars of Wilder smoothing", 14, 2, 1_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int period = values.whole("period");
        Lag previous = new Lag(1);
        Ewma gains = new Ewma(1.0 / period, period);
        Ewma losses = new Ewma(1.0 / period, period);
        return new BarComputation.OneInput(period) {
            @Override
            protected double next(double price) {
                double change = price - previous.add(price);
                // Math.max passes a NaN change on, so both averages reset together
                gains.add(Math.max(change, 0));
                losses.add(Math.max(-change, 0));
                double gain = gains.value();
                double loss = losses.value();
                if (loss == 0) {
                    return gain == 0 ? 50 : 100;
                }
                return 100 - 100 / (1 + gain / loss);
            }
        };
    }
}
