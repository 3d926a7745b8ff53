package io.tideline.views.desk;

import io.tideline.api.series.AssetClass;
import io.tideline.api.store.SeriesInfo;

/**
 * Whether a series' newest bar is older than its cadence allows, by the rule the chart views
 * use: more than twice its bar length behind the clock, plus the weekend for a daily series of
 * a market that closes then (anything but crypto), so Friday's close is not stale on Monday.
 */
public final class Freshness {

    private static final long DAY = 86_400_000L;

    private Freshness() {
    }

    /** The age of the newest bar in milliseconds when it is stale, else -1. */
    public static long staleAge(SeriesInfo info, long now) {
        if (info.count() == 0) {
            return -1;
        }
        long cadence = info.descriptor().timeframe().millis();
        long allowed = 2 * cadence;
        if (cadence == DAY && info.descriptor().assetClass() != AssetClass.CRYPTO) {
            allowed += 2 * DAY;
        }
        long age = now - info.lastTime();
        return age > allowed ? age : -1;
    }

    /** An age in its largest whole unit, e.g. "2 d old", in the view's language. */
    public static String age(long millis, Messages msg) {
        if (millis < 2 * DAY) {
            return msg.format("age.h", Math.max(1, millis / 3_600_000L));
        }
        if (millis < 14 * DAY) {
            return msg.format("age.d", millis / DAY);
        }
        if (millis < 60 * DAY) {
            return msg.format("age.w", millis / (7 * DAY));
        }
        return msg.format("age.mo", millis / (30 * DAY));
    }
}
