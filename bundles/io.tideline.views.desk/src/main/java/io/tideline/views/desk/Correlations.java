package io.tideline.views.desk;

import io.tideline.api.series.SeriesKind;

/**
 * Pairwise correlation of daily changes, as the heatmap shows it. Each pair is joined on the
 * UTC days both series have a valid value (crypto trades on weekends, equities do not; feeds
 * stamp days at different hours), each series is turned into its day-to-day change between
 * consecutive common days (log return for prices, difference for yields and spreads), and the
 * Pearson correlation is taken over the last {@code window} changes.
 *
 * <p>Columns only: no boxing and one set of scratch arrays per pair. Stateless and thread-safe.
 */
public final class Correlations {

    /** How a series becomes a change per bar. */
    public enum Transform {
        /** {@code ln(x[t] / x[t-1])}: prices and levels. */
        LOG_RETURN,
        /** {@code x[t] - x[t-1]}: yields, spreads, rates, and anything that can be zero or negative. */
        CHANGE
    }

    private static final long DAY = 86_400_000L;

    private Correlations() {
    }

    /**
     * The transform for a series: changes for yields, spreads and rates (a 10 bp move means the
     * same at 1 % and at 5 %), and for any series with a value {@code <= 0}, where a log return
     * has no meaning; log returns otherwise.
     */
    public static Transform transformFor(SeriesKind kind, double[] values) {
        if (kind == SeriesKind.YIELD || kind == SeriesKind.SPREAD || kind == SeriesKind.RATE) {
            return Transform.CHANGE;
        }
        for (double v : values) {
            if (v <= 0) {
                return Transform.CHANGE;
            }
        }
        return Transform.LOG_RETURN;
    }

    /** One pair's result. */
    public record Pair(double value, long asOf, int changes) {
    }

    /**
     * The correlation of two series over the last {@code window} changes on common days.
     *
     * @param times timestamps (epoch ms UTC, increasing) of series a and b
     * @param values values of a and b; NaN marks a missing observation
     * @return NaN as value when fewer than {@code window} changes exist or either side is
     *         constant; {@code asOf} is the last common day (0 when none)
     */
    public static Pair pair(long[] timesA, double[] valuesA, Transform transformA,
            long[] timesB, double[] valuesB, Transform transformB, int window) {
        if (window < 2) {
            throw new IllegalArgumentException("the correlation window must be at least 2 bars: " + window);
        }
        int capacity = Math.min(timesA.length, timesB.length);
        double[] a = new double[capacity];
        double[] b = new double[capacity];
        long lastDay = Long.MIN_VALUE;
        int n = 0;
        int i = 0;
        int j = 0;
        // Merge on UTC day; a day that appears twice in one series keeps its last value.
        while (i < timesA.length && j < timesB.length) {
            long dayA = Math.floorDiv(timesA[i], DAY);
            long dayB = Math.floorDiv(timesB[j], DAY);
            if (dayA < dayB) {
                i++;
            } else if (dayB < dayA) {
                j++;
            } else {
                double va = valuesA[i];
                double vb = valuesB[j];
                if (!Double.isNaN(va) && !Double.isNaN(vb)) {
                    if (n > 0 && dayA == lastDay) {
                        n--;
                    }
                    a[n] = va;
                    b[n] = vb;
                    n++;
                    lastDay = dayA;
                }
                i++;
                j++;
            }
        }
        long asOf = n == 0 ? 0L : lastDay * DAY;
        int changes = n - 1;
        if (changes < window) {
            return new Pair(Double.NaN, asOf, Math.max(changes, 0));
        }
        int start = n - window;
        return new Pair(pearson(a, transformA, b, transformB, start, n), asOf, window);
    }

    /** Pearson correlation of the changes at indices {@code start..end-1} (each against the one before). */
    private static double pearson(double[] a, Transform ta, double[] b, Transform tb, int start, int end) {
        int count = end - start;
        double meanA = 0;
        double meanB = 0;
        for (int k = start; k < end; k++) {
            meanA += change(a, k, ta);
            meanB += change(b, k, tb);
        }
        meanA /= count;
        meanB /= count;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        // Two passes (mean first) rather than running sums: accurate for returns of ~1e-3.
        for (int k = start; k < end; k++) {
            double da = change(a, k, ta) - meanA;
            double db = change(b, k, tb) - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return Math.max(-1.0, Math.min(1.0, sab / Math.sqrt(saa * sbb)));
    }

    private static double change(double[] x, int k, Transform t) {
        return t == Transform.LOG_RETURN ? Math.log(x[k] / x[k - 1]) : x[k] - x[k - 1];
    }

    /**
     * The full matrix of {@code n} series: the diagonal is 1 where a series has enough bars.
     *
     * @param times per series, its timestamps
     * @param values per series, its values
     * @param transforms per series, its transform
     * @param outValues receives the correlations, {@code n x n}
     * @param outAsOf receives the last common day of each pair, {@code n x n}
     */
    public static void matrix(long[][] times, double[][] values, Transform[] transforms, int window,
            double[][] outValues, long[][] outAsOf) {
        int n = times.length;
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                Pair p = pair(times[r], values[r], transforms[r], times[c], values[c], transforms[c], window);
                double v = r == c && !Double.isNaN(p.value()) ? 1.0 : p.value();
                outValues[r][c] = v;
                outValues[c][r] = v;
                outAsOf[r][c] = p.asOf();
                outAsOf[c][r] = p.asOf();
            }
        }
    }
}
