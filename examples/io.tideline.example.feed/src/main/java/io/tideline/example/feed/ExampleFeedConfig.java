package io.tideline.example.feed;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of the example feed (ConfigAdmin PID {@value ExampleFeedConnector#PID}); the
 * workbench draws its settings form from them, and {@code deploy/io.tideline.example.feed.cfg}
 * sets them. The API key's property is {@code .apiKey}: the leading dot keeps it off the
 * service's public properties.
 */
@ObjectClassDefinition(name = "Example feed",
        description = "Daily bars from an HTTP JSON service (an example connector plugin).")
public @interface ExampleFeedConfig {

    /** @return the service's base URL */
    @AttributeDefinition(name = "Base URL",
            description = "Where the service answers; the connector requests "
                    + "{Base URL}/v1/daily?symbol=SYMBOL&start=YYYY-MM-DD&end=YYYY-MM-DD.")
    String baseUrl() default "https://data.example.com";

    /** @return the symbols offered */
    @AttributeDefinition(name = "Symbols",
            description = "The symbols to offer, e.g. ACME; each becomes the series example:SYMBOL. "
                    + "In a .cfg file, separate them with commas.")
    String[] symbols() default {"ACME"};

    /** @return the API key, or empty when none is set */
    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
            description = "Sent in the X-Api-Key header, never in the URL. Stored as the property .apiKey; "
                    + "never logged, shown or put on service properties.")
    String _apiKey() default "";
}
