package io.tideline.api.series;

import java.util.Locale;

/** The bar length of a series. Bars are aligned to UTC epoch multiples of their length. */
public enum Timeframe {
    /** One hour. */
    H1("1h", 3_600_000L),
    /** Four hours, UTC-aligned (00:00, 04:00, ...). */
    H4("4h", 14_400_000L),
    /** One UTC calendar day. */
    D1("1d", 86_400_000L),
    /** One week. */
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
     * Parses a label such as {@code 1h}, {@code 4h}, {@code 1d} or {@code 1w}.
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
        throw new IllegalArgumentException("timeframe '" + label + "' is not one of 1h, 4h, 1d, 1w");
    }
}
