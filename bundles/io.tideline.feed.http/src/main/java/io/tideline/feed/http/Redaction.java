package io.tideline.feed.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from URLs and from text that may contain URLs, before either reaches a
 * message, a log line or the screen.
 *
 * <p>The values of query parameters named {@code api_key}, {@code apikey}, {@code key},
 * {@code token}, {@code signature}, {@code secret} and {@code password} (in any letter case)
 * become {@code ***}, as does the user-info part of a URL ({@code https://user:pw@host}).
 * Stateless and thread-safe.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    // A parameter name must not continue a longer word ("monkey=" is not "key="); the value
    // runs to the next separator of a query string or of the surrounding text.
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?<![A-Za-z0-9_])(api_key|apikey|key|token|signature|secret|password)=([^&#\\s\"'<>]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#@\\s]+@");

    private Redaction() {
    }

    /**
     * Returns the text with every secret masked.
     *
     * @param urlOrText a URL, or any text that may contain URLs; {@code null} gives {@code null}
     * @return the redacted text
     */
    public static String redact(String urlOrText) {
        if (urlOrText == null || urlOrText.isEmpty()) {
            return urlOrText;
        }
        String withoutUsers = USER_INFO.matcher(urlOrText).replaceAll(MASK + "@");
        Matcher m = SECRET_PARAMETER.matcher(withoutUsers);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "=" + MASK));
    }
}
