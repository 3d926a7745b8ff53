package io.tideline.feed.binance;

import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesId;
import io.tideline.support.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.tideline.api.series.SeriesBuilder;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes Binance's kline, funding-rate and open-interest parsers ({@link BinanceJson}) with mutants of the recorded answers under {@code src/test/resources/fixtures}: every
 * body gives a series or a {@link FeedException} naming the source, the URL and the place (a JSON
 * path or a line and column) — never an unchecked exception, a hang or an allocation out of
 * proportion to the body.
 */
class BinanceJsonFuzzTest {

    private static final String URL = "https://example.invalid/answer";
    /** Where a message says the fault is: a line and column, a JSON path or index, or a named key. */
    private static final java.util.regex.Pattern PLACE =
            java.util.regex.Pattern.compile("(?s).*(line \\d+|column \\d+|\\$|\\[\\d+\\]|'\\w+'|\\w+\\.\\w+).*");

    @Provide
    Arbitrary<byte[]> bodies() {
        return Fuzz.inputs(Fuzz.seeds(Path.of("src/test/resources/fixtures"), ".json"), 16_384);
    }

    private static boolean located(String m) {
        return m.contains(": Binance answered HTTP 200 from " + URL + " but ") && PLACE.matcher(m).matches()
                && !m.contains("`java.") && !m.contains("io.tideline.");
    }

    @Property
    void any_body_is_read_or_refused_saying_where(@ForAll("bodies") byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        SeriesId id = SeriesId.of("binance", "BTCUSDT");
        long from = Long.MIN_VALUE / 2;
        long to = Long.MAX_VALUE / 2;
        Fuzz.run(input, FeedException.class, 64L << 20, BinanceJsonFuzzTest::located, () -> {
            switch (input.length % 3) {
                case 0 -> BinanceJson.klines(id, body, URL, from, to, SeriesBuilder.ohlcv(from, to));
                case 1 -> BinanceJson.fundingRates(id, body, URL, from, to, SeriesBuilder.values(from, to));
                default -> BinanceJson.openInterest(id, body, URL, from, to, SeriesBuilder.values(from, to));
            }
        });
    }
}
