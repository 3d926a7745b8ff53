package io.tideline.feed.fred;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of the FRED connector (ConfigAdmin PID {@value FredConnector#PID}), from which the
 * workbench draws its settings form. The API key's property is {@code .apiKey}: the leading dot
 * keeps it off the service's properties.
 */
@ObjectClassDefinition(name = "FRED feed",
        description = "Daily series from FRED, the Federal Reserve Bank of St. Louis. With an API key the "
                + "connector uses the FRED API (JSON); without one it uses FRED's key-less CSV download.")
public @interface FredConfig {

    /** @return the FRED series ids offered */
    @AttributeDefinition(name = "Series",
            description = "FRED series ids to offer, e.g. DGS10 (10-year Treasury yield). Each becomes the "
                    + "series fred:ID.")
    String[] series() default {"DGS10", "DGS2", "DTWEXBGS", "SP500", "NASDAQCOM", "VIXCLS", "BAMLH0A0HYM2"};

    /** @return the API key, or empty for the key-less download */
    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
            description = "Your FRED API key (free: https://fredaccount.stlouisfed.org/apikeys). With a key, "
                    + "data comes from GET {Base URL}/fred/series/observations?series_id=ID&api_key=KEY"
                    + "&file_type=json&observation_start=...&observation_end=... . Leave empty to use the "
                    + "key-less download GET {Graph base URL}/graph/fredgraph.csv?id=ID&cosd=...&coed=... . "
                    + "Stored as the property .apiKey; never logged, shown or put on service properties.")
    String _apiKey() default "";

    /** @return the base URL of the FRED API */
    @AttributeDefinition(name = "Base URL",
            description = "Base URL of the FRED API, used when an API key is set; the connector requests "
                    + "{Base URL}/fred/series/observations.")
    String baseUrl() default "https://api.stlouisfed.org";

    /** @return the base URL of the key-less CSV download */
    @AttributeDefinition(name = "Graph base URL",
            description = "Base URL of FRED's key-less CSV download, used when no API key is set; the "
                    + "connector requests {Graph base URL}/graph/fredgraph.csv.")
    String graphBaseUrl() default "https://fred.stlouisfed.org";

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
