package io.tideline.api.series;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a series as {@code source:symbol[:field]}, e.g. {@code fred:DGS10} or
 * {@code binance:BTCUSDT:funding}. The source is the namespace of the connector that provides
 * the series; the optional field tells apart several series of one symbol.
 *
 * <p>The whole id is at most 256 characters (the store keeps it in a column of that width); a longer
 * one is refused here, with its length, before it reaches the store.
 *
 * @param source lower-case connector namespace, {@code [a-z0-9_.-]+}
 * @param symbol the source's own symbol; no colon, no whitespace
 * @param field optional sub-series name, or {@code null}; no colon, no whitespace
 */
public record SeriesId(String source, String symbol, String field) implements Comparable<SeriesId> {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9_.-]+");
    private static final Pattern PART = Pattern.compile("[^:\\s]+");
    /** The longest id, in characters: the width of the store's SERIES_ID column. */
    private static final int MAX_CHARS = 256;

    /** Validates the parts; throws {@link IllegalArgumentException} naming the bad part. */
    public SeriesId {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(symbol, "symbol");
        int length = source.length() + 1 + symbol.length() + (field == null ? 0 : field.length() + 1);
        if (length > MAX_CHARS) {
            throw new IllegalArgumentException("series id '" + shown(source + ':' + symbol + (field == null ? ""
                    : ":" + field)) + "' is too long: " + length + " characters, at most " + MAX_CHARS);
        }
        if (!SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("series source '" + shown(source)
                    + "' must be lower-case letters, digits, '_', '.' or '-'");
        }
        if (!PART.matcher(symbol).matches()) {
            throw new IllegalArgumentException("series symbol '" + shown(symbol)
                    + "' must be non-empty without ':' or whitespace");
        }
        if (field != null && !PART.matcher(field).matches()) {
            throw new IllegalArgumentException("series field '" + shown(field)
                    + "' must be non-empty without ':' or whitespace");
        }
    }

    /** A series id without a field. */
    public static SeriesId of(String source, String symbol) {
        return new SeriesId(source, symbol, null);
    }

    /**
     * Parses {@code source:symbol[:field]}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static SeriesId parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("series id '" + shown(text)
                    + "' is not of the form source:symbol[:field], e.g. fred:DGS10");
        }
        return new SeriesId(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** A part quoted in a message: at most 80 characters, its length said when longer. */
    private static String shown(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + text.length() + " characters)";
    }

    @Override
    public int compareTo(SeriesId other) {
        return toString().compareTo(other.toString());
    }

    /** The canonical text form, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return field == null ? source + ':' + symbol : source + ':' + symbol + ':' + field;
    }
}
