package io.tideline.engine;

import io.tideline.api.indicator.CorrelationCurve;
import io.tideline.api.indicator.CorrelationQuery;
import io.tideline.api.indicator.Correlations;
import io.tideline.api.indicator.DailyChange;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one implementation of the desk's correlation ({@link Correlations} states the definition):
 * reading the two stored series back from the query's instant far enough for the values asked
 * for, the join on UTC day and the rolling Pearson correlation of the changes, on primitive
 * columns. Stateless apart from the store and resolver it is given; thread-safe.
 */
final class DailyCorrelation {

    static final long DAY = 86_400_000L;

    private final SeriesStore store;
    private final Function<String, SeriesId> resolver;

    /**
     * @param store where the series are read
     * @param resolver a role or series id to the series, throwing IllegalArgumentException naming it
     */
    DailyCorrelation(SeriesStore store, Function<String, SeriesId> resolver) {
        this.store = store;
        this.resolver = resolver;
    }

    /** See {@link Correlations#correlate}. */
    CorrelationCurve correlate(CorrelationQuery q) throws StoreException {
        SeriesId idA = resolver.apply(q.a());
        SeriesId idB = resolver.apply(q.b());
        Optional<SeriesInfo> infoA = store.info(idA);
        Optional<SeriesInfo> infoB = store.info(idB);
        DailyChange changeA = infoA.map(i -> DailyChange.of(i.descriptor().kind())).orElse(DailyChange.DIFFERENCE);
        DailyChange changeB = infoB.map(i -> DailyChange.of(i.descriptor().kind())).orElse(DailyChange.DIFFERENCE);
        if (infoA.isEmpty() || infoB.isEmpty() || infoA.get().count() == 0 || infoB.get().count() == 0) {
            return empty(q, changeA, changeB);
        }
        long first = Math.max(infoA.get().firstTime(), infoB.get().firstTime());
        long last = Math.min(q.toMillis(), Math.min(infoA.get().lastTime(), infoB.get().lastTime()));
        long lastDay = Math.floorDiv(last, DAY);
        if (lastDay * DAY + DAY <= first) {
            return empty(q, changeA, changeB);
        }
        // Read back from the last day both can have: enough calendar days for the common days a
        // value needs (equities ~5 in 7, holidays thin them more), doubled until enough or the
        // start of the shorter series is reached.
        long needed = (long) q.window() + q.points();
        long span = (long) (needed * 1.6) + 30;
        while (true) {
            long from = Math.max(first, (lastDay - span) * DAY);
            SeriesData a = store.read(idA, from, q.toMillis());
            SeriesData b = store.read(idB, from, q.toMillis());
            CorrelationCurve curve = curve(q, changeA, a.copyTimes(), a.copyColumn(a.primary()), changeB,
                    b.copyTimes(), b.copyColumn(b.primary()));
            if (curve.commonDays() >= needed || from == first) {
                return curve;
            }
            span *= 2;
        }
    }

    /**
     * See {@link Correlations#correlateAll}: each input's {@code info} and bars read once, back
     * from the earliest last day of them all by the span {@link #correlate} reads first; a pair
     * whose curve has enough common days from those bars (or that read both series from their
     * start) is the same curve {@link #correlate} gives, as only its last values count and those
     * read the same bars; any other pair (too few common days there, no data) is asked of
     * {@link #correlate} itself.
     */
    List<CorrelationCurve> correlateAll(List<String> inputs, int window, int points, long toMillis)
            throws StoreException {
        int n = inputs.size();
        SeriesId[] ids = new SeriesId[n];
        Map<SeriesId, Optional<SeriesInfo>> infos = new HashMap<>();
        long minLast = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            ids[i] = resolver.apply(inputs.get(i));
            Optional<SeriesInfo> info = infos.get(ids[i]);
            if (info == null) {
                info = store.info(ids[i]);
                infos.put(ids[i], info);
            }
            if (info.isPresent() && info.get().count() > 0) {
                minLast = Math.min(minLast, Math.min(toMillis, info.get().lastTime()));
            }
        }
        long needed = (long) window + points;
        long span = (long) (needed * 1.6) + 30;
        Map<SeriesId, Read> reads = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Optional<SeriesInfo> info = infos.get(ids[i]);
            if (reads.containsKey(ids[i]) || info.isEmpty() || info.get().count() == 0
                    || info.get().firstTime() > toMillis) {
                continue;
            }
            long from = Math.max(info.get().firstTime(), (Math.floorDiv(minLast, DAY) - span) * DAY);
            SeriesData d = store.read(ids[i], from, toMillis);
            reads.put(ids[i], new Read(DailyChange.of(info.get().descriptor().kind()), from == info.get().firstTime(),
                    d.copyTimes(), d.copyColumn(d.primary())));
        }
        List<CorrelationCurve> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            for (int k = r; k < n; k++) {
                CorrelationQuery q = new CorrelationQuery(inputs.get(r), inputs.get(k), window, points, toMillis);
                Read a = reads.get(ids[r]);
                Read b = reads.get(ids[k]);
                CorrelationCurve curve = a == null || b == null ? null
                        : curve(q, a.change(), a.times(), a.values(), b.change(), b.times(), b.values());
                boolean same = curve != null
                        && (curve.commonDays() >= needed || a.whole() && b.whole() && curve.commonDays() > 0);
                out.add(same ? curve : correlate(q));
            }
        }
        return out;
    }

    /** One input's bars as {@link #correlateAll} read them, and whether from the series' start. */
    private record Read(DailyChange change, boolean whole, long[] times, double[] values) {
    }

    private static CorrelationCurve empty(CorrelationQuery q, DailyChange a, DailyChange b) {
        return new CorrelationCurve(q, a, b, new long[0], new double[0], 0L, 0);
    }

    /**
     * The curve of columns already read: joined on UTC day, the latest {@code q.points()} values
     * that have {@code q.window()} changes before them.
     */
    static CorrelationCurve curve(CorrelationQuery q, DailyChange changeA, long[] timesA, double[] valuesA,
            DailyChange changeB, long[] timesB, double[] valuesB) {
        int capacity = Math.min(timesA.length, timesB.length);
        long[] days = new long[capacity];
        double[] a = new double[capacity];
        double[] b = new double[capacity];
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
                    if (n > 0 && days[n - 1] == dayA) {
                        n--;
                    }
                    days[n] = dayA;
                    a[n] = va;
                    b[n] = vb;
                    n++;
                }
                i++;
                j++;
            }
        }
        int window = q.window();
        long lastCommonDay = n == 0 ? 0L : days[n - 1] * DAY;
        int firstEnd = Math.max(window, n - q.points());
        if (firstEnd >= n) {
            return new CorrelationCurve(q, changeA, changeB, new long[0], new double[0], lastCommonDay, n);
        }
        Changes ca = new Changes(a, n, changeA);
        Changes cb = new Changes(b, n, changeB);
        long[] times = new long[n - firstEnd];
        double[] values = new double[times.length];
        for (int end = firstEnd; end < n; end++) {
            times[end - firstEnd] = days[end] * DAY;
            values[end - firstEnd] = pearson(ca.over(end, window), cb.over(end, window), end - window + 1, end + 1);
        }
        return new CorrelationCurve(q, changeA, changeB, times, values, lastCommonDay, n);
    }

    /** Pearson correlation of {@code x[start..end-1]} and {@code y[start..end-1]}, in two passes. */
    private static double pearson(double[] x, double[] y, int start, int end) {
        int count = end - start;
        double meanX = 0;
        double meanY = 0;
        for (int k = start; k < end; k++) {
            meanX += x[k];
            meanY += y[k];
        }
        meanX /= count;
        meanY /= count;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        // Two passes (mean first) rather than running sums: accurate for returns of ~1e-3.
        for (int k = start; k < end; k++) {
            double dx = x[k] - meanX;
            double dy = y[k] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * One side's changes between consecutive common days ({@code [k]} is the change from day
     * {@code k - 1} to {@code k}), as log returns and as differences, and a running count of
     * values {@code <= 0}, so each window picks its column in O(1).
     */
    private static final class Changes {

        private final DailyChange change;
        private final double[] logReturns;
        private final double[] differences;
        /** {@code nonPositive[k]}: how many of the values {@code 0..k} are {@code <= 0}. */
        private final int[] nonPositive;

        Changes(double[] x, int n, DailyChange change) {
            this.change = change;
            differences = new double[n];
            logReturns = change == DailyChange.LOG_RETURN ? new double[n] : differences;
            nonPositive = new int[n];
            for (int k = 0; k < n; k++) {
                nonPositive[k] = (k == 0 ? 0 : nonPositive[k - 1]) + (x[k] <= 0 ? 1 : 0);
                if (k > 0) {
                    differences[k] = x[k] - x[k - 1];
                    if (change == DailyChange.LOG_RETURN) {
                        logReturns[k] = Math.log(x[k] / x[k - 1]);
                    }
                }
            }
        }

        /**
         * The column for the window of changes ending at {@code end}: log returns when the side
         * calls for them and its values {@code end - window .. end} are all positive.
         */
        double[] over(int end, int window) {
            if (change == DailyChange.DIFFERENCE) {
                return differences;
            }
            int before = end - window - 1;
            int bad = nonPositive[end] - (before < 0 ? 0 : nonPositive[before]);
            return bad == 0 ? logReturns : differences;
        }
    }
}
