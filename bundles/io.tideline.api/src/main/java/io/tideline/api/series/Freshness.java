package io.tideline.api.series;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Whether a series' newest bar is too old to be read as current, measured against the instant a
 * view is seen as of: the end of the workspace's pinned day, or now when no day is pinned (see
 * {@link #asOf}). A bar is stale when it is more than twice its cadence behind that instant; a
 * daily series that does not trade at weekends gets two more days, so Friday's close is not stale
 * on Monday. Whether a series trades at weekends is read from its bars (any Saturday or Sunday
 * among its last 14 bars by then), which needs no knowledge of the market: crypto's daily bars
 * have weekends, an index's or a yield's have not.
 *
 * <p>Only bars at or before the as-of instant count: a series whose newest stored bar lies after
 * the pinned day is judged by the bar it had on that day. The one rule for every view (the charts,
 * the heatmap), so the same series is stale in all of them or in none. Stateless and thread-safe.
 *
 * @since 1.2
 */
public final class Freshness {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** How many of the newest bars say whether a series trades at weekends (three weeks of days). */
    private static final int WEEKEND_PROBE = 14;

    private Freshness() {
    }

    /**
     * The instant a view is seen as of: the end of {@code day} (midnight UTC after it, so every bar
     * of that day counts) when a day is pinned, else {@code now}.
     *
     * @param day the pinned day, or {@code null} for the newest data
     * @param now the clock, epoch milliseconds
     * @return epoch milliseconds
     */
    public static long asOf(LocalDate day, long now) {
        return day == null ? now : endOfDay(day);
    }

    /**
     * Midnight UTC after {@code day}: the first instant not of it. A read "up to the end of the day"
     * reads times strictly before it.
     */
    public static long endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * The age of the newest bar at or before {@code asOf} in milliseconds when it is stale, else -1.
     * A series with no bar by then is not stale but absent (-1): the caller says "no data" for it.
     *
     * @param times the bar times, epoch milliseconds, ascending
     * @param cadence the series' native bar length
     * @param asOf the instant the view is seen as of ({@link #asOf})
     */
    public static long staleAge(long[] times, Timeframe cadence, long asOf) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(cadence, "cadence");
        int last = lastAtOrBefore(times, asOf);
        if (last < 0) {
            return -1;
        }
        long age = asOf - times[last];
        return age > allowedAge(cadence, times, last) ? age : -1;
    }

    /**
     * How old the newest bar may be before it is stale: twice the cadence, plus two days for a
     * daily series whose bars up to index {@code last} show no weekend.
     */
    static long allowedAge(Timeframe cadence, long[] times, int last) {
        long allowed = 2 * cadence.millis();
        if (cadence == Timeframe.D1 && !tradesWeekends(times, last)) {
            allowed += 2 * DAY;
        }
        return allowed;
    }

    /** The index of the last time at or before {@code asOf}, or -1 when every time is after it. */
    static int lastAtOrBefore(long[] times, long asOf) {
        int lo = 0;
        int hi = times.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= asOf) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static boolean tradesWeekends(long[] times, int last) {
        for (int i = Math.max(0, last - WEEKEND_PROBE + 1); i <= last; i++) {
            DayOfWeek d = LocalDate.ofEpochDay(Math.floorDiv(times[i], DAY)).getDayOfWeek();
            if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
                return true;
            }
        }
        return false;
    }

    /**
     * An age in the largest whole unit a reader takes in at a glance: hours below two days, days
     * below two weeks, weeks below about two months, else months of 30 days. Views word it in
     * their language ("5 h old", "2 d old", "3 wk old", "4 mo old").
     *
     * @param count how many units, at least 1
     * @param unit the unit
     */
    public record Age(long count, Unit unit) {

        /** The units an age is said in. */
        public enum Unit {
            /** Hours. */
            HOURS,
            /** Days of 24 hours. */
            DAYS,
            /** Weeks of 7 days. */
            WEEKS,
            /** Months of 30 days. */
            MONTHS
        }

        /** Checks the unit is given and the count positive. */
        public Age {
            Objects.requireNonNull(unit, "unit");
            if (count < 1) {
                throw new IllegalArgumentException("an age counts at least one " + unit + ", not " + count);
            }
        }

        /** The age of {@code millis} (a stale age, so positive) in its largest whole unit. */
        public static Age of(long millis) {
            if (millis < 2 * DAY) {
                return new Age(Math.max(1, millis / HOUR), Unit.HOURS);
            }
            if (millis < 14 * DAY) {
                return new Age(millis / DAY, Unit.DAYS);
            }
            if (millis < 60 * DAY) {
                return new Age(millis / (7 * DAY), Unit.WEEKS);
            }
            return new Age(millis / (30 * DAY), Unit.MONTHS);
        }

        /** The age in English short units, as the command line says it: {@code 3 h}, {@code 5 d}, {@code 2 wk}, {@code 4 mo}. */
        public String shortText() {
            return count + switch (unit) {
                case HOURS -> " h";
                case DAYS -> " d";
                case WEEKS -> " wk";
                case MONTHS -> " mo";
            };
        }
    }
}
