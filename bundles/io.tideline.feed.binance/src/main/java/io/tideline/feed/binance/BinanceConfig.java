package io.tideline.feed.binance;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of the Binance USD-M futures connector (ConfigAdmin PID
 * {@value BinanceConnector#PID}), from which the workbench draws its settings form. Only public
 * endpoints are used: no key.
 */
@ObjectClassDefinition(name = "Binance futures feed",
        description = "Crypto market structure from Binance USD-M perpetual futures (public endpoints, no key): "
                + "price bars, funding rates, open interest and live liquidations.")
public @interface BinanceConfig {

    /** @return the perpetual contracts offered */
    @AttributeDefinition(name = "Symbols",
            description = "USD-M perpetual symbols, e.g. BTCUSDT. Each gives binance:SYMBOL (daily bars), "
                    + "binance:SYMBOL:1h and :4h, binance:SYMBOL:funding8h, binance:SYMBOL:oi and, with live "
                    + "liquidations, binance:SYMBOL:liq.long.1h and binance:SYMBOL:liq.short.1h.")
    String[] symbols() default {"BTCUSDT", "ETHUSDT"};

    /** @return the bar lengths offered */
    @AttributeDefinition(name = "Intervals", description = "Bar lengths of the price bars: 1h, 4h and/or 1d.")
    String[] intervals() default {"1h", "4h", "1d"};

    /** @return the base URL of the REST API */
    @AttributeDefinition(name = "Base URL",
            description = "Base URL of the USD-M futures REST API; the connector requests {Base URL}/fapi/v1/klines, "
                    + "{Base URL}/fapi/v1/fundingRate and {Base URL}/futures/data/openInterestHist.")
    String baseUrl() default "https://fapi.binance.com";

    /** @return the base URL of the market streams */
    @AttributeDefinition(name = "WebSocket URL",
            description = "Base URL of the USD-M futures market streams; the connector opens "
                    + "{WebSocket URL}/ws/SYMBOL@forceOrder for each symbol.")
    String wsUrl() default "wss://fstream.binance.com";

    /** @return whether the liquidation streams are opened */
    @AttributeDefinition(name = "Live liquidations",
            description = "Open the liquidation stream of each symbol and sum liquidated notional per hour. Binance "
                    + "keeps no liquidation history: hours are known only while Tideline runs.")
    boolean liveLiquidations() default true;

    /** @return the time-out of one request in seconds */
    @AttributeDefinition(name = "Time-out (seconds)", min = "1", max = "600",
            description = "How long one request (connecting, headers and the whole answer) or a stream's "
                    + "connection may take before it counts as failed.")
    int timeoutSeconds() default 30;

    /** @return the largest answer read, in MiB */
    @AttributeDefinition(name = "Largest answer (MiB)", min = "1", max = "1024",
            description = "The most one answer may hold; a larger one is refused (not read on) and the feed is DOWN.")
    int maxResponseMiB() default 64;

    /** @return the most requests per page */
    @AttributeDefinition(name = "Attempts", min = "1", max = "10",
            description = "The most requests per page of a fetch: failures that may pass (HTTP 429, 5xx, time-outs, "
                    + "network errors) are retried with growing waits, honouring Binance's Retry-After.")
    int maxAttempts() default 3;
}
