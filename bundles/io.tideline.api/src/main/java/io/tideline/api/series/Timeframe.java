package io.tideline.api.series;

import java.util.Locale;

/**
 * The bar length of a series. Bars are aligned to UTC epoch multiples of their length, weeks to
 * Monday 00:00 UTC (see {@link Resampler#bucketStart}). Constants
 * are declared from the shortest to the longest, so {@link #values()} runs in ascending length
 * (code that picks "the shortest timeframe not shorter than a gap" relies on it).
 */
public enum Timeframe {
    /**
     * One minute.
     *
     * @since 1.1
     */
    M1("1m", 60_000L),
    /**
     * Five minutes, UTC-aligned (00:00, 00:05, ...).
     *
     * @since 1.1
     */
    M5("5m", 300_000L),
    /**
     * Fifteen minutes, UTC-aligned (00:00, 00:15, ...).
     *
     * @since 1.1
     */
    M15("15m", 900_000L),
    /** One hour. */
    H1("1h", 3_600_000L),
    /** Four hours, UTC-aligned (00:00, 04:00, ...). */
    H4("4h", 14_400_000L),
    /** One UTC calendar day. */
    D1("1d", 86_400_000L),
    /** One ISO week, Monday 00:00 UTC to the next Monday. */
    W1("1w", 604_800_000L);

    private final String label;
    private final long millis;

    Timeframe(String label, long millis) {
        this.label = label;
        this.millis = millis;
    }

    /** The short label used in files and on the command line, e.g. {@code 4h}. */
    public String label() {
        return label;
    }

    /** The nominal bar length in milliseconds. */
    public long millis() {
        return millis;
    }

    /**
     * Parses a label: {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 4h}, {@code 1d} or
     * {@code 1w}.
     *
     * @throws IllegalArgumentException listing the labels that are understood
     */
    public static Timeframe parse(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        for (Timeframe t : values()) {
            if (t.label.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("timeframe '" + label + "' is not one of " + labels());
    }

    /**
     * The labels of every timeframe, shortest first, e.g. for usage texts and messages.
     *
     * @since 1.1
     */
    public static String labels() {
        StringBuilder sb = new StringBuilder();
        for (Timeframe t : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(t.label);
        }
        return sb.toString();
    }
}
