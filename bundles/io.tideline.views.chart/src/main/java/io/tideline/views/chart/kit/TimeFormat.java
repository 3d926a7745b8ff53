package io.tideline.views.chart.kit;

import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Tick labels of the time axis: the x values are epoch milliseconds UTC; the pattern follows
 * the visible span (dates when zoomed out, hours when zoomed in). Used on the UI thread only.
 */
final class TimeFormat extends Format {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private transient DateTimeFormatter pattern = DAY;
    /**
     * The labels of the last ticks and the exact tick values they were made from. SWTChart parses
     * each label back and puts "..." in place of a label whose parsed value lies more than 2 px
     * from its tick; tick values are round numbers of milliseconds, not midnights, so a day label
     * never parses back to its tick. Returning the value the label was made from keeps the label.
     */
    private transient java.util.Map<String, Long> made = new java.util.HashMap<>();

    /**
     * Picks the pattern for a visible span over a plot {@code widthPx} wide: days only when the
     * ticks (SWTChart puts one about every 64 px) are at least a day apart, so no two ticks share
     * a label.
     */
    void span(long millis, int widthPx) {
        long ticks = Math.max(1, widthPx / 64);
        pattern = millis / ticks < 86_400_000L ? SHORT : DAY;
    }

    /** A bar time as the crosshair shows it: the day, plus the time of day when not midnight. */
    static String bar(long millis) {
        return (millis % 86_400_000L == 0 ? DAY : MINUTE).format(Instant.ofEpochMilli(millis));
    }

    @Override
    public StringBuffer format(Object obj, StringBuffer toAppendTo, FieldPosition pos) {
        long millis = obj instanceof Date d ? d.getTime() : ((Number) obj).longValue();
        String text = pattern.format(Instant.ofEpochMilli(millis));
        if (made.size() > 256) {
            made.clear();
        }
        made.put(text, millis);
        return toAppendTo.append(text);
    }

    @Override
    public Object parseObject(String source, ParsePosition pos) {
        // SWTChart parses labels back to hide repeated ones; a label without a year cannot be.
        try {
            String text = source.substring(pos.getIndex()).trim();
            Long exact = made.get(text);
            if (exact != null) {
                pos.setIndex(source.length());
                return exact;
            }
            long millis = pattern == DAY
                    ? java.time.LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    : java.time.LocalDateTime.parse(text, MINUTE.withZone(null)).toInstant(ZoneOffset.UTC).toEpochMilli();
            pos.setIndex(source.length());
            return millis;
        } catch (java.time.DateTimeException e) {
            pos.setErrorIndex(pos.getIndex());
            return null;
        }
    }
}
