package io.tideline.feed.binance;

import io.tideline.api.series.SeriesBuilder;
import io.tideline.api.series.SeriesData;
import java.util.Arrays;

/**
 * Liquidated notional of one perpetual per UTC hour, long and short positions apart, for the last
 * {@value #CAPACITY_HOURS} hours: a ring of hour slots, so memory stays fixed however long
 * Tideline runs. An hour is reported once it is complete and only if the stream delivered at
 * least one liquidation in it; an hour without any (or while the stream was down) is absent.
 *
 * <p>Thread-safe: the stream thread adds while fetches read, under this object's lock.
 */
final class LiquidationBook {

    /** One hour in milliseconds. */
    static final long HOUR_MILLIS = 3_600_000L;

    /** How many hours are kept (30 days). */
    static final int CAPACITY_HOURS = 24 * 30;

    private final long[] hours = new long[CAPACITY_HOURS];
    private final double[] longs = new double[CAPACITY_HOURS];
    private final double[] shorts = new double[CAPACITY_HOURS];
    private long events;

    LiquidationBook() {
        Arrays.fill(hours, Long.MIN_VALUE);
    }

    /** Adds a liquidation to the hour of its trade time; one older than the kept hours is dropped. */
    synchronized void add(BinanceJson.Liquidation liquidation) {
        long hour = Math.floorDiv(liquidation.tradeTime(), HOUR_MILLIS);
        int slot = (int) Math.floorMod(hour, (long) CAPACITY_HOURS);
        if (hours[slot] != hour) {
            if (hours[slot] > hour) {
                return; // the slot already holds a later hour: this one has rolled out of the window
            }
            hours[slot] = hour;
            longs[slot] = 0;
            shorts[slot] = 0;
        }
        if (liquidation.longPosition()) {
            longs[slot] += liquidation.notional();
        } else {
            shorts[slot] += liquidation.notional();
        }
        events++;
    }

    /** How many liquidations were added so far. */
    synchronized long events() {
        return events;
    }

    /**
     * The complete hours whose start lies in the range, each stamped at its start.
     *
     * @param longPositions {@code true} for liquidated longs, {@code false} for shorts
     * @param nowMillis the current time: an hour is complete once its end has passed
     */
    synchronized SeriesData completedHours(boolean longPositions, long fromMillis, long toMillis, long nowMillis) {
        long first = Math.floorDiv(fromMillis + HOUR_MILLIS - 1, HOUR_MILLIS);
        long last = Math.min(Math.floorDiv(toMillis, HOUR_MILLIS), Math.floorDiv(nowMillis, HOUR_MILLIS) - 1);
        first = Math.max(first, last - CAPACITY_HOURS + 1);
        SeriesBuilder out = SeriesBuilder.values(Long.MIN_VALUE, Long.MAX_VALUE);
        for (long hour = first; hour <= last; hour++) {
            int slot = (int) Math.floorMod(hour, (long) CAPACITY_HOURS);
            if (hours[slot] == hour) {
                out.add(hour * HOUR_MILLIS, longPositions ? longs[slot] : shorts[slot]);
            }
        }
        return out.build();
    }
}
