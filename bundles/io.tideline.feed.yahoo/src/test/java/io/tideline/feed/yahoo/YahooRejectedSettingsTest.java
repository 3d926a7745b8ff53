package io.tideline.feed.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.feed.FeedHealth;
import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.testing.ConfigAnnotations;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refused Yahoo configuration leaves the connector listed and DOWN with the refusal. */
class YahooRejectedSettingsTest {

    @Test
    void aTimeOutThatIsNotANumberKeepsTheConnectorListedAndDown() {
        Path cfg = Path.of("/opt/tideline/deploy/io.tideline.feed.yahoo.cfg");
        Map<String, Object> properties = Map.of("timeoutSeconds", "abc", ConfigValues.FILE_PROPERTY,
                cfg.toUri().toString());
        YahooConnector yahoo = new YahooConnector(ConfigAnnotations.of(YahooConfig.class, properties), properties);

        assertThat(yahoo.source()).isEqualTo("yahoo");
        assertThat(yahoo.offered()).isEmpty();
        assertThat(yahoo.health().state()).isEqualTo(FeedHealth.State.DOWN);
        assertThat(yahoo.health().lastError()).isEqualTo("settings rejected: " + cfg
                + ": timeoutSeconds = 'abc': expected a whole number of seconds from 1 to 600; the connector fetches "
                + "nothing until this is fixed");
    }
}
