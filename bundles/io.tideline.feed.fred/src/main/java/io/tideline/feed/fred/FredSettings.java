package io.tideline.feed.fred;

import io.tideline.feed.http.BaseUrls;
import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.Printable;
import io.tideline.feed.http.HttpFetcher;
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
 * @param maxResponseBytes the largest answer read
 */
record FredSettings(List<String> series, String apiKey, URI baseUrl, URI graphBaseUrl, Duration timeout,
        int maxAttempts, long maxResponseBytes) {

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
                throw new IllegalArgumentException(FredConnector.PID + ": series '"
                        + Printable.shortened(trimmed, Printable.VALUE_CHARS)
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

    /** Settings with the default cap of one answer. */
    FredSettings(List<String> series, String apiKey, URI baseUrl, URI graphBaseUrl, Duration timeout, int maxAttempts) {
        this(series, apiKey, baseUrl, graphBaseUrl, timeout, maxAttempts, HttpFetcher.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * The settings from a ConfigAdmin configuration: typed values from the annotation, checked
     * through {@code values} so a refusal names the .cfg file, the key, the value and what was expected.
     */
    static FredSettings from(FredConfig config, ConfigValues values) {
        String example = "https://api.stlouisfed.org";
        return new FredSettings(List.of(config.series()), config._apiKey(),
                values.url("baseUrl", config.baseUrl(), example, "http", "https"),
                values.url("graphBaseUrl", config.graphBaseUrl(), "https://fred.stlouisfed.org", "http", "https"),
                Duration.ofSeconds(values.integer("timeoutSeconds", config::timeoutSeconds, 1, 600, "seconds")),
                values.integer("maxAttempts", config::maxAttempts, 1, 10, "attempts"),
                (long) values.integer("maxResponseMiB", config::maxResponseMiB, 1, 1024, "MiB") << 20);
    }

    /** Whether requests go to the FRED API (JSON) rather than the key-less CSV download. */
    boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "FredSettings[series=" + series + ", apiKey=" + (hasApiKey() ? "(set)" : "(none)") + ", baseUrl="
                + baseUrl + ", graphBaseUrl=" + graphBaseUrl + ", timeout=" + timeout + ", maxAttempts="
                + maxAttempts + ", maxResponseBytes=" + maxResponseBytes + "]";
    }

    /** A configured base URL of this connector (see {@link BaseUrls}). */
    static URI url(String name, String text) {
        return BaseUrls.parse(FredConnector.PID, name, text, "https://api.stlouisfed.org", "http", "https");
    }
}
