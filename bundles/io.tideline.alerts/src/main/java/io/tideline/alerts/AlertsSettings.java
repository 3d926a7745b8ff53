package io.tideline.alerts;

import io.tideline.feed.http.ConfigValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The delivery settings as accepted from {@link AlertsConfig}. {@link #toString()} leaves the
 * secret out.
 *
 * @param banner whether alerts go to the window's banner
 * @param webhook the webhook's URL, or {@code null} for none
 * @param secretHeader the header that carries the secret
 * @param secret the secret, or empty
 * @param timeout the bound on one POST
 * @param attempts the most POSTs per alert
 * @param backoff the first wait between POSTs
 * @param command the command hook, or empty for none
 * @param commandLimit the command's time limit
 */
record AlertsSettings(boolean banner, URI webhook, String secretHeader, String secret, Duration timeout,
        int attempts, Duration backoff, String command, Duration commandLimit) {

    /**
     * Settings read from a configuration, or why they were refused.
     *
     * @param settings the settings, or {@code null} when refused
     * @param problem the refusal in one line naming the .cfg file, key and value, or {@code null}
     */
    record Configured(AlertsSettings settings, String problem) {
    }

    /**
     * Reads the configuration as SCR passes it (typed and untyped). Not ConfigValues.read: its
     * refusal says that a connector fetches nothing, and here the banner still works.
     */
    static Configured read(AlertsConfig config, java.util.Map<String, ?> properties) {
        ConfigValues values = ConfigValues.of(AlertsComponent.PID, properties);
        try {
            return new Configured(from(config, values), null);
        } catch (io.tideline.feed.http.SettingsException e) {
            return new Configured(null, "settings rejected: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Configured(null, "settings rejected: " + values.source() + ": " + e.getMessage());
        }
    }

    /** An HTTP header name (RFC 9110 token). */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Reads and checks the configuration; a refusal names the .cfg file, the key and what was expected. */
    static AlertsSettings from(AlertsConfig c, ConfigValues values) {
        URI url = null;
        String text = c.webhook_url() == null ? "" : c.webhook_url().strip();
        if (!text.isEmpty()) {
            String expected = "an absolute http or https URL such as https://hooks.example.com/tideline";
            if (text.length() > ConfigValues.MAX_URL_CHARS) {
                throw values.reject("webhook.url", text, expected);
            }
            try {
                url = new URI(text);
            } catch (URISyntaxException e) {
                throw values.reject("webhook.url", text, expected);
            }
            if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw values.reject("webhook.url", text, expected);
            }
        }
        String header = c.webhook_secretHeader() == null ? "" : c.webhook_secretHeader().strip();
        if (!TOKEN.matcher(header).matches()) {
            throw values.reject("webhook.secretHeader", header, "an HTTP header name such as X-Tideline-Secret");
        }
        int timeout = values.integer("webhook.timeoutSeconds", c::webhook_timeoutSeconds, 1, 300, "seconds");
        int attempts = values.integer("webhook.attempts", c::webhook_attempts, 1, 10, "attempts");
        int backoff = values.integer("webhook.backoffMillis", c::webhook_backoffMillis, 0, 600_000, "milliseconds");
        int limit = values.integer("command.timeoutSeconds", c::command_timeoutSeconds, 1, 3600, "seconds");
        String secret = c._webhook_secret() == null ? "" : c._webhook_secret();
        if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
            // Not echoed: the value is a secret.
            throw values.reject(".webhook.secret", "(hidden)", "one line without line breaks");
        }
        return new AlertsSettings(c.banner(), url, header, secret, Duration.ofSeconds(timeout), attempts,
                Duration.ofMillis(backoff), c.command() == null ? "" : c.command().strip(),
                Duration.ofSeconds(limit));
    }

    @Override
    public String toString() {
        return "AlertsSettings[banner=" + banner + ", webhook=" + (webhook == null ? "none" : webhook.getHost())
                + ", secret " + (secret.isEmpty() ? "none" : "set") + ", command=" + (command.isEmpty() ? "none" : "set")
                + "]";
    }
}
