package io.tideline.api.desk;

/** The EventAdmin topic the desk posts each snapshot on, and its properties. */
public final class DeskEvents {

    /** Posted after each new {@link DeskSnapshot}. */
    public static final String TOPIC_UPDATED = "io/tideline/desk/UPDATED";
    /** The snapshot's revision ({@code Long}). */
    public static final String REVISION = "revision";
    /** The snapshot's day, yyyy-MM-dd ({@code String}; absent when it holds no verdict). */
    public static final String DAY = "day";
    /** The computation that made it, in microseconds ({@code Long}). */
    public static final String COMPUTE_MICROS = "computeMicros";

    private DeskEvents() {
    }
}
