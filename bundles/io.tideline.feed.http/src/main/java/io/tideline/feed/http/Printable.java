package io.tideline.feed.http;

import java.util.regex.Pattern;

/**
 * Makes text from outside (a server's body or header, a parser message quoting it, a configured
 * value) safe to echo on a terminal or in a log: the one sanitiser of the feed code.
 *
 * <p>Terminal escape sequences are removed whole ({@code ESC[2J} clears the screen,
 * {@code ESC]0;title BEL} renames the window, both would otherwise act on the user's terminal),
 * then every other control character: line breaks and tabs become a space, so a message stays on
 * its line and cannot forge a second log line; the rest (C0, DEL, C1) is dropped, as are the
 * bidirectional overrides that make text read differently from what it is. Stateless and
 * thread-safe.
 */
public final class Printable {

    /** The longest value {@link #shortened(String, int)} callers use for a configured value. */
    public static final int VALUE_CHARS = 120;

    // CSI (ESC [ or the 8-bit 0x9B, parameters, final byte), OSC/DCS/SOS/PM/APC strings (ended by
    // BEL or ESC \, or by the end of the text), and any other two-character ESC sequence.
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "(?:\u001B\\[|\u009B)[0-?]*[ -/]*[@-~]?"
                    + "|(?:\u001B[\\]PX^_]|[\u009D\u0090\u0098\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\\\|\u009C)?"
                    + "|\u001B.?");

    private Printable() {
    }

    /**
     * The text without escape sequences or control characters; line breaks and tabs become spaces.
     *
     * @param text any text; {@code null} gives {@code null}
     */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        if (s.indexOf('\u001B') >= 0 || s.indexOf('\u009B') >= 0 || s.indexOf('\u009D') >= 0
                || s.indexOf('\u0090') >= 0 || s.indexOf('\u0098') >= 0 || s.indexOf('\u009E') >= 0
                || s.indexOf('\u009F') >= 0) {
            s = ESCAPE_SEQUENCE.matcher(s).replaceAll("");
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean breakOrTab = c == '\n' || c == '\r' || c == '\t';
            boolean drop = !breakOrTab && (Character.isISOControl(c) || isBidiControl(c));
            if (breakOrTab || drop) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                if (breakOrTab) {
                    b.append(' ');
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * {@link #of(String)}, cut to {@code maxChars} characters with the length said, so a 100,000
     * character value is named without being echoed whole: {@code "https://aaaa… (100000 characters)"}.
     */
    public static String shortened(String text, int maxChars) {
        String s = of(text);
        if (s == null || s.length() <= maxChars) {
            return s;
        }
        return s.substring(0, Math.max(0, maxChars)) + "… (" + s.length() + " characters)";
    }

    /** The embedding, override and isolate controls (U+202A..U+202E, U+2066..U+2069) and the marks U+200E, U+200F. */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
    }
}
