package io.tideline.feed.yahoo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Maps the timestamp of a daily Yahoo bar to its trading date: the date at the exchange, in the
 * exchange's time zone ({@code meta.exchangeTimezoneName}, with its historical daylight-saving
 * rules), else at the fixed {@code meta.gmtoffset}. The offset is looked up once per stretch
 * between two zone transitions, not per bar. Not thread-safe: one per parse.
 */
final class TradingDates {

    private static final long DAY_SECONDS = 86_400L;

    private final ZoneRules rules;
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;
    private int offsetSeconds;

    TradingDates(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** The epoch ms of midnight UTC of the exchange-local date of {@code epochSeconds}. */
    long midnightUtcOfLocalDate(long epochSeconds) {
        if (epochSeconds < validFrom || epochSeconds >= validUntil) {
            Instant at = Instant.ofEpochSecond(epochSeconds);
            offsetSeconds = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
            ZoneOffsetTransition next = rules.nextTransition(at);
            validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return Math.floorDiv(epochSeconds + offsetSeconds, DAY_SECONDS) * DAY_SECONDS * 1000L;
    }
}
