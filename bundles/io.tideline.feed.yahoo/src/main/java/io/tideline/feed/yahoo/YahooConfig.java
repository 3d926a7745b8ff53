package io.tideline.feed.yahoo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of the Yahoo Finance connector (ConfigAdmin PID {@value YahooConnector#PID}), from
 * which the workbench draws its settings form. Yahoo's chart API needs no key.
 */
@ObjectClassDefinition(name = "Yahoo Finance feed",
        description = "Daily and hourly OHLCV bars of indices, ETFs and stocks from Yahoo Finance's chart API "
                + "(no key needed).")
public @interface YahooConfig {

    /** @return the market symbols offered */
    @AttributeDefinition(name = "Symbols",
            description = "Yahoo symbols of the markets to watch, e.g. ^GSPC (S&P 500), ^VIX, DX-Y.NYB (dollar "
                    + "index), SOXX. Each becomes yahoo:SYMBOL (daily) and yahoo:SYMBOL:1h (hourly).")
    String[] symbols() default {"^GSPC", "^NDX", "^VIX", "DX-Y.NYB", "SOXX", "IGV", "GLD"};

    /** @return the stocks of the AI-leadership basket */
    @AttributeDefinition(name = "AI leadership basket",
            description = "Yahoo symbols of the stocks that lead the AI trade; offered like the symbols above.")
    String[] basket() default {"NVDA", "AVGO", "AMD", "MSFT", "META", "GOOGL", "AMZN", "ORCL"};

    /** @return the bar lengths offered */
    @AttributeDefinition(name = "Intervals",
            description = "Bar lengths to offer: 1d (daily) and/or 1h (hourly; Yahoo keeps about 730 days).")
    String[] intervals() default {"1d", "1h"};

    /** @return the base URL of the chart API */
    @AttributeDefinition(name = "Base URL",
            description = "Base URL of Yahoo's chart API; the connector requests {Base URL}/v8/finance/chart/SYMBOL.")
    String baseUrl() default "https://query1.finance.yahoo.com";

    /** @return the time-out of one request in seconds */
    @AttributeDefinition(name = "Time-out (seconds)", min = "1", max = "600",
            description = "How long one request may take, connecting, headers and the whole answer together, "
                    + "before it counts as failed and is retried.")
    int timeoutSeconds() default 30;

    /** @return the largest answer read, in MiB */
    @AttributeDefinition(name = "Largest answer (MiB)", min = "1", max = "1024",
            description = "The most one answer may hold; a larger one is refused (not read on) and the feed is DOWN.")
    int maxResponseMiB() default 64;

    /** @return the most requests per fetch */
    @AttributeDefinition(name = "Attempts", min = "1", max = "10",
            description = "The most requests per fetch: failures that may pass (HTTP 429, 5xx, time-outs, "
                    + "network errors) are retried with growing waits until this many were made.")
    int maxAttempts() default 3;
}
