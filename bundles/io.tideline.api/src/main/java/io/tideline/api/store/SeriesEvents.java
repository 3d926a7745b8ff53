package io.tideline.api.store;

/** EventAdmin topics and property keys of series change notices. */
public final class SeriesEvents {

    /** Posted after a committed upsert. */
    public static final String TOPIC_APPENDED = "io/tideline/series/APPENDED";
    /** Posted after a series was deleted. */
    public static final String TOPIC_DELETED = "io/tideline/series/DELETED";
    /** Event property: the series id as text ({@code String}). */
    public static final String SERIES = "series";
    /** Event property: first timestamp written, epoch ms UTC ({@code Long}). */
    public static final String FROM = "from";
    /** Event property: last timestamp written, epoch ms UTC ({@code Long}). */
    public static final String TO = "to";
    /** Event property: number of bars written ({@code Integer}). */
    public static final String COUNT = "count";

    private SeriesEvents() {
    }
}
