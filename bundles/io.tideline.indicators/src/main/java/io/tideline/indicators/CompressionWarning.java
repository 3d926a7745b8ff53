package io.tideline.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.sdk.AbstractIndicator;
import io.tideline.api.indicator.sdk.BarComputation;
import io.tideline.api.indicator.sdk.Lag;
import io.tideline.api.indicator.sdk.Param;
import io.tideline.api.indicator.sdk.Parameters;
import io.tideline.api.indicator.sdk.RollingVariance;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Correlation-compression early warning: how many of four conditions hold on the bar, 0 to 4.
 * The research note's three signals that "typically precede" the stress regime in which equities
 * and crypto trade as a single risk book (rising equity volatility; persistent dollar strength
 * paired with stable or rising yields; expanding crypto open interest into a declining price),
 * with the dollar and the yields counted separately. With {@code M = periods}:
 * <ol>
 * <li><b>equity volatility rising</b>: the realized volatility of {@code equity} (sample standard
 * deviation of its last {@code window} one-bar log returns, as in {@link RealizedVol}; not
 * annualised, which does not change a comparison) is strictly above its value M bars earlier;</li>
 * <li><b>dollar up</b>: {@code dollar[t] > dollar[t - M]} (e.g. DXY or the broad dollar index);</li>
 * <li><b>yields stable or rising</b>: {@code yields[t] - yields[t - M] >= 0} (e.g. the 10-year
 * Treasury yield);</li>
 * <li><b>open interest rising into a falling crypto price</b>: {@code oi[t] > oi[t - M]} and
 * {@code crypto[t] < crypto[t - M]}, the +1 of {@link OiPriceDivergence}.</li>
 * </ol>
 * The engine aligns the five inputs on their common bars (daily bars for the defaults). NaN when
 * any condition cannot be evaluated (a missing value in an input it reads, or a volatility
 * window with a missing return): a count over fewer conditions would read as calmer than it is.
 * The first {@code window + periods} bars are unstable.
 */
@Component(name = "io.tideline.indicators.compression-warning", service = Indicator.class,
        property = "indicator.id=compression-warning")
public final class CompressionWarning extends AbstractIndicator {

    /** Declares the indicator. */
    public CompressionWarning() {
        super("compression-warning", "Correlation compression warning",
                List.of("equity", "dollar", "yields", "oi", "crypto"), "conditions 0-4",
                Param.window(20, 2),
                Param.whole("periods", "bars over which rising and falling are judged", 5, 1, 100_000));
    }

    @Override
    protected IndicatorComputation open(Parameters values) {
        int window = values.whole("window");
        int periods = values.whole("periods");
        Lag previousEquity = new Lag(1);
        RollingVariance equityReturns = new RollingVariance(window);
        Lag volLag = new Lag(periods);
        Lag dollarLag = new Lag(periods);
        Lag yieldsLag = new Lag(periods);
        Lag oiLag = new Lag(periods);
        Lag cryptoLag = new Lag(periods);
        return new BarComputation(5, window + periods) {
            @Override
            protected void compute(long[] times, double[][] inputs, int from, int to, double[] out) {
                for (int i = from; i < to; i++) {
                    double equity = inputs[0][i];
                    equityReturns.add(Math.log(equity / previousEquity.add(equity)));
                    double vol = equityReturns.standardDeviation();
                    double volChange = vol - volLag.add(vol);
                    double dollarChange = inputs[1][i] - dollarLag.add(inputs[1][i]);
                    double yieldsChange = inputs[2][i] - yieldsLag.add(inputs[2][i]);
                    double oiChange = inputs[3][i] - oiLag.add(inputs[3][i]);
                    double cryptoChange = inputs[4][i] - cryptoLag.add(inputs[4][i]);
                    double divergence = OiPriceDivergence.divergence(oiChange, cryptoChange);
                    if (Double.isNaN(volChange) || Double.isNaN(dollarChange) || Double.isNaN(yieldsChange)
                            || Double.isNaN(divergence)) {
                        out[i] = Double.NaN;
                    } else {
                        out[i] = (volChange > 0 ? 1 : 0) + (dollarChange > 0 ? 1 : 0) + (yieldsChange >= 0 ? 1 : 0)
                                + (divergence == 1 ? 1 : 0);
                    }
                }
            }
        };
    }
}
