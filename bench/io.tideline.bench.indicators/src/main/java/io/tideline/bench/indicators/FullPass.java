package io.tideline.bench.indicators;

import io.tideline.api.indicator.Indicator;
import io.tideline.indicators.Correlation;
import io.tideline.indicators.RollingStdDev;
import io.tideline.indicators.Rsi;
import io.tideline.indicators.Sma;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.CorrelationCoefficientIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * One implementation of one indicator computing all outputs of the data set into a
 * preallocated {@code double[]}: the unit of work the full-pass benchmark times.
 */
public interface FullPass {

    List<String> IMPLS = List.of("plain", "tideline", "ta4j-double", "ta4j-decimal");
    List<String> INDICATORS = List.of("sma20", "stdev20", "corr20", "rsi14");

    /** Computes the outputs for every bar into {@code out} (length {@link Bars#size()}). */
    void run(double[] out);

    /** The first bar whose output must agree across implementations (see {@link CheckEquivalence}). */
    static int window(String indicator) {
        return switch (indicator) {
            case "sma20", "stdev20", "corr20" -> 20;
            case "rsi14" -> 14;
            default -> throw new IllegalArgumentException("unknown indicator " + indicator + ", expected one of " + INDICATORS);
        };
    }

    static FullPass create(String impl, String indicator, Bars bars) {
        window(indicator);
        return switch (impl) {
            case "plain" -> plain(indicator, bars);
            case "tideline" -> tideline(indicator, bars);
            case "ta4j-double" -> ta4j(indicator, bars, DoubleNumFactory.getInstance());
            case "ta4j-decimal" -> ta4j(indicator, bars, DecimalNumFactory.getInstance());
            default -> throw new IllegalArgumentException("unknown impl " + impl + ", expected one of " + IMPLS);
        };
    }

    private static FullPass plain(String indicator, Bars bars) {
        double[] a = bars.a;
        double[] b = bars.b;
        return switch (indicator) {
            case "sma20" -> out -> Plain.sma(a, 20, out);
            case "stdev20" -> out -> Plain.stdev(a, 20, out);
            case "corr20" -> out -> Plain.correlation(a, b, 20, out);
            default -> out -> Plain.rsi(a, 14, out);
        };
    }

    /**
     * Tideline's built-in indicator classes, called directly (no OSGi): a fresh computation per
     * pass, fed the whole column in one {@code append}. Correlation runs with
     * {@code logReturns=0} so that it correlates the same two inputs as the peers do.
     */
    private static FullPass tideline(String indicator, Bars bars) {
        Indicator tideline;
        Map<String, Double> params;
        double[][] inputs;
        switch (indicator) {
            case "sma20" -> {
                tideline = new Sma();
                params = Map.of("window", 20.0);
                inputs = new double[][] {bars.a};
            }
            case "stdev20" -> {
                tideline = new RollingStdDev();
                params = Map.of("window", 20.0);
                inputs = new double[][] {bars.a};
            }
            case "corr20" -> {
                tideline = new Correlation();
                params = Map.of("window", 20.0, "logReturns", 0.0);
                inputs = new double[][] {bars.a, bars.b};
            }
            default -> {
                tideline = new Rsi();
                params = Map.of("period", 14.0);
                inputs = new double[][] {bars.a};
            }
        }
        long[] times = bars.times;
        return out -> tideline.start(params).append(times, inputs, 0, times.length, out);
    }

    /**
     * ta4j: the bar series are built once (here); every pass creates the indicator afresh, since
     * ta4j caches every value it computed, and asks for {@code getValue(i)} for every bar in
     * order. ta4j's standard deviation is the population one (it divides by n); it is converted
     * to the sample one ({@code * sqrt(n / (n - 1))}, one multiply per bar) so that the outputs
     * are the same quantity as Tideline's.
     */
    private static FullPass ta4j(String indicator, Bars bars, NumFactory numbers) {
        BarSeries a = bars.ta4jSeries("a", bars.a, numbers);
        BarSeries b = indicator.equals("corr20") ? bars.ta4jSeries("b", bars.b, numbers) : null;
        int n = bars.size();
        return switch (indicator) {
            case "sma20" -> out -> {
                SMAIndicator sma = new SMAIndicator(new ClosePriceIndicator(a), 20);
                for (int i = 0; i < n; i++) {
                    out[i] = sma.getValue(i).doubleValue();
                }
            };
            case "stdev20" -> {
                double populationToSample = Math.sqrt(20.0 / 19.0);
                yield out -> {
                    StandardDeviationIndicator stdev = new StandardDeviationIndicator(new ClosePriceIndicator(a), 20);
                    for (int i = 0; i < n; i++) {
                        out[i] = stdev.getValue(i).doubleValue() * populationToSample;
                    }
                };
            }
            case "corr20" -> out -> {
                CorrelationCoefficientIndicator corr = new CorrelationCoefficientIndicator(
                        new ClosePriceIndicator(a), new ClosePriceIndicator(b), 20);
                for (int i = 0; i < n; i++) {
                    out[i] = corr.getValue(i).doubleValue();
                }
            };
            default -> out -> {
                RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(a), 14);
                for (int i = 0; i < n; i++) {
                    Num v = rsi.getValue(i);
                    out[i] = v.doubleValue();
                }
            };
        };
    }
}
