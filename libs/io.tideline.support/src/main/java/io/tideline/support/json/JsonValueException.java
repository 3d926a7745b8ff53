package io.tideline.support.json;

import io.tideline.support.text.Excerpt;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by a record's compact constructor when one of its values is missing or out of range.
 * {@code field} is relative to the record (it may itself be a path such as
 * {@code conditions[0].likelihood.D}); {@link StrictJsonReader} prefixes it with the record's JSON
 * path. The static checks return the value they accept, so a constructor reads
 * {@code x = real("x", x, 0, 1)}.
 */
public final class JsonValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;
    private final String actual;

    /**
     * @param field the field, relative to the record
     * @param expected what was expected, e.g. "a number in [0.0, 1.0]"
     * @param actual the value found (shown with {@link String#valueOf(Object)}, cut to
     *     {@value Excerpt#CHARS} characters, as is the field: both may come from the file)
     */
    public JsonValueException(String field, String expected, Object actual) {
        super(Excerpt.of(field) + ": expected " + expected + ", got " + Excerpt.of(String.valueOf(actual)));
        this.field = Excerpt.of(field);
        this.expected = expected;
        this.actual = Excerpt.of(String.valueOf(actual));
    }

    /** The field, relative to the record. */
    public String field() {
        return field;
    }

    /** What was expected. */
    public String expected() {
        return expected;
    }

    /** The value found, as text. */
    public String actual() {
        return actual;
    }

    /** The value, refused when missing (null). */
    public static <T> T required(String field, T value, String expected) {
        if (value == null) {
            throw new JsonValueException(field, expected + " (the key is required)", "nothing");
        }
        return value;
    }

    /** A number in {@code [min, max]}; NaN is refused. */
    public static double real(String field, Double value, double min, double max) {
        required(field, value, "a number in [" + min + ", " + max + "]");
        if (!(value >= min && value <= max)) {
            throw new JsonValueException(field, "a number in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    /** A whole number in {@code [min, max]}. */
    public static int whole(String field, Integer value, int min, int max) {
        required(field, value, "a whole number in [" + min + ", " + max + "]");
        if (value < min || value > max) {
            throw new JsonValueException(field, "a whole number in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    /** An id of letters and digits, joined by {@code . _ -}. */
    public static String id(String field, String value) {
        required(field, value, "an id such as A or rates.calm");
        if (!value.matches("[A-Za-z0-9]+([._-][A-Za-z0-9]+)*")) {
            throw new JsonValueException(field, "an id of letters, digits and . _ - such as A or rates.calm", value);
        }
        return value;
    }

    /** A text that is not blank. */
    public static String text(String field, String value) {
        required(field, value, "a text");
        if (value.isBlank()) {
            throw new JsonValueException(field, "a text that is not blank", "\"" + value + "\"");
        }
        return value;
    }

    /** A workspace role name: lower-case words of letters and digits joined by dots. */
    public static String role(String field, String value) {
        required(field, value, "a role name such as spx or btc.funding");
        if (value.length() > 64) {
            throw new JsonValueException(field, "a role name of at most 64 characters", value);
        }
        if (!value.matches("[a-z0-9]+(\\.[a-z0-9]+)*")) {
            throw new JsonValueException(field, "a role name such as spx or btc.funding", value);
        }
        return value;
    }

    /** An unmodifiable copy of a list that is present, not empty and holds no null. */
    public static <T> List<T> nonEmpty(String field, List<T> value) {
        required(field, value, "a JSON array");
        if (value.isEmpty()) {
            throw new JsonValueException(field, "a JSON array that is not empty", "[]");
        }
        for (int i = 0; i < value.size(); i++) {
            required(field + "[" + i + "]", value.get(i), "a value, not null");
        }
        return List.copyOf(value);
    }

    /** One of the allowed values. */
    public static void oneOf(String field, String value, Collection<String> allowed) {
        required(field, value, "one of " + String.join(", ", allowed));
        if (!allowed.contains(value)) {
            throw new JsonValueException(field, "one of " + String.join(" ", allowed), value);
        }
    }

    /** An unmodifiable copy of a map of ratios in [0.01, 100] (empty when absent), in key order. */
    public static Map<String, Double> ratios(String field, Map<String, Double> value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : value.entrySet()) {
            copy.put(e.getKey(), real(field + "." + e.getKey(), e.getValue(), 0.01, 100));
        }
        return Collections.unmodifiableMap(copy);
    }
}
