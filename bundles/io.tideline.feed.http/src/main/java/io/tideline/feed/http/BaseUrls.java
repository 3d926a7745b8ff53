package io.tideline.feed.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Reads a connector's configured base URL, the one way: absolute, of an allowed scheme, no trailing slash. */
public final class BaseUrls {

    private BaseUrls() {
    }

    /**
     * Parses {@code text}, configured as {@code pid}'s {@code field}.
     *
     * @param example a URL to show in the error, e.g. {@code https://api.stlouisfed.org}
     * @param schemes the allowed schemes, e.g. {@code http}, {@code https}
     * @throws IllegalArgumentException naming the PID, the field, the text and an example
     */
    public static URI parse(String pid, String field, String text, String example, String... schemes) {
        String trimmed = text == null ? "" : text.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            // A scheme-relative URL (//host/path) has a host but no scheme: List.contains(null) throws.
            if (uri.getHost() == null || uri.getScheme() == null || !List.of(schemes).contains(uri.getScheme())) {
                throw new URISyntaxException(trimmed, "expected an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(pid + ": " + field + " '" + trimmed + "' is not an absolute "
                    + words(schemes) + " URL such as " + example, e);
        }
    }

    /** {@code http(s)} for http and https, {@code ws(s)} for ws and wss, else the schemes joined by '/'. */
    private static String words(String... schemes) {
        if (schemes.length == 2 && schemes[1].equals(schemes[0] + "s")) {
            return schemes[0] + "(s)";
        }
        return String.join("/", schemes);
    }
}
