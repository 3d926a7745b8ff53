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

    /**
     * The day a view is of, in the words of the status bar and the checklist: "as of 2026-02-06
     * (the sample's date)" or "as of 2026-03-10 (set by you)" while the workspace is pinned, else
     * "as of 2026-08-22 (newest data)" for the newest day {@code newest} (plain "as of" when it is
     * only the view's own last day, {@code newestIsOwn}). The brief form ("2026-02-06 (sample
     * date)") is for narrow places.
     *
     * @param pinned the workspace's date, or {@code null}
     * @param newest the day shown when not pinned, {@code YYYY-MM-DD}
     */
    public static String asOf(Messages msg, io.tideline.api.workspace.WorkspaceDate.Pinned pinned, String newest,
            boolean newestIsOwn, boolean brief) {
        String suffix = brief ? ".short" : "";
        if (pinned == null) {
            return msg.format((newestIsOwn ? "asof.day" : "asof.newest") + suffix, newest);
        }
        return io.tideline.api.workspace.WorkspaceDate.SAMPLE_REASON.equals(pinned.reason())
                ? msg.format("asof.sample" + suffix, pinned.day().toString())
                : msg.format("asof.pinned" + suffix, pinned.day().toString(), pinned.reason());
    }

    /** The UTC date and time of an epoch-ms time; a dash for 0. */
    public static String time(long millis) {
        return millis == 0 ? "\u2014" : TIME.format(Instant.ofEpochMilli(millis));
    }
}
