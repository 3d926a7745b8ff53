package io.tideline.feed.binance;

import io.tideline.feed.http.testing.RecordedHttpServer;
import static io.tideline.feed.http.testing.RecordedHttpServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.feed.FeedHealth.State;
import io.tideline.api.feed.FetchRequest;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.feed.binance.WebSocketLoopback.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live liquidation streams against a loopback WebSocket server that drops the first connection. */
class LiquidationStreamTest {

    private static final Instant NOW = Instant.parse("2026-07-22T12:30:00Z");
    private static final SeriesId LONGS = new SeriesId("binance", "BTCUSDT", "liq.long.1h");
    private static final SeriesId SHORTS = new SeriesId("binance", "BTCUSDT", "liq.short.1h");

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static BinanceConnector connector(String wsUrl) {
        return new BinanceConnector(new BinanceSettings(List.of("BTCUSDT"), List.of(Timeframe.D1),
                BinanceSettings.url("baseUrl", "http://127.0.0.1:9", "http", "https"),
                BinanceSettings.url("wsUrl", wsUrl, "ws", "wss"), true, Duration.ofSeconds(5), 3),
                d -> { }, InstantSource.fixed(NOW), Duration.ofMillis(20));
    }

    private static void await(BinanceConnector binance, long events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (binance.book("BTCUSDT").events() < events && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(binance.book("BTCUSDT").events()).as("liquidations received").isEqualTo(events);
    }

    @Test
    void liquidationsAreSummedPerHourByPositionSideAndTheStreamReconnectsAfterADrop() throws Exception {
        List<String> messages = fixture("binance-forceOrder-BTCUSDT.jsonl").lines().toList();
        try (WebSocketLoopback server = new WebSocketLoopback(new Session(messages.subList(0, 2), true),
                new Session(messages.subList(2, 5), false))) {
            BinanceConnector binance = connector(server.url());
            try {
                await(binance, 5);

                assertThat(server.requestLines()).containsExactly("GET /ws/btcusdt@forceOrder HTTP/1.1",
                        "GET /ws/btcusdt@forceOrder HTTP/1.1");
                assertThat(binance.streams().get(0).connections()).isEqualTo(2);
                long from = millis("2026-07-22T00:00:00Z");
                long to = millis("2026-07-22T23:59:59Z");
                // SELL orders liquidate longs, BUY orders shorts; notional = z * ap. The 12:00 hour is not over yet.
                SeriesData longs = binance.fetch(new FetchRequest(LONGS, from, to));
                assertThat(longs.copyTimes()).containsExactly(millis("2026-07-22T10:00:00Z"), millis("2026-07-22T11:00:00Z"));
                assertThat(longs.value(0)).isEqualTo(0.5 * 118250.10);
                assertThat(longs.value(1)).isEqualTo(1.25 * 117980.00 + 0.004 * 117950.20);
                SeriesData shorts = binance.fetch(new FetchRequest(SHORTS, from, to));
                assertThat(shorts.copyTimes()).containsExactly(millis("2026-07-22T10:00:00Z"), millis("2026-07-22T11:00:00Z"));
                assertThat(shorts.value(0)).isEqualTo(0.12 * 118402.50);
                assertThat(shorts.value(1)).isEqualTo(0.0);
                // only the hours in the range
                assertThat(binance.fetch(new FetchRequest(LONGS, millis("2026-07-22T10:30:00Z"), to)).copyTimes())
                        .containsExactly(millis("2026-07-22T11:00:00Z"));
                assertThat(binance.offered()).extracting(d -> d.id().toString()).contains("binance:BTCUSDT:liq.long.1h",
                        "binance:BTCUSDT:liq.short.1h");
                // once reconnected, the stream no longer degrades the health (REST was not used: UNKNOWN)
                assertThat(binance.health().state()).isEqualTo(State.UNKNOWN);
                assertThat(server.failures()).isEmpty();
            } finally {
                binance.deactivate();
            }
            assertThat(binance.streams().get(0).running()).isFalse();
        }
    }

    @Test
    void aStreamThatCannotConnectIsRetriedAndShownAsDegraded() throws Exception {
        // A port that was just free: every connection attempt is refused.
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        BinanceConnector binance = connector("ws://127.0.0.1:" + port);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (binance.health().state() != State.DEGRADED && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(binance.health().state()).isEqualTo(State.DEGRADED);
            assertThat(binance.health().lastError()).startsWith("could not open the liquidation stream "
                    + "ws://127.0.0.1:" + port + "/ws/btcusdt@forceOrder of BTCUSDT").endsWith("; reconnecting");
            assertThat(binance.streams().get(0).running()).isTrue();
        } finally {
            binance.deactivate();
        }
        assertThat(binance.streams().get(0).running()).isFalse();
    }

    @Test
    void aForceOrderMessageIsReadAsTheDocumentedFields() {
        String sell = fixture("binance-forceOrder-BTCUSDT.jsonl").lines().findFirst().orElseThrow();
        BinanceJson.Liquidation l = BinanceJson.liquidation(sell);
        assertThat(l).isEqualTo(new BinanceJson.Liquidation("BTCUSDT", true, 0.5 * 118250.10, 1784715303120L));
        assertThat(BinanceJson.liquidation(sell.replace("\"S\":\"SELL\"", "\"S\":\"BUY\"")).longPosition()).isFalse();
        assertThatThrownBy(() -> BinanceJson.liquidation(sell.replace("\"z\":\"0.500\"", "\"z\":\"half\"")))
                .hasMessage("o.z is 'half', expected a non-negative decimal number");
        assertThatThrownBy(() -> BinanceJson.liquidation("{\"e\":\"aggTrade\"}"))
                .hasMessageStartingWith("the message is not a forceOrder event");
        assertThatThrownBy(() -> BinanceJson.liquidation("{\"e\":\"forceOrder\",\"o\":{"))
                .hasMessageStartingWith("the forceOrder message is not the documented JSON");
    }
}
