package io.tideline.api.series;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a time written by a person or a file as epoch milliseconds UTC: an ISO date ({@code 2020-03-16},
 * midnight UTC), an ISO date-time with {@code Z} or an offset ({@code 2020-03-16T14:30:00+02:00},
 * a space instead of the {@code T} is accepted), or epoch seconds or milliseconds (a number of at
 * least 1e11 is milliseconds: as seconds it would be after the year 5000).
 */
public final class Times {

    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Times() {
    }

    /**
     * Parses a time; a date alone is its first millisecond.
     *
     * @throws IllegalArgumentException saying what the text is not and what is expected
     */
    public static long parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the time is empty");
        }
        if (isInteger(t)) {
            long n = Long.parseLong(t);
            return Math.abs(n) >= MILLIS_THRESHOLD ? n : Math.multiplyExact(n, 1000L);
        }
        if (t.length() == 10) {
            try {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw notATime(text);
            }
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (ArithmeticException e) {
            // java.time reads years up to 999,999,999; milliseconds in a long reach 292 million years
            // from 1970. Without this the caller got "long overflow" (or, once the JIT had made the
            // throw hot, an ArithmeticException without any message).
            throw new IllegalArgumentException("'" + shown(text) + "' is too far from 1970 to be held in"
                    + " milliseconds: expected a time within 292 million years of 1970, such as 2020-03-16T14:30:00Z");
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(iso);
                throw new IllegalArgumentException("'" + shown(text) + "' has no time zone; write it with Z or an offset,"
                        + " e.g. " + iso + "Z");
            } catch (DateTimeParseException notLocal) {
                throw notATime(text);
            }
        }
    }

    /**
     * Parses the end of a range: a date alone is its last millisecond (so {@code --to 2020-03-16}
     * includes that day's bars), anything else as {@link #parse(String)}.
     *
     * @throws IllegalArgumentException saying what the text is not and what is expected
     */
    public static long parseEnd(String text) {
        String t = text.strip();
        if (t.length() == 10 && t.charAt(4) == '-') {
            return parse(t) + 86_399_999L;
        }
        return parse(t);
    }

    private static IllegalArgumentException notATime(String text) {
        return new IllegalArgumentException("'" + shown(text) + "' is not a time: expected a date (2020-03-16), a"
                + " date-time with offset (2020-03-16T14:30:00Z) or epoch seconds/milliseconds");
    }

    /** The text quoted in a message: at most 80 characters, its length said when longer. */
    private static String shown(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + text.length() + " characters)";
    }

    private static boolean isInteger(String t) {
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == t.length() || t.length() > 19) {
            return false;
        }
        for (int i = start; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
