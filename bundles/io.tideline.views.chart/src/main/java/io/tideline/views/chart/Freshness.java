package io.tideline.views.chart;

import io.tideline.api.series.Timeframe;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Whether a series' newest bar is older than its cadence allows: more than twice its bar length
 * behind the clock (a daily series without weekend bars gets the weekend on top, so Friday's
 * close is not stale on Monday). The age is said in the largest whole unit: "5 h old",
 * "2 d old", "3 w old", "4 mo old".
 */
final class Freshness {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private Freshness() {
    }

    /**
     * The age of the newest bar in milliseconds when it is stale, else -1.
     *
     * @param times the bar times, ascending (only the last 14 are read)
     * @param cadence the series' native bar length
     * @param now the clock, epoch milliseconds
     */
    static long staleAge(long[] times, Timeframe cadence, long now) {
        if (times.length == 0) {
            return -1;
        }
        long last = times[times.length - 1];
        long allowed = 2 * cadence.millis();
        if (cadence == Timeframe.D1 && !tradesWeekends(times)) {
            allowed += 2 * DAY;
        }
        long age = now - last;
        return age > allowed ? age : -1;
    }

    private static boolean tradesWeekends(long[] times) {
        for (int i = Math.max(0, times.length - 14); i < times.length; i++) {
            DayOfWeek d = Instant.ofEpochMilli(times[i]).atZone(ZoneOffset.UTC).getDayOfWeek();
            if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
                return true;
            }
        }
        return false;
    }

    /** An age in its largest whole unit, e.g. "2 d old", in the view's language. */
    static String age(long millis, Messages msg) {
        if (millis < 2 * DAY) {
            return msg.get("age.h", Math.max(1, millis / HOUR));
        }
        if (millis < 14 * DAY) {
            return msg.get("age.d", millis / DAY);
        }
        if (millis < 60 * DAY) {
            return msg.get("age.w", millis / (7 * DAY));
        }
        return msg.get("age.mo", millis / (30 * DAY));
    }
}
