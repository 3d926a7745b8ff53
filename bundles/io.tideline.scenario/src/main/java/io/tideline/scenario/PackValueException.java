package io.tideline.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Thrown by a pack record's constructor when a value is missing or out of range; {@code field} is
 * relative to the record (it may be a path such as {@code conditions[0].likelihood.D}) and the
 * loader prefixes it with the record's JSON path.
 */
final class PackValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;

    PackValueException(String field, String expected, Object actual) {
        super(field + ": expected " + expected + ", got " + actual);
        this.field = field;
        this.expected = expected;
    }

    String field() {
        return field;
    }

    String expected() {
        return expected;
    }

    /** The value, refused when missing. */
    static <T> T required(String field, T value, String expected) {
        if (value == null) {
            throw new PackValueException(field, expected + " (the key is required)", "nothing");
        }
        return value;
    }

    static double real(String field, Double value, double min, double max) {
        required(field, value, "a number in [" + min + ", " + max + "]");
        if (!(value >= min && value <= max)) {
            throw new PackValueException(field, "a number in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    static int whole(String field, Integer value, int min, int max) {
        required(field, value, "a whole number in [" + min + ", " + max + "]");
        if (value < min || value > max) {
            throw new PackValueException(field, "a whole number in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    static String id(String field, String value) {
        required(field, value, "an id such as A or rates.calm");
        if (!value.matches("[A-Za-z0-9]+([._-][A-Za-z0-9]+)*")) {
            throw new PackValueException(field, "an id of letters, digits and . _ - such as A or rates.calm", value);
        }
        return value;
    }

    static String text(String field, String value) {
        required(field, value, "a text");
        if (value.isBlank()) {
            throw new PackValueException(field, "a text that is not blank", "\"" + value + "\"");
        }
        return value;
    }

    static String role(String field, String value) {
        required(field, value, "a role name such as spx or btc.funding");
        if (!value.matches("[a-z0-9]+(\\.[a-z0-9]+)*")) {
            throw new PackValueException(field, "a role name such as spx or btc.funding", value);
        }
        return value;
    }

    static <T> List<T> nonEmpty(String field, List<T> value) {
        required(field, value, "a JSON array");
        if (value.isEmpty()) {
            throw new PackValueException(field, "a JSON array that is not empty", "[]");
        }
        for (int i = 0; i < value.size(); i++) {
            required(field + "[" + i + "]", value.get(i), "a value, not null");
        }
        return List.copyOf(value);
    }

    static void oneOf(String field, String value, Collection<String> allowed) {
        required(field, value, "one of " + String.join(", ", allowed));
        if (!allowed.contains(value)) {
            throw new PackValueException(field, "one of " + String.join(" ", allowed), value);
        }
    }

    static Map<String, Double> ratios(String field, Map<String, Double> value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, Double> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Double> e : value.entrySet()) {
            copy.put(e.getKey(), real(field + "." + e.getKey(), e.getValue(), 0.01, 100));
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
