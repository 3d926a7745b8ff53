package io.tideline.api.indicator;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer of {@link Correlations#correlate}: the latest values of the correlation of two
 * inputs, one per common day that has a full window of changes before it, oldest first.
 *
 * <p>Immutable: the columns are copied in and read through accessors.
 *
 * @since 1.1
 */
public final class CorrelationCurve {

    private final CorrelationQuery query;
    private final DailyChange changeA;
    private final DailyChange changeB;
    private final long[] times;
    private final double[] values;
    private final long lastCommonDay;
    private final int commonDays;

    /**
     * A curve.
     *
     * @param query what was asked
     * @param changeA the change input a's kind calls for ({@link DailyChange#of})
     * @param changeB the change input b's kind calls for
     * @param times the common day of each value (epoch ms of its UTC midnight), increasing
     * @param values the correlations, in [-1, 1]; NaN where either side is constant over the window
     * @param lastCommonDay the last day both inputs have a value by {@code query.toMillis()},
     *        epoch ms of its UTC midnight, 0 when none
     * @param commonDays how many common days were read (a value needs {@code window + 1})
     * @throws IllegalArgumentException if the columns differ in length
     */
    public CorrelationCurve(CorrelationQuery query, DailyChange changeA, DailyChange changeB, long[] times,
            double[] values, long lastCommonDay, int commonDays) {
        this.query = Objects.requireNonNull(query, "query");
        this.changeA = Objects.requireNonNull(changeA, "changeA");
        this.changeB = Objects.requireNonNull(changeB, "changeB");
        if (times.length != values.length) {
            throw new IllegalArgumentException(times.length + " times for " + values.length + " correlation values");
        }
        this.times = times.clone();
        this.values = values.clone();
        this.lastCommonDay = lastCommonDay;
        this.commonDays = commonDays;
    }

    /** What was asked. */
    public CorrelationQuery query() {
        return query;
    }

    /** The change input a's kind calls for. */
    public DailyChange changeA() {
        return changeA;
    }

    /** The change input b's kind calls for. */
    public DailyChange changeB() {
        return changeB;
    }

    /** The number of values. */
    public int size() {
        return times.length;
    }

    /** Whether there is no value: fewer than {@code window + 1} common days. */
    public boolean isEmpty() {
        return times.length == 0;
    }

    /** The common day of value {@code i}, epoch ms of its UTC midnight. */
    public long time(int i) {
        return times[i];
    }

    /** Value {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** A copy of the days. */
    public long[] copyTimes() {
        return times.clone();
    }

    /** A copy of the values. */
    public double[] copyValues() {
        return values.clone();
    }

    /**
     * The correlation as of the query's instant, that of the last common day; NaN when there are
     * too few common days for one.
     */
    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** The last common day by the query's instant, epoch ms of its UTC midnight; 0 when none. */
    public long lastCommonDay() {
        return lastCommonDay;
    }

    /** How many common days were read. */
    public int commonDays() {
        return commonDays;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationCurve c && query.equals(c.query) && changeA == c.changeA
                && changeB == c.changeB && lastCommonDay == c.lastCommonDay && commonDays == c.commonDays
                && Arrays.equals(times, c.times) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(query, changeA, changeB, lastCommonDay) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "correlation(" + query.a() + ", " + query.b() + ", " + query.window() + "): " + size() + " values";
    }
}
