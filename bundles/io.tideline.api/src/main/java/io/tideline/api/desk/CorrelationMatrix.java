package io.tideline.api.desk;

import java.util.List;
import java.util.Objects;

/**
 * A correlation matrix as the heatmap shows it, with what makes every cell traceable: the
 * series behind each role and the last day each pair had in common.
 *
 * <p>Immutable: the arrays are copied in and read through accessors.
 */
public final class CorrelationMatrix {

    private final List<String> roles;
    private final List<String> series;
    private final int window;
    private final double[][] values;
    private final long[][] asOf;

    /**
     * A matrix.
     *
     * @param roles the roles in row (and column) order
     * @param series the series id bound to each role as text, or {@code null} where unbound
     * @param window the window in common daily bars
     * @param values correlations; NaN where a pair has fewer than {@code window + 1} common bars
     * @param asOf the last common day of each pair, epoch ms UTC (0 where none)
     * @throws IllegalArgumentException if the sizes disagree
     */
    public CorrelationMatrix(List<String> roles, List<String> series, int window, double[][] values, long[][] asOf) {
        this.roles = List.copyOf(roles);
        this.series = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(series));
        this.window = window;
        int n = this.roles.size();
        if (this.series.size() != n || values.length != n || asOf.length != n) {
            throw new IllegalArgumentException("a correlation matrix of " + n + " roles needs " + n
                    + " series, " + n + " rows of values and of dates");
        }
        this.values = new double[n][];
        this.asOf = new long[n][];
        for (int i = 0; i < n; i++) {
            if (values[i].length != n || asOf[i].length != n) {
                throw new IllegalArgumentException("row " + i + " of the correlation matrix has "
                        + values[i].length + " values for " + n + " roles");
            }
            this.values[i] = values[i].clone();
            this.asOf[i] = asOf[i].clone();
        }
    }

    /** The roles in row order. */
    public List<String> roles() {
        return roles;
    }

    /** The series id (text) bound to each role, {@code null} where unbound. */
    public List<String> series() {
        return series;
    }

    /** The number of roles. */
    public int size() {
        return roles.size();
    }

    /** The window in common daily bars. */
    public int window() {
        return window;
    }

    /** The correlation of roles {@code i} and {@code j}; NaN when it cannot be computed. */
    public double value(int i, int j) {
        return values[i][j];
    }

    /** The last common day of roles {@code i} and {@code j}, epoch ms UTC, 0 when none. */
    public long asOf(int i, int j) {
        return asOf[i][j];
    }

    /** The latest as-of day over all pairs, epoch ms UTC, 0 when none. */
    public long latest() {
        long max = 0;
        for (long[] row : asOf) {
            for (long t : row) {
                max = Math.max(max, t);
            }
        }
        return max;
    }

    @Override
    public String toString() {
        return "CorrelationMatrix" + roles + " window " + window;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CorrelationMatrix m) || !roles.equals(m.roles) || !series.equals(m.series)
                || window != m.window) {
            return false;
        }
        return java.util.Arrays.deepEquals(values, m.values) && java.util.Arrays.deepEquals(asOf, m.asOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roles, series, window) * 31 + java.util.Arrays.deepHashCode(values);
    }
}
