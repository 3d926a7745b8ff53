package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Lag;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Open interest against price over the last {@code periods} bars: {@code +1} when open interest
 * rose ({@code oi[t] > oi[t - periods]}) while the price fell ({@code price[t] < price[t - periods]}),
 * the note's "expanding open interest during a declining price trend" (new leverage leaning into
 * the fall, fuel for a liquidation cascade); {@code -1} when open interest fell while the price
 * rose (leverage leaving into strength, e.g. short covering); {@code 0} otherwise, including any
 * unchanged value. The default of 24 periods is one day on hourly bars. NaN where any of the
 * four values is missing; the first {@code periods} bars are unstable.
 */
@Component(name = "io.tideline.indicators.oi-price-divergence", service = Indicator.class,
        property = "indicator.id=oi-price-divergence")
public final class OiPriceDivergence extends AbstractIndicator {

    /** Declares the indicator. */
    public OiPriceDivergence() {
        super("oi-price-divergence", "Open interest / price divergence", List.of("oi", "price"),
                "signal -1, 0, +1",
                Param.whole("periods", "bars over which open interest and price are compared", 24, 1, 100_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int periods = values.whole("periods");
        Lag oiLag = new Lag(periods);
        Lag priceLag = new Lag(periods);
        return new BarComputation.TwoInputs(periods) {
            @Override
            protected double next(double oi, double price) {
                double oiChange = oi - oiLag.add(oi);
                double priceChange = price - priceLag.add(price);
                return divergence(oiChange, priceChange);
            }
        };
    }

    /** +1 for rising open interest into a falling price, -1 for the reverse, 0 otherwise; NaN passes. */
    static double divergence(double oiChange, double priceChange) {
        if (Double.isNaN(oiChange) || Double.isNaN(priceChange)) {
            return Double.NaN;
        }
        if (oiChange > 0 && priceChange < 0) {
            return 1;
        }
        return oiChange < 0 && priceChange > 0 ? -1 : 0;
    }
}
