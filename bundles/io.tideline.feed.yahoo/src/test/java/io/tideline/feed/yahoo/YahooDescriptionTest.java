package io.tideline.feed.yahoo;

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
class YahooDescriptionTest {

    private static final List<String> SYMBOLS = List.of("^GSPC", "^NDX", "^VIX", "DX-Y.NYB", "SOXX", "IGV", "GLD");
    private static final List<String> BASKET = List.of("NVDA", "AVGO", "AMD", "MSFT", "META", "GOOGL", "AMZN", "ORCL");

    private static YahooSettings settings(List<String> symbols, List<String> basket, String... intervals) {
        return new YahooSettings(symbols, basket, YahooSettings.intervals(intervals),
                YahooSettings.url("https://query1.finance.yahoo.com/"), Duration.ofSeconds(30), 3);
    }

    private static SeriesDescriptor find(YahooConnector yahoo, String id) {
        return yahoo.offered().stream().filter(d -> d.id().toString().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void offersDailyAndHourlyOhlcvOfEverySymbolAndBasketStock() {
        YahooConnector yahoo = new YahooConnector(settings(SYMBOLS, BASKET, "1d", "1h"), d -> { }, InstantSource.system());
        assertThat(yahoo.source()).isEqualTo("yahoo");
        assertThat(yahoo.offered()).hasSize(30);
        assertThat(yahoo.offered().subList(0, 7)).extracting(d -> d.id().toString()).containsExactly("yahoo:^GSPC",
                "yahoo:^NDX", "yahoo:^VIX", "yahoo:DX-Y.NYB", "yahoo:SOXX", "yahoo:IGV", "yahoo:GLD");
        assertThat(yahoo.offered().get(15).id()).isEqualTo(new SeriesId("yahoo", "^GSPC", "1h"));
        assertThat(yahoo.offered().subList(0, 15)).allSatisfy(d -> assertThat(d.timeframe()).isEqualTo(Timeframe.D1));
        assertThat(yahoo.offered().subList(15, 30)).allSatisfy(d -> assertThat(d.timeframe()).isEqualTo(Timeframe.H1));
        assertThat(find(yahoo, "yahoo:^VIX")).isEqualTo(new SeriesDescriptor(SeriesId.of("yahoo", "^VIX"),
                "CBOE Volatility Index (VIX)", "index", SeriesKind.VOLATILITY, AssetClass.VOLATILITY, Timeframe.D1));
        assertThat(find(yahoo, "yahoo:DX-Y.NYB")).isEqualTo(new SeriesDescriptor(SeriesId.of("yahoo", "DX-Y.NYB"),
                "ICE US dollar index (DXY)", "index", SeriesKind.INDEX_LEVEL, AssetClass.FX, Timeframe.D1));
        assertThat(find(yahoo, "yahoo:SOXX")).extracting(SeriesDescriptor::kind, SeriesDescriptor::assetClass,
                SeriesDescriptor::unit).containsExactly(SeriesKind.PRICE, AssetClass.EQUITY, "USD");
        assertThat(find(yahoo, "yahoo:GLD:1h")).extracting(SeriesDescriptor::name, SeriesDescriptor::kind,
                SeriesDescriptor::assetClass).containsExactly("Gold ETF (GLD), hourly", SeriesKind.PRICE, AssetClass.COMMODITY);
        assertThat(find(yahoo, "yahoo:NVDA").name()).isEqualTo("NVIDIA (NVDA)");
        assertThat(yahoo.health().state()).isEqualTo(FeedHealth.State.UNKNOWN);
    }

    @Test
    void duplicatesAndBlanksAreDroppedAndAnUnknownSymbolGetsAGenericDescriptor() {
        YahooConnector yahoo = new YahooConnector(settings(List.of(" XLK ", "", "XLK"), List.of("XLK", "TSM"), "1d"),
                d -> { }, InstantSource.system());
        assertThat(yahoo.offered()).extracting(d -> d.id().toString()).containsExactly("yahoo:XLK", "yahoo:TSM");
        assertThat(yahoo.offered().get(0)).isEqualTo(new SeriesDescriptor(SeriesId.of("yahoo", "XLK"),
                "Yahoo Finance XLK", "", SeriesKind.PRICE, AssetClass.EQUITY, Timeframe.D1));
    }

    @Test
    void badSettingsAreRefusedNamingThePidAndTheSetting() {
        assertThatThrownBy(() -> settings(List.of("S&P 500"), List.of(), "1d"))
                .hasMessage("io.tideline.feed.yahoo: symbols holds 'S&P 500', which is not a Yahoo symbol (letters, "
                        + "digits, '^', '=', '.', '-'), e.g. ^GSPC or DX-Y.NYB");
        assertThatThrownBy(() -> settings(List.of(), List.of("NV DA"), "1d"))
                .hasMessageStartingWith("io.tideline.feed.yahoo: basket holds 'NV DA'");
        assertThatThrownBy(() -> settings(SYMBOLS, BASKET, "1d", "5m"))
                .hasMessage("io.tideline.feed.yahoo: intervals holds '5m', expected 1d or 1h");
        assertThatThrownBy(() -> YahooSettings.url("query1.finance.yahoo.com"))
                .hasMessageStartingWith("io.tideline.feed.yahoo: baseUrl 'query1.finance.yahoo.com' is not an absolute");
        assertThatThrownBy(() -> new YahooSettings(SYMBOLS, BASKET, List.of(Timeframe.D1),
                YahooSettings.url("https://query1.finance.yahoo.com"), Duration.ZERO, 3))
                .hasMessage("io.tideline.feed.yahoo: timeoutSeconds must be at least 1");
        assertThatThrownBy(() -> new YahooSettings(SYMBOLS, BASKET, List.of(Timeframe.D1),
                YahooSettings.url("https://query1.finance.yahoo.com"), Duration.ofSeconds(1), 0))
                .hasMessage("io.tideline.feed.yahoo: maxAttempts must be at least 1, was 0");
    }

    @Test
    void bndGeneratedTheComponentAndItsMetatypeUnderThePid() throws IOException {
        String metatype = resource("OSGI-INF/metatype/io.tideline.feed.yahoo.YahooConfig.xml");
        assertThat(metatype).contains("pid=\"io.tideline.feed.yahoo\"", "id=\"symbols\"", "id=\"basket\"",
                "id=\"intervals\"", "id=\"baseUrl\"", "id=\"timeoutSeconds\"", "id=\"maxAttempts\"",
                "https://query1.finance.yahoo.com");
        String component = resource("OSGI-INF/io.tideline.feed.yahoo.YahooConnector.xml");
        assertThat(component).contains("configuration-pid=\"io.tideline.feed.yahoo\"",
                "interface=\"io.tideline.api.feed.FeedConnector\"");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = YahooDescriptionTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("%s generated by bnd", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
