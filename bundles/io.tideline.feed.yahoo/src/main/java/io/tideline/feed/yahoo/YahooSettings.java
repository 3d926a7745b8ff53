package io.tideline.feed.yahoo;

import io.tideline.feed.http.BaseUrls;
import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.Printable;
import io.tideline.feed.http.HttpFetcher;
import io.tideline.api.series.Timeframe;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of one Yahoo connector.
 *
 * @param symbols the market symbols, without duplicates, in configured order
 * @param basket the AI-leadership stocks, without duplicates and without those already in {@code symbols}
 * @param intervals the bar lengths offered ({@link Timeframe#D1} and/or {@link Timeframe#H1}), in configured order
 * @param baseUrl the chart API base, without a trailing slash
 * @param timeout the time-out of one request
 * @param maxAttempts the most requests per fetch
 * @param maxResponseBytes the largest answer read
 */
record YahooSettings(List<String> symbols, List<String> basket, List<Timeframe> intervals, URI baseUrl,
        Duration timeout, int maxAttempts, long maxResponseBytes) {

    // Yahoo symbols: letters, digits and ^ = . - (e.g. ^GSPC, DX-Y.NYB, BTC-USD, EURUSD=X, GC=F).
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9^=._-]+");

    YahooSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        symbols = symbols("symbols", symbols, Set.of());
        basket = symbols("basket", basket, Set.copyOf(symbols));
        Objects.requireNonNull(intervals, "intervals");
        intervals = List.copyOf(new LinkedHashSet<>(intervals));
        for (Timeframe t : intervals) {
            if (t != Timeframe.D1 && t != Timeframe.H1) {
                throw new IllegalArgumentException(YahooConnector.PID + ": intervals holds '"
                        + Printable.shortened(t.label(), Printable.VALUE_CHARS)
                        + "', expected 1d or 1h");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(YahooConnector.PID + ": timeoutSeconds must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(YahooConnector.PID + ": maxAttempts must be at least 1, was "
                    + maxAttempts);
        }
    }

    private static List<String> symbols(String field, List<String> given, Set<String> already) {
        Objects.requireNonNull(given, field);
        Set<String> unique = new LinkedHashSet<>();
        for (String s : given) {
            String trimmed = s == null ? "" : s.trim();
            if (trimmed.isEmpty() || already.contains(trimmed)) {
                continue;
            }
            if (!SYMBOL.matcher(trimmed).matches()) {
                throw new IllegalArgumentException(YahooConnector.PID + ": " + field + " holds '"
                        + Printable.shortened(trimmed, Printable.VALUE_CHARS)
                        + "', which is not a Yahoo symbol (letters, digits, '^', '=', '.', '-'), e.g. ^GSPC or DX-Y.NYB");
            }
            unique.add(trimmed);
        }
        return List.copyOf(new ArrayList<>(unique));
    }

    /** Settings with the default cap of one answer. */
    YahooSettings(List<String> symbols, List<String> basket, List<Timeframe> intervals, URI baseUrl, Duration timeout,
            int maxAttempts) {
        this(symbols, basket, intervals, baseUrl, timeout, maxAttempts, HttpFetcher.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * The settings from a ConfigAdmin configuration: typed values from the annotation, checked
     * through {@code values} so a refusal names the .cfg file, the key, the value and what was expected.
     */
    static YahooSettings from(YahooConfig config, ConfigValues values) {
        return new YahooSettings(List.of(config.symbols()), List.of(config.basket()), intervals(config.intervals()),
                values.url("baseUrl", config.baseUrl(), "https://query1.finance.yahoo.com", "http", "https"),
                Duration.ofSeconds(values.integer("timeoutSeconds", config::timeoutSeconds, 1, 600, "seconds")),
                values.integer("maxAttempts", config::maxAttempts, 1, 10, "attempts"),
                (long) values.integer("maxResponseMiB", config::maxResponseMiB, 1, 1024, "MiB") << 20);
    }

    /** Parses the interval labels {@code 1d} and {@code 1h}; blanks are dropped. */
    static List<Timeframe> intervals(String... labels) {
        List<Timeframe> list = new ArrayList<>();
        for (String label : labels) {
            String l = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
            if (l.isEmpty()) {
                continue;
            }
            switch (l) {
                case "1d" -> list.add(Timeframe.D1);
                case "1h" -> list.add(Timeframe.H1);
                default -> throw new IllegalArgumentException(YahooConnector.PID + ": intervals holds '"
                        + Printable.shortened(label, Printable.VALUE_CHARS)
                        + "', expected 1d or 1h");
            }
        }
        return list;
    }

    /** Every symbol offered: the market symbols, then the basket. */
    List<String> allSymbols() {
        List<String> all = new ArrayList<>(symbols);
        all.addAll(basket);
        return List.copyOf(all);
    }

    /** The configured base URL of this connector (see {@link BaseUrls}). */
    static URI url(String text) {
        return BaseUrls.parse(YahooConnector.PID, "baseUrl", text, "https://query1.finance.yahoo.com", "http", "https");
    }
}
