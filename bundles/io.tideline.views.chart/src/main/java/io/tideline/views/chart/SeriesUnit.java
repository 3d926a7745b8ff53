package io.tideline.views.chart;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesKind;
import java.util.Locale;
import java.util.Optional;

/**
 * How a series is labelled on an axis, from its descriptor's unit and kind: a rate stored as a
 * fraction ("fraction per 8h") is shown ×100 in "% per 8h", a yield or spread in "%", prices in
 * their currency, counts as "contracts". A series without a descriptor keeps its numbers and has
 * no unit.
 *
 * @param label the unit shown on the axis and after crosshair values ("", "%", "USD", "% per 8h")
 * @param factor what the stored values are multiplied by to read in {@code label}
 * @param level whether the values are levels that must not be rebased to % change (yields, spreads, rates)
 */
record SeriesUnit(String label, double factor, boolean level) {

    static final SeriesUnit NONE = new SeriesUnit("", 1, false);

    static SeriesUnit of(Optional<SeriesDescriptor> descriptor) {
        if (descriptor.isEmpty()) {
            return NONE;
        }
        String unit = descriptor.get().unit().trim();
        SeriesKind kind = descriptor.get().kind();
        boolean level = kind == SeriesKind.YIELD || kind == SeriesKind.SPREAD || kind == SeriesKind.RATE;
        String lower = unit.toLowerCase(Locale.ROOT);
        if (lower.startsWith("fraction")) {
            // 0.0001 per 8h is read as 0.01% per 8h on every exchange's screen.
            return new SeriesUnit(("%" + unit.substring("fraction".length())).trim(), 100, level);
        }
        if (lower.equals("percent")) {
            return new SeriesUnit("%", 1, level);
        }
        return new SeriesUnit(unit, 1, level || unit.equals("%"));
    }

    /** {@code data} in this unit (multiplied by {@link #factor}); the same object when the factor is 1. */
    SeriesData apply(SeriesData data) {
        if (factor == 1 || data.isEmpty()) {
            return data;
        }
        double[] v = data.copyColumn(data.primary());
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return SeriesData.ofValues(data.copyTimes(), v);
    }
}
