package io.tideline.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.feed.http.ConfigValues;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsSettingsTest {

    private static final String FILE = "file:/opt/tideline/deploy/io.tideline.alerts.cfg";

    /** The configuration as SCR would type it from {@code values} (defaults for the rest). */
    private static AlertsConfig config(String url, String header, String secret, String command) {
        return new AlertsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AlertsConfig.class;
            }

            @Override
            public boolean banner() {
                return true;
            }

            @Override
            public String webhook_url() {
                return url;
            }

            @Override
            public String webhook_secretHeader() {
                return header;
            }

            @Override
            public String _webhook_secret() {
                return secret;
            }

            @Override
            public int webhook_timeoutSeconds() {
                return 10;
            }

            @Override
            public int webhook_attempts() {
                return 3;
            }

            @Override
            public int webhook_backoffMillis() {
                return 1000;
            }

            @Override
            public String command() {
                return command;
            }

            @Override
            public int command_timeoutSeconds() {
                return 30;
            }
        };
    }

    private static AlertsSettings.Configured read(AlertsConfig c, Map<String, Object> raw) {
        return AlertsSettings.read(c, raw);
    }

    @Test
    void aGoodConfigurationGivesEveryChannelAndKeepsTheSecretOutOfItsText() {
        AlertsSettings.Configured s = read(config("https://hooks.example.com/t/abc", "X-Hook-Key",
                "hunter2", "notify-send tideline"), Map.of(ConfigValues.FILE_PROPERTY, FILE));
        assertThat(s.problem()).isNull();
        assertThat(s.settings().webhook().toString()).isEqualTo("https://hooks.example.com/t/abc");
        assertThat(s.settings().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.settings().toString()).doesNotContain("hunter2");
        List<Channel> channels = AlertsComponent.channels(s.settings(), () -> null);
        assertThat(channels).extracting(Channel::name).containsExactly("banner", "webhook", "command");
        assertThat(channels.get(1).toString()).isEqualTo("webhook https://hooks.example.com (with X-Hook-Key)")
                .doesNotContain("hunter2");
    }

    @Test
    void aWebhookUrlOfAnotherSchemeIsRefusedNamingTheFileKeyAndWhatWasExpected() {
        AlertsSettings.Configured s = read(config("ftp://example.com/x", "X-Tideline-Secret", "", ""),
                Map.of(ConfigValues.FILE_PROPERTY, FILE, "webhook.url", "ftp://example.com/x"));
        assertThat(s.settings()).isNull();
        assertThat(s.problem()).isEqualTo("settings rejected: /opt/tideline/deploy/io.tideline.alerts.cfg: "
                + "webhook.url = 'ftp://example.com/x': expected an absolute http or https URL such as "
                + "https://hooks.example.com/tideline");
        assertThat(AlertsComponent.channels(null, () -> null)).extracting(Channel::name).containsExactly("banner");
    }

    @Test
    void aHeaderNameWithASpaceAndASecretWithALineBreakAreRefusedWithoutEchoingTheSecret() {
        assertThat(read(config("", "X Secret", "", ""), Map.of()).problem()).contains("webhook.secretHeader")
                .contains("an HTTP header name");
        String problem = read(config("", "X-Tideline-Secret", "top\nsecret", ""), Map.of()).problem();
        assertThat(problem).contains(".webhook.secret").doesNotContain("top").doesNotContain("secret\n");
    }
}
