package io.tideline.api.desk;

import java.util.Objects;

/**
 * A line over time, e.g. the rolling BTC–Nasdaq correlation for the sparkline.
 *
 * @param label what the line is, e.g. {@code correlation(btc, ndx, 90)}
 * @param source where its numbers come from (roles and series ids), for the tooltip
 * @param times epoch ms UTC, increasing
 * @param values one per time; NaN where undefined
 */
public record Curve(String label, String source, long[] times, double[] values) {

    /** Copies the arrays; rejects lengths that differ. */
    public Curve {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        times = times.clone();
        values = values.clone();
        if (times.length != values.length) {
            throw new IllegalArgumentException("curve " + label + " has " + values.length + " values for "
                    + times.length + " times");
        }
    }

    /** A curve without points. */
    public static Curve empty(String label, String source) {
        return new Curve(label, source, new long[0], new double[0]);
    }

    /** The number of points. */
    public int size() {
        return times.length;
    }
}
