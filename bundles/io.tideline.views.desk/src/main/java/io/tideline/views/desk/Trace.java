package io.tideline.views.desk;

import io.tideline.api.series.SeriesId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Words that trace a number to its source: roles with their series, and days. */
public final class Trace {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Trace() {
    }

    /**
     * {@code role = series} for a role, or for each of several joined with {@code /} (as
     * evidence names pairs, e.g. {@code btc/ndx}); an unbound role says so.
     */
    public static String roles(String role, Map<String, SeriesId> bindings) {
        StringBuilder sb = new StringBuilder();
        for (String part : role.split("/")) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            SeriesId id = bindings.get(part.strip());
            sb.append(part.strip()).append(" = ").append(id == null ? "?" : id.toString());
        }
        return sb.toString();
    }

    /** The UTC day of an epoch-ms time, {@code YYYY-MM-DD}; a dash for 0. */
    public static String day(long millis) {
        return millis == 0 ? "\u2014" : DAY.format(Instant.ofEpochMilli(millis));
    }

    /** The UTC date and time of an epoch-ms time; a dash for 0. */
    public static String time(long millis) {
        return millis == 0 ? "\u2014" : TIME.format(Instant.ofEpochMilli(millis));
    }
}
