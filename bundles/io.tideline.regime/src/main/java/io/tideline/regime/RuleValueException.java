package io.tideline.regime;

/**
 * Thrown by a rules record's constructor when one of its values is out of range; the loader
 * prefixes the field with the JSON path of the record.
 */
final class RuleValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;

    RuleValueException(String field, String expected, Object actual) {
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

    static int whole(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new RuleValueException(field, "a whole number in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    static double real(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new RuleValueException(field, "a number in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    static String role(String field, String value) {
        if (value == null || !value.matches("[a-z0-9]+(\\.[a-z0-9]+)*")) {
            throw new RuleValueException(field, "a role name such as spx or btc.funding", value);
        }
        return value;
    }
}
