package io.tideline.alerts;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where alerts go (ConfigAdmin PID {@value AlertsComponent#PID}, e.g.
 * {@code deploy/io.tideline.alerts.cfg}). The webhook's secret is {@code .webhook.secret}: the
 * leading dot keeps it off the service's properties, like the FRED connector's API key.
 */
@ObjectClassDefinition(name = "Alerts",
        description = "Where alerts go: the window's banner, a webhook (HTTP POST of the alert as JSON) and a "
                + "command (the alert as JSON on its standard input). The rules are in "
                + "DATA_DIR/workspace/alerts-rules.json.")
public @interface AlertsConfig {

    /** @return whether alerts are posted to the window's banner */
    @AttributeDefinition(name = "Banner", description = "Show alerts in the window's banner.")
    boolean banner() default true;

    /** @return the webhook URL, or empty for none */
    @AttributeDefinition(name = "Webhook URL", required = false,
            description = "An http or https URL that receives each alert as a JSON POST; empty for no webhook.")
    String webhook_url() default "";

    /** @return the header that carries the secret */
    @AttributeDefinition(name = "Secret header", description = "The HTTP header that carries the secret.")
    String webhook_secretHeader() default "X-Tideline-Secret";

    /** @return the secret, or empty for none */
    @AttributeDefinition(name = "Secret", type = AttributeType.PASSWORD, required = false,
            description = "Sent in the secret header with every POST so the receiver can tell Tideline from "
                    + "others. Stored as .webhook.secret; never logged, shown or put on service properties.")
    String _webhook_secret() default "";

    /** @return the time-out of one POST in seconds */
    @AttributeDefinition(name = "Webhook time-out (seconds)", min = "1", max = "300",
            description = "How long one POST may take, connecting and answering, before it counts as failed.")
    int webhook_timeoutSeconds() default 10;

    /** @return the most POSTs per alert */
    @AttributeDefinition(name = "Webhook attempts", min = "1", max = "10",
            description = "The most POSTs per alert: a connection error, a time-out, HTTP 429 or 5xx is tried "
                    + "again after a wait that doubles each time.")
    int webhook_attempts() default 3;

    /** @return the first wait between attempts in milliseconds */
    @AttributeDefinition(name = "First retry wait (ms)", min = "0", max = "600000",
            description = "The wait after the first failed POST; each further wait is twice the one before.")
    int webhook_backoffMillis() default 1000;

    /** @return the command hook, or empty for none */
    @AttributeDefinition(name = "Command", required = false,
            description = "A command run by /bin/sh -c for each alert, with the alert as JSON on its standard "
                    + "input; exit 0 counts as delivered. Empty for none.")
    String command() default "";

    /** @return the time limit of the command in seconds */
    @AttributeDefinition(name = "Command time limit (seconds)", min = "1", max = "3600",
            description = "A command still running after this long is stopped and the delivery counts as failed.")
    int command_timeoutSeconds() default 30;
}
