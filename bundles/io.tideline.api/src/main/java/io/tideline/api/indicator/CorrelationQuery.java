package io.tideline.api.indicator;

/**
 * What {@link Correlations#correlate} is asked: the correlation of two inputs over a window of
 * common days, as of an instant.
 *
 * @param a the first input: a role (e.g. {@code us10y}) or a series id (e.g. {@code yahoo:SPY})
 * @param b the second input, likewise
 * @param window the number of daily changes each value is taken over (at least 2)
 * @param points how many of the latest values are wanted (at least 1): 1 for the value as of
 *        {@code toMillis}, more for its history
 * @param toMillis no bar after this instant is read (epoch ms UTC; {@link Long#MAX_VALUE} for the
 *        newest data)
 * @since 1.1
 */
public record CorrelationQuery(String a, String b, int window, int points, long toMillis) {

    /** Checks the inputs are named and the window and points make sense. */
    public CorrelationQuery {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            throw new IllegalArgumentException("a correlation needs two inputs (a role or a series id), got '"
                    + a + "' and '" + b + "'");
        }
        if (window < 2) {
            throw new IllegalArgumentException("the correlation window must be at least 2 days, got " + window);
        }
        if (points < 1) {
            throw new IllegalArgumentException("at least one correlation value must be asked for, got " + points);
        }
    }
}
