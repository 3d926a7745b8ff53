package io.tideline.feed.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.feed.FeedHealth;
import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.Sleeper;
import io.tideline.feed.http.testing.ConfigAnnotations;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refused Binance configuration leaves the connector listed and DOWN with the refusal, no stream opened. */
class BinanceRejectedSettingsTest {

    @Test
    void aFileUrlKeepsTheConnectorListedAndDownWithoutStreams() {
        Map<String, Object> properties = Map.of("baseUrl", "file:///etc/passwd");
        BinanceConfig config = ConfigAnnotations.of(BinanceConfig.class, properties);
        BinanceConnector binance = new BinanceConnector(
                ConfigValues.read(BinanceConnector.PID, properties, v -> BinanceSettings.from(config, v)),
                Sleeper.system(), InstantSource.system(), Duration.ofSeconds(1), true);

        assertThat(binance.source()).isEqualTo("binance");
        assertThat(binance.offered()).isEmpty();
        assertThat(binance.streams()).isEmpty();
        assertThat(binance.health().state()).isEqualTo(FeedHealth.State.DOWN);
        assertThat(binance.health().lastError()).startsWith("settings rejected: the configuration "
                + BinanceConnector.PID + ": baseUrl = 'file:///etc/passwd': expected an absolute http or https URL");
        binance.deactivate();
    }
}
