package io.tideline.api.series;

/** A value column of {@link SeriesData}. */
public enum Field {
    /** The single value of a non-OHLC series (a yield, a rate, an index level). */
    VALUE,
    /** Bar open. */
    OPEN,
    /** Bar high. */
    HIGH,
    /** Bar low. */
    LOW,
    /** Bar close. */
    CLOSE,
    /** Bar volume. */
    VOLUME
}
