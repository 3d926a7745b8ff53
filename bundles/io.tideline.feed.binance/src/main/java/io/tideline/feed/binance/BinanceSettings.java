package io.tideline.feed.binance;

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
 * The validated settings of one Binance connector.
 *
 * @param symbols the perpetual symbols, upper case, without duplicates, in configured order
 * @param intervals the bar lengths of the price bars ({@link Timeframe#H1}, {@link Timeframe#H4}, {@link Timeframe#D1})
 * @param baseUrl the REST base, without a trailing slash
 * @param wsUrl the market-stream base ({@code ws} or {@code wss}), without a trailing slash
 * @param liveLiquidations whether the liquidation streams are opened
 * @param timeout the time-out of one request
 * @param maxAttempts the most requests per page
 * @param maxResponseBytes the largest answer read
 */
record BinanceSettings(List<String> symbols, List<Timeframe> intervals, URI baseUrl, URI wsUrl,
        boolean liveLiquidations, Duration timeout, int maxAttempts, long maxResponseBytes) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");

    BinanceSettings {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(intervals, "intervals");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(timeout, "timeout");
        Set<String> unique = new LinkedHashSet<>();
        for (String s : symbols) {
            String symbol = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
            if (symbol.isEmpty()) {
                continue;
            }
            if (!SYMBOL.matcher(symbol).matches()) {
                throw new IllegalArgumentException(BinanceConnector.PID + ": symbols holds '"
                        + Printable.shortened(s.trim(), Printable.VALUE_CHARS)
                        + "', which is not a Binance futures symbol (letters and digits), e.g. BTCUSDT");
            }
            unique.add(symbol);
        }
        symbols = List.copyOf(new ArrayList<>(unique));
        intervals = List.copyOf(new LinkedHashSet<>(intervals));
        for (Timeframe t : intervals) {
            if (t == Timeframe.W1) {
                throw new IllegalArgumentException(BinanceConnector.PID + ": intervals holds '1w', expected 1h, 4h or 1d");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(BinanceConnector.PID + ": timeoutSeconds must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(BinanceConnector.PID + ": maxAttempts must be at least 1, was "
                    + maxAttempts);
        }
    }

    /** Settings with the default cap of one answer. */
    BinanceSettings(List<String> symbols, List<Timeframe> intervals, URI baseUrl, URI wsUrl, boolean liveLiquidations,
            Duration timeout, int maxAttempts) {
        this(symbols, intervals, baseUrl, wsUrl, liveLiquidations, timeout, maxAttempts,
                HttpFetcher.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * The settings from a ConfigAdmin configuration: typed values from the annotation, checked
     * through {@code values} so a refusal names the .cfg file, the key, the value and what was expected.
     */
    static BinanceSettings from(BinanceConfig config, ConfigValues values) {
        return new BinanceSettings(List.of(config.symbols()), intervals(config.intervals()),
                values.url("baseUrl", config.baseUrl(), "https://fapi.binance.com", "http", "https"),
                values.url("wsUrl", config.wsUrl(), "wss://fstream.binance.com", "ws", "wss"),
                config.liveLiquidations(),
                Duration.ofSeconds(values.integer("timeoutSeconds", config::timeoutSeconds, 1, 600, "seconds")),
                values.integer("maxAttempts", config::maxAttempts, 1, 10, "attempts"),
                (long) values.integer("maxResponseMiB", config::maxResponseMiB, 1, 1024, "MiB") << 20);
    }

    /** Parses the interval labels {@code 1h}, {@code 4h} and {@code 1d}; blanks are dropped. */
    static List<Timeframe> intervals(String... labels) {
        List<Timeframe> list = new ArrayList<>();
        for (String label : labels) {
            String l = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
            if (l.isEmpty()) {
                continue;
            }
            switch (l) {
                case "1h" -> list.add(Timeframe.H1);
                case "4h" -> list.add(Timeframe.H4);
                case "1d" -> list.add(Timeframe.D1);
                default -> throw new IllegalArgumentException(BinanceConnector.PID + ": intervals holds '"
                        + Printable.shortened(label, Printable.VALUE_CHARS)
                        + "', expected 1h, 4h or 1d");
            }
        }
        return list;
    }

    /** A configured URL of this connector (see {@link BaseUrls}). */
    static URI url(String name, String text, String... schemes) {
        String example = schemes[schemes.length - 1] + "://" + (schemes[0].startsWith("ws") ? "fstream" : "fapi")
                + ".binance.com";
        return BaseUrls.parse(BinanceConnector.PID, name, text, example, schemes);
    }
}
