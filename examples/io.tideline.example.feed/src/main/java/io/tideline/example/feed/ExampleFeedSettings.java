package io.tideline.example.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of one example feed. {@link #toString()} never shows the API key.
 *
 * @param baseUrl the service's base URL, http or https, without a trailing slash
 * @param symbols the symbols offered, upper case, without duplicates, in configured order
 * @param apiKey the API key, or {@code ""} when none is set
 */
record ExampleFeedSettings(URI baseUrl, List<String> symbols, String apiKey) {

    // What a SeriesId symbol allows, narrowed to what this service's symbols look like.
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9._-]+");

    ExampleFeedSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        symbols = List.copyOf(symbols);
        apiKey = Objects.requireNonNullElse(apiKey, "").strip();
    }

    /**
     * Reads and checks the configured values.
     *
     * @throws IllegalArgumentException naming the PID, the setting and what was expected
     */
    static ExampleFeedSettings of(String baseUrl, List<String> symbols, String apiKey) {
        return new ExampleFeedSettings(url(baseUrl), symbols(symbols), apiKey);
    }

    /** Whether a key is set. */
    boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    private static URI url(String text) {
        String t = Objects.requireNonNullElse(text, "").strip();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with what is expected
        }
        throw new IllegalArgumentException(ExampleFeedConnector.PID + ": baseUrl '" + t + "' is not an http(s) URL"
                + " without query or user name, e.g. https://data.example.com");
    }

    /** A .cfg file gives one string "ACME,GLOBEX"; the settings form gives an array: both are read. */
    private static List<String> symbols(List<String> configured) {
        Set<String> unique = new LinkedHashSet<>();
        for (String entry : configured) {
            for (String part : Objects.requireNonNullElse(entry, "").split(",")) {
                String symbol = part.strip().toUpperCase(Locale.ROOT);
                if (symbol.isEmpty()) {
                    continue;
                }
                if (!SYMBOL.matcher(symbol).matches()) {
                    throw new IllegalArgumentException(ExampleFeedConnector.PID + ": symbols holds '" + part.strip()
                            + "', expected letters, digits, '.', '_' or '-', e.g. ACME");
                }
                unique.add(symbol);
            }
        }
        return List.copyOf(unique);
    }

    @Override
    public String toString() {
        return "ExampleFeedSettings[baseUrl=" + baseUrl + ", symbols=" + symbols + ", apiKey="
                + (hasApiKey() ? "(set)" : "(none)") + "]";
    }
}
