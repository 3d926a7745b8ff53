package io.tideline.example.indicator;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.api.indicator.ParameterSpec;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Momentum: the percent change of a price over {@code periods} bars,
 * {@code 100 * (p[t] / p[t - periods] - 1)}; NaN until {@code periods} earlier bars exist, and
 * wherever either price is missing. O(1) per bar: a ring buffer of the last prices.
 */
@Component(service = Indicator.class, property = "indicator.id=example-momentum")
public final class Momentum implements Indicator {

    private static final ParameterSpec PERIODS = new ParameterSpec("periods", "bars to look back", 10, 1, 10_000);
    private static final IndicatorSpec SPEC = new IndicatorSpec("example-momentum", "Momentum (example plugin)",
            List.of("price"), List.of(PERIODS), "%");

    @Override
    public IndicatorSpec spec() {
        return SPEC;
    }

    @Override
    public IndicatorComputation start(Map<String, Double> parameters) {
        for (String name : parameters.keySet()) {
            if (!name.equals(PERIODS.name())) {
                throw new IllegalArgumentException("example-momentum has no parameter '" + name + "' (it has: periods)");
            }
        }
        double p = parameters.getOrDefault(PERIODS.name(), PERIODS.defaultValue());
        if (p != Math.rint(p) || p < PERIODS.min() || p > PERIODS.max()) {
            throw new IllegalArgumentException("example-momentum: periods " + p + " must be a whole number in ["
                    + (int) PERIODS.min() + ", " + (int) PERIODS.max() + "]");
        }
        int periods = (int) p;
        return new IndicatorComputation() {
            private final double[] ring = new double[periods];
            private long seen;

            @Override
            public void append(long[] times, double[][] inputs, int from, int to, double[] out) {
                double[] price = inputs[0];
                for (int i = from; i < to; i++) {
                    int slot = (int) (seen % periods);
                    double then = ring[slot];
                    out[i] = seen < periods ? Double.NaN : 100.0 * (price[i] / then - 1.0);
                    ring[slot] = price[i];
                    seen++;
                }
            }

            @Override
            public int unstableBars() {
                return periods;
            }
        };
    }
}
