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

    /**
     * {@code text} cut like {@link #of(String, int)}, with control characters and bidi controls
     * shown as escapes ({@code \n}, {@code \t}, and a backslash, u and four hex digits for the rest) so a value quoted in a
     * one-line message cannot break the line, move the cursor or reverse the text after it.
     */
    public static String printable(String text, int max) {
        String cut = of(text, max);
        StringBuilder b = null;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E')
                        || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                        ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : null;
            };
            if (escape != null && b == null) {
                b = new StringBuilder(cut.length() + 16).append(cut, 0, i);
            }
            if (escape != null) {
                b.append(escape);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? cut : b.toString();
    }
}
