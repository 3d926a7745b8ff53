package io.tideline.feed.fred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tideline.api.feed.FeedException;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.SeriesId;
import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.testing.ConfigAnnotations;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A FRED configuration the connector refuses leaves it registered and DOWN with the refusal
 * (file, key, value, expectation) instead of failing its activation, so it stays in feeds status.
 */
class FredRejectedSettingsTest {

    private static final Path CFG = Path.of("/opt/tideline/deploy/io.tideline.feed.fred.cfg");

    private static FredConnector activate(String key, String value) {
        Map<String, Object> properties = Map.of(key, value, ConfigValues.FILE_PROPERTY, CFG.toUri().toString());
        // As SCR calls it: the typed annotation and the same configuration untyped.
        return new FredConnector(ConfigAnnotations.of(FredConfig.class, properties), properties);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timeoutSeconds | -1                 | expected a whole number of seconds from 1 to 600",
        "timeoutSeconds | abc                | expected a whole number of seconds from 1 to 600",
        "maxResponseMiB | 0                  | expected a whole number of MiB from 1 to 1024",
        "baseUrl        | file:///etc/passwd | expected an absolute http or https URL such as https://api.stlouisfed.org",
        "graphBaseUrl   | ftp://x.test       | expected an absolute http or https URL such as https://fred.stlouisfed.org"
    })
    void aRefusedValueKeepsTheConnectorListedAndDownWithFileKeyValueAndExpectation(String key, String value,
            String expected) {
        FredConnector fred = activate(key, value);

        assertThat(fred.source()).isEqualTo("fred");
        assertThat(fred.offered()).isEmpty();
        FeedHealth health = fred.health();
        assertThat(health.state()).isEqualTo(FeedHealth.State.DOWN);
        assertThat(health.lastError()).isEqualTo("settings rejected: " + CFG + ": " + key + " = '" + value + "': "
                + expected + "; the connector fetches nothing until this is fixed");
        FeedException e = catchThrowableOfType(FeedException.class,
                () -> fred.fetch(new FetchRequest(SeriesId.of("fred", "DGS10"), 0, 1)));
        assertThat(e.getMessage()).contains(key + " = '" + value + "'");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aHundredThousandCharacterUrlIsNamedNotEchoed() {
        String url = "https://api.stlouisfed.org/" + "x".repeat(100_000);
        FredConnector fred = activate("baseUrl", url);

        assertThat(fred.health().state()).isEqualTo(FeedHealth.State.DOWN);
        assertThat(fred.health().lastError()).contains(CFG + ": baseUrl = 'https://api.stlouisfed.org/xxx",
                "(100027 characters)", "of at most 2048 characters");
        assertThat(fred.health().lastError().length()).isLessThan(500);
        assertThat(fred.toString()).doesNotContain("x".repeat(1000));
    }

    @Test
    void aLongBadSeriesIdIsQuotedShortSoTheExpectationStaysInTheMessage() {
        // The escape sequence is dropped (the terminal would act on it), then the rest is cut.
        FredConnector fred = activate("series", "x\u001b[2Jy".repeat(3_000));

        assertThat(fred.health().lastError()).contains(CFG + ": " + FredConnector.PID + ": series 'xyxy",
                "… (6000 characters)' is not a FRED series id").doesNotContain("\u001b").hasSizeLessThan(500);
    }

    @Test
    void aGoodConfigurationStillWorks() {
        Map<String, Object> properties = Map.of("timeoutSeconds", "5", "maxResponseMiB", "8");
        FredConnector fred = new FredConnector(ConfigAnnotations.of(FredConfig.class, properties), properties);

        assertThat(fred.offered()).isNotEmpty();
        assertThat(fred.health().state()).isEqualTo(FeedHealth.State.UNKNOWN);
        assertThat(fred.toString()).contains("timeout=PT5S", "maxResponseBytes=8388608");
    }
}
