package io.tideline.feed.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the connector offers, how its settings are validated, and what bnd generated for SCR and Metatype. */
class BinanceDescriptionTest {

    private static BinanceSettings settings(List<String> symbols, boolean live, String... intervals) {
        // A live stream is opened by the constructor: it must go to the loopback, never to Binance.
        return new BinanceSettings(symbols, BinanceSettings.intervals(intervals),
                BinanceSettings.url("baseUrl", "https://fapi.binance.com/", "http", "https"),
                BinanceSettings.url("wsUrl", live ? "ws://127.0.0.1:9" : "wss://fstream.binance.com", "ws", "wss"), live,
                Duration.ofSeconds(30), 3);
    }

    private static SeriesDescriptor find(BinanceConnector binance, String id) {
        return binance.offered().stream().filter(d -> d.id().toString().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void offersBarsFundingOpenInterestAndWithLiveLiquidationsTheHourlySums() {
        BinanceConnector binance = new BinanceConnector(settings(List.of("BTCUSDT", "ethusdt"), false, "1h", "4h", "1d"),
                d -> { }, InstantSource.system(), Duration.ofSeconds(1));
        assertThat(binance.source()).isEqualTo("binance");
        assertThat(binance.streams()).isEmpty();
        assertThat(binance.offered()).extracting(d -> d.id().toString()).containsExactly("binance:BTCUSDT:perp",
                "binance:BTCUSDT:perp.4h", "binance:BTCUSDT:perp.1h", "binance:BTCUSDT:funding8h", "binance:BTCUSDT:oi",
                "binance:ETHUSDT:perp", "binance:ETHUSDT:perp.4h", "binance:ETHUSDT:perp.1h", "binance:ETHUSDT:funding8h",
                "binance:ETHUSDT:oi");
        assertThat(find(binance, "binance:BTCUSDT:perp")).isEqualTo(new SeriesDescriptor(new SeriesId("binance", "BTCUSDT", "perp"),
                "Bitcoin (Binance BTCUSDT perpetual)", "USDT", SeriesKind.PRICE, AssetClass.CRYPTO, Timeframe.D1));
        assertThat(find(binance, "binance:ETHUSDT:perp.4h").timeframe()).isEqualTo(Timeframe.H4);
        assertThat(find(binance, "binance:BTCUSDT:funding8h")).extracting(SeriesDescriptor::kind, SeriesDescriptor::unit)
                .containsExactly(SeriesKind.RATE, "fraction per 8h");
        assertThat(find(binance, "binance:BTCUSDT:oi")).extracting(SeriesDescriptor::kind, SeriesDescriptor::unit,
                SeriesDescriptor::timeframe).containsExactly(SeriesKind.COUNT, "USD", Timeframe.H1);
        assertThat(binance.health().state()).isEqualTo(FeedHealth.State.UNKNOWN);

        BinanceConnector live = new BinanceConnector(settings(List.of("BTCUSDT"), true, "1d"), d -> { },
                InstantSource.system(), Duration.ofSeconds(1));
        try {
            assertThat(live.offered()).extracting(d -> d.id().toString()).containsExactly("binance:BTCUSDT:perp",
                    "binance:BTCUSDT:funding8h", "binance:BTCUSDT:oi", "binance:BTCUSDT:liq.long.1h",
                    "binance:BTCUSDT:liq.short.1h");
            assertThat(find(live, "binance:BTCUSDT:liq.short.1h")).extracting(SeriesDescriptor::kind,
                    SeriesDescriptor::unit, SeriesDescriptor::timeframe).containsExactly(SeriesKind.FLOW, "USD", Timeframe.H1);
            assertThat(live.streams()).hasSize(1);
        } finally {
            live.deactivate();
        }
    }

    @Test
    void badSettingsAreRefusedNamingThePidAndTheSetting() {
        assertThatThrownBy(() -> settings(List.of("BTC/USDT"), false, "1d"))
                .hasMessage("io.tideline.feed.binance: symbols holds 'BTC/USDT', which is not a Binance futures symbol "
                        + "(letters and digits), e.g. BTCUSDT");
        assertThatThrownBy(() -> settings(List.of("BTCUSDT"), false, "1d", "15m"))
                .hasMessage("io.tideline.feed.binance: intervals holds '15m', expected 1h, 4h or 1d");
        assertThatThrownBy(() -> BinanceSettings.url("wsUrl", "https://fstream.binance.com", "ws", "wss"))
                .hasMessageStartingWith("io.tideline.feed.binance: wsUrl 'https://fstream.binance.com' is not an "
                        + "absolute ws(s) URL such as wss://fstream.binance.com");
        assertThatThrownBy(() -> BinanceSettings.url("baseUrl", "fapi.binance.com", "http", "https"))
                .hasMessageStartingWith("io.tideline.feed.binance: baseUrl 'fapi.binance.com' is not an absolute "
                        + "http(s) URL such as https://fapi.binance.com");
        assertThatThrownBy(() -> new BinanceSettings(List.of("BTCUSDT"), List.of(Timeframe.D1),
                BinanceSettings.url("baseUrl", "https://fapi.binance.com", "http", "https"),
                BinanceSettings.url("wsUrl", "wss://fstream.binance.com", "ws", "wss"), true, Duration.ofSeconds(1), 0))
                .hasMessage("io.tideline.feed.binance: maxAttempts must be at least 1, was 0");
    }

    @Test
    void bndGeneratedTheComponentAndItsMetatypeUnderThePid() throws IOException {
        String metatype = resource("OSGI-INF/metatype/io.tideline.feed.binance.BinanceConfig.xml");
        assertThat(metatype).contains("pid=\"io.tideline.feed.binance\"", "id=\"symbols\"", "id=\"intervals\"",
                "id=\"baseUrl\"", "id=\"wsUrl\"", "id=\"liveLiquidations\"", "id=\"timeoutSeconds\"",
                "id=\"maxAttempts\"", "wss://fstream.binance.com");
        String component = resource("OSGI-INF/io.tideline.feed.binance.BinanceConnector.xml");
        assertThat(component).contains("configuration-pid=\"io.tideline.feed.binance\"",
                "interface=\"io.tideline.api.feed.FeedConnector\"", "deactivate=\"deactivate\"");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = BinanceDescriptionTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("%s generated by bnd", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
