package io.tideline.support.text;

/**
 * A value from a file quoted in an error message, cut to a length a terminal line can hold with its
 * full length said: {@code "aaaa… (100000 characters)"}. The same wording as the feeds'
 * {@code Printable.shortened}. Stateless and thread-safe.
 */
public final class Excerpt {

    /** How much of a value a message quotes. */
    public static final int CHARS = 80;

    private Excerpt() {
    }

    /** {@code text} cut to {@link #CHARS} characters; {@code null} gives "null". */
    public static String of(String text) {
        return of(text, CHARS);
    }

    /** {@code text} cut to {@code max} characters (not inside a surrogate pair), its length said when cut. */
    public static String of(String text, int max) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "… (" + String.format(java.util.Locale.ROOT, "%,d", text.length())
                + " characters)";
    }
}
