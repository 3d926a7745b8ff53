package io.tideline.feed.fred;

import io.tideline.api.feed.FeedException;
import io.tideline.api.series.SeriesId;
import io.tideline.support.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes FRED's observations parser ({@link FredJson#parse}) with mutants of the recorded answers under {@code src/test/resources/fixtures}: every
 * body gives a series or a {@link FeedException} naming the source, the URL and the place (a JSON
 * path or a line and column) — never an unchecked exception, a hang or an allocation out of
 * proportion to the body.
 */
class FredJsonFuzzTest {

    private static final String URL = "https://example.invalid/answer";
    /** Where a message says the fault is: a line and column, a JSON path or index, or a named key. */
    private static final java.util.regex.Pattern PLACE =
            java.util.regex.Pattern.compile("(?s).*(line \\d+|column \\d+|\\$|\\[\\d+\\]|'\\w+'|\\w+\\.\\w+).*");

    @Provide
    Arbitrary<byte[]> bodies() {
        return Fuzz.inputs(Fuzz.seeds(Path.of("src/test/resources/fixtures"), ".json"), 16_384);
    }

    private static boolean located(String m) {
        return m.contains(": FRED answered HTTP 200 from " + URL + " but ") && PLACE.matcher(m).matches()
                && !m.contains("`java.") && !m.contains("io.tideline.");
    }

    @Property
    void any_body_is_read_or_refused_saying_where(@ForAll("bodies") byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        Fuzz.run(input, FeedException.class, 64L << 20, FredJsonFuzzTest::located,
                () -> FredJson.parse(SeriesId.of("fred", "DGS10"), body, URL, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
    }
}
