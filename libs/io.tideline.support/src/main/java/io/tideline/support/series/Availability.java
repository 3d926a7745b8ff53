package io.tideline.support.series;

import static io.tideline.support.json.JsonValueException.whole;

import io.tideline.api.series.SeriesId;
import io.tideline.support.json.JsonValueException;
import io.tideline.support.json.StrictJsonReader;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When each series' values become known: an observation stamped on day D is available at a
 * time derived from D by the series' rule (FRED's daily series the next business day, CFTC's
 * Tuesday report on Friday, exchange bars at their close). A verdict reads only values available
 * by its decision time, in a replay exactly as live. Rules are set per source (the series id's
 * prefix) and overridden per series; the defaults ship with this class
 * ({@code default-availability.json} beside it) and {@code DATA_DIR/workspace/availability.json}
 * (same form) adds to and overrides them. Immutable and thread-safe.
 *
 * @param version 1
 * @param sources a rule per source, e.g. {@code fred}
 * @param series a rule per series id, e.g. {@code yahoo:DX-Y.NYB}; wins over its source's rule
 * @param fallback the rule of a series whose source has none (imports, test series)
 */
public record Availability(int version, Map<String, Rule> sources, Map<String, Rule> series, Rule fallback) {

    /** One day in milliseconds. */
    public static final long DAY = 86_400_000L;

    /** The bundle resource holding the defaults. */
    static final String DEFAULTS = "io/tideline/support/series/default-availability.json";

    /** The strict reader of the defaults and the workspace file. */
    public static final StrictJsonReader<Availability> READER = StrictJsonReader.of(Availability.class,
            "a JSON object with version, sources, series and fallback");

    public Availability {
        whole("version", version, 1, 1);
        sources = Map.copyOf(sources == null ? Map.of() : sources);
        series = Map.copyOf(series == null ? Map.of() : series);
        for (String id : series.keySet()) {
            try {
                SeriesId.parse(id);
            } catch (IllegalArgumentException e) {
                throw new JsonValueException("series", "series ids of the form source:symbol[:field], e.g. fred:DGS10",
                        id);
            }
        }
        if (fallback == null) {
            throw new JsonValueException("fallback", "a rule for series of other sources", null);
        }
    }

    /** The defaults shipped in the bundle; they are tested, so failing here is a build error. */
    public static Availability defaults() {
        return READER.resource(Availability.class.getClassLoader(), DEFAULTS);
    }

    /**
     * The defaults with a workspace file's rules laid over them: its sources and series replace
     * the defaults' of the same name, its fallback replaces theirs.
     */
    public Availability over(Availability base) {
        Map<String, Rule> s = new java.util.HashMap<>(base.sources);
        s.putAll(sources);
        Map<String, Rule> k = new java.util.HashMap<>(base.series);
        k.putAll(series);
        return new Availability(1, s, k, fallback);
    }

    /**
     * The rule of each role: that of the series it is bound to, the fallback for an unbound role.
     *
     * @param binding the series a role is bound to, if any
     */
    public java.util.function.Function<String, Rule> byRole(
            java.util.function.Function<String, java.util.Optional<SeriesId>> binding) {
        return role -> binding.apply(role).map(this::of).orElse(fallback);
    }

    /**
     * The rules in force, read from a workspace file laid over the defaults and kept at their last
     * valid state when the file turns invalid (the checklist and the scenario odds each keep one).
     */
    public static io.tideline.support.json.LastValidFile<Availability> watcher() {
        return new io.tideline.support.json.LastValidFile<>(Availability::defaults,
                file -> READER.read(file).over(defaults()));
    }

    /** The rule of a series: its own, else its source's, else the fallback. */
    public Rule of(SeriesId id) {
        Rule r = series.get(id.toString());
        if (r == null) {
            r = sources.get(id.source());
        }
        return r == null ? fallback : r;
    }

    /**
     * One availability rule. {@code after} says how the day of availability follows the
     * observation's day D (UTC): {@code calendar-days} D + count, {@code business-days} count
     * Monday-to-Friday days after D (no holiday calendar: a holiday counts as a business day),
     * {@code weekday} the first {@code weekday} on or after D + count. The value is available at
     * {@code at} (HH:MM, UTC) that day. A value observed more than {@code maxAgeDays} calendar
     * days before a verdict's day is stale: the verdict does not use it.
     *
     * @param after {@code calendar-days}, {@code business-days} or {@code weekday}
     * @param count days to add, 0..30
     * @param weekday for {@code weekday} only, e.g. {@code FRIDAY}; null otherwise
     * @param at time of day, UTC, {@code HH:MM}
     * @param maxAgeDays the staleness limit, 1..60 days
     */
    public record Rule(String after, Integer count, String weekday, String at, Integer maxAgeDays) {

        static final List<String> KINDS = List.of("calendar-days", "business-days", "weekday");

        public Rule {
            JsonValueException.oneOf("after", after, KINDS);
            whole("count", count, 0, 30);
            if (after.equals("weekday")) {
                if (weekday == null) {
                    throw new JsonValueException("weekday", "a day such as FRIDAY (required with after: weekday)", null);
                }
                try {
                    DayOfWeek.valueOf(weekday);
                } catch (IllegalArgumentException e) {
                    throw new JsonValueException("weekday", "MONDAY..SUNDAY", weekday);
                }
            } else if (weekday != null) {
                throw new JsonValueException("weekday", "no weekday unless after is weekday", weekday);
            }
            minutes(at);
            whole("maxAgeDays", maxAgeDays, 1, 60);
        }

        /** A rule in code: e.g. {@code Rule.of("calendar-days", 0, "00:00", 10)}, for tests and the defaults. */
        public static Rule of(String after, int count, String at, int maxAgeDays) {
            return new Rule(after, count, null, at, maxAgeDays);
        }

        private static int minutes(String at) {
            if (at == null) {
                throw new JsonValueException("at", "a time of day HH:MM (UTC)", null);
            }
            try {
                LocalTime t = LocalTime.parse(at);
                if (t.getSecond() != 0 || at.length() != 5) {
                    throw new DateTimeParseException("seconds", at, 0);
                }
                return t.getHour() * 60 + t.getMinute();
            } catch (DateTimeParseException e) {
                throw new JsonValueException("at", "a time of day HH:MM (UTC)", at);
            }
        }

        /** The staleness limit in milliseconds. */
        public long maxAgeMillis() {
            return maxAgeDays * DAY;
        }

        /**
         * When a value observed at {@code observed} (epoch ms UTC) is available, epoch ms UTC.
         * Non-decreasing in {@code observed}, so a column of availability times is sorted like
         * its observations. Allocation-free: called once per bar.
         */
        public long availableAt(long observed) {
            long day = Math.floorDiv(observed, DAY);
            long target = switch (after) {
                case "calendar-days" -> day + count;
                case "business-days" -> plusBusinessDays(day, count);
                default -> nextWeekday(day + count, DayOfWeek.valueOf(weekday).getValue());
            };
            // 'at' was checked to be HH:MM in the constructor: read its digits without allocating
            int minutes = ((at.charAt(0) - '0') * 10 + at.charAt(1) - '0') * 60 + (at.charAt(3) - '0') * 10
                    + at.charAt(4) - '0';
            return target * DAY + minutes * 60_000L;
        }

        /** ISO day of week (Monday 1 .. Sunday 7) of an epoch day; 1970-01-01 was a Thursday. */
        public static int dayOfWeek(long epochDay) {
            return (int) Math.floorMod(epochDay + 3, 7L) + 1;
        }

        private static long plusBusinessDays(long day, int n) {
            long d = day;
            for (int k = 0; k < n; k++) {
                d++;
                while (dayOfWeek(d) > 5) {
                    d++;
                }
            }
            return d;
        }

        private static long nextWeekday(long day, int weekday) {
            return day + Math.floorMod(weekday - dayOfWeek(day), 7);
        }

        /** In words, for evidence: e.g. {@code next business day 21:00 UTC}. */
        public String describe() {
            String when = switch (after) {
                case "calendar-days" -> count == 0 ? "the same day" : count == 1 ? "the next day" : count + " days later";
                case "business-days" -> count == 1 ? "the next business day" : count + " business days later";
                default -> "the first " + weekday.toLowerCase(Locale.ROOT) + (count == 0 ? " on or after" : " "
                        + count + "+ days after") + " the observation";
            };
            return "available " + when + " at " + at + " UTC, stale after " + maxAgeDays + " days";
        }
    }
}
