package io.tideline.feed.fred;

import io.tideline.feed.http.BaseUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of one FRED connector. {@link #toString()} never shows the API key.
 *
 * @param series the FRED series ids, without duplicates, in configured order
 * @param apiKey the API key, or {@code ""} for the key-less download
 * @param baseUrl the FRED API base, without a trailing slash
 * @param graphBaseUrl the key-less download base, without a trailing slash
 * @param timeout the time-out of one request
 * @param maxAttempts the most requests per fetch
 */
record FredSettings(List<String> series, String apiKey, URI baseUrl, URI graphBaseUrl, Duration timeout,
        int maxAttempts) {

    private static final Pattern FRED_ID = Pattern.compile("[A-Za-z0-9_.-]+");

    FredSettings {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(graphBaseUrl, "graphBaseUrl");
        Objects.requireNonNull(timeout, "timeout");
        Set<String> unique = new LinkedHashSet<>();
        for (String id : series) {
            String trimmed = id == null ? "" : id.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!FRED_ID.matcher(trimmed).matches()) {
                throw new IllegalArgumentException(FredConnector.PID + ": series '" + trimmed
                        + "' is not a FRED series id (letters, digits, '_', '.', '-'), e.g. DGS10");
            }
            unique.add(trimmed);
        }
        series = List.copyOf(new ArrayList<>(unique));
        apiKey = apiKey.trim();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(FredConnector.PID + ": timeoutSeconds must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(FredConnector.PID + ": maxAttempts must be at least 1, was "
                    + maxAttempts);
        }
    }

    /** The settings from a ConfigAdmin configuration. */
    static FredSettings from(FredConfig config) {
        return new FredSettings(List.of(config.series()), config._apiKey(), url("baseUrl", config.baseUrl()),
                url("graphBaseUrl", config.graphBaseUrl()), Duration.ofSeconds(config.timeoutSeconds()),
                config.maxAttempts());
    }

    /** Whether requests go to the FRED API (JSON) rather than the key-less CSV download. */
    boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "FredSettings[series=" + series + ", apiKey=" + (hasApiKey() ? "(set)" : "(none)") + ", baseUrl="
                + baseUrl + ", graphBaseUrl=" + graphBaseUrl + ", timeout=" + timeout + ", maxAttempts="
                + maxAttempts + "]";
    }

    /** A configured base URL of this connector (see {@link BaseUrls}). */
    static URI url(String name, String text) {
        return BaseUrls.parse(FredConnector.PID, name, text, "https://api.stlouisfed.org", "http", "https");
    }
}
