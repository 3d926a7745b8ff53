package io.tideline.api.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The one rule that tells a role from a series id, and the role-name check that keeps it unambiguous. */
class RoleBindingsTest {

    /** Bindings held in a map: the interface's own default methods run unchanged over it. */
    private static final class MapBindings implements RoleBindings {
        private final Map<String, SeriesId> map = new TreeMap<>();

        @Override
        public Map<String, SeriesId> all() {
            return Map.copyOf(map);
        }

        @Override
        public Optional<SeriesId> get(String role) {
            return Optional.ofNullable(map.get(role));
        }

        @Override
        public void bind(String role, SeriesId series) {
            map.put(Roles.check(role), series);
        }

        @Override
        public boolean unbind(String role) {
            return map.remove(role) != null;
        }
    }

    private static final String NEITHER_RULE = " is neither a role (lower-case words joined by dots, at most 64"
            + " characters, e.g. btc.funding) nor a series id (source:symbol[:field] with a lower-case source,"
            + " e.g. fred:DGS10)";

    @Test
    void aBoundRoleResolvesToItsSeries() {
        MapBindings b = new MapBindings();
        b.bind("us10y", SeriesId.parse("fred:DGS10"));
        b.bind("btc.funding", SeriesId.parse("binance:BTCUSDT:funding"));
        assertThat(b.resolve("us10y")).contains(SeriesId.parse("fred:DGS10"));
        assertThat(b.resolve("btc.funding")).contains(SeriesId.parse("binance:BTCUSDT:funding"));
        assertThat(RoleBindings.isSeriesId("us10y")).isFalse();
    }

    @Test
    void aSeriesIdIsItselfWhateverIsBound() {
        MapBindings b = new MapBindings();
        b.bind("btc", SeriesId.parse("binance:BTCUSDT"));
        assertThat(b.resolve("fred:DGS10")).contains(SeriesId.parse("fred:DGS10"));
        assertThat(b.resolve("binance:BTCUSDT:funding")).contains(new SeriesId("binance", "BTCUSDT", "funding"));
        // Without any bindings at hand a series id still resolves; a role has nothing.
        assertThat(RoleBindings.seriesId("yahoo:^GSPC")).contains(SeriesId.of("yahoo", "^GSPC"));
        assertThat(RoleBindings.seriesId("btc")).isEmpty();
        assertThat(RoleBindings.isSeriesId("fred:DGS10")).isTrue();
    }

    @Test
    void anUnboundRoleResolvesToNothing() {
        MapBindings b = new MapBindings();
        b.bind("spx", SeriesId.parse("yahoo:SPY"));
        assertThat(b.resolve("nosuch")).isEmpty();
        assertThat(b.resolve("desk.hedge")).isEmpty();
    }

    @Test
    void textThatIsNeitherIsRefusedNamingItAndBothForms() {
        MapBindings b = new MapBindings();
        for (String text : new String[] {"BTC", "btc usd", "", "1y", "btc..oi"}) {
            assertThatThrownBy(() -> b.resolve(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "'" + NEITHER_RULE);
        }
        // With a colon it reads as a series id, so the id's own complaint says which part is wrong.
        assertThatThrownBy(() -> b.resolve("FRED:DGS10")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'FRED:DGS10'" + NEITHER_RULE
                        + ": series source 'FRED' must be lower-case letters, digits, '_', '.' or '-'");
        assertThatThrownBy(() -> b.resolve("fred:")).hasMessage("'fred:'" + NEITHER_RULE
                + ": series symbol '' must be non-empty without ':' or whitespace");
        assertThatThrownBy(() -> b.resolve("a:b:c:d")).hasMessage("'a:b:c:d'" + NEITHER_RULE
                + ": series id 'a:b:c:d' is not of the form source:symbol[:field], e.g. fred:DGS10");
        String huge = "x".repeat(5_000);
        assertThatThrownBy(() -> b.resolve(huge)).hasMessage("'" + "x".repeat(80) + "… (5000 characters)'" + NEITHER_RULE);
    }

    @Test
    void aRoleNameWithAColonIsRefusedSayingThatTheColonMarksASeriesId() {
        MapBindings b = new MapBindings();
        String expected = "role 'fred:DGS10' contains ':', which only a series id has (source:symbol[:field],"
                + " e.g. fred:DGS10); a role is lower-case words joined by dots, e.g. btc.funding";
        assertThatThrownBy(() -> Roles.check("fred:DGS10")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> b.bind("fred:DGS10", SeriesId.parse("fred:DGS10"))).hasMessage(expected);
        assertThatThrownBy(() -> Roles.check("btc:")).hasMessageStartingWith("role 'btc:' contains ':'");
        assertThat(b.all()).isEmpty();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> near = Arbitraries.of("fred:DGS10", "binance:BTCUSDT:funding", "spx", "btc.funding", "BTC")
                .flatMap(seed -> Arbitraries.strings().withChars(":. -_\tAz09\u00e9").ofMaxLength(6)
                        .map(tail -> seed + tail));
        return Arbitraries.oneOf(near, Arbitraries.strings().all().ofMaxLength(40));
    }

    @Property
    void everyTextIsExactlyOneOfSeriesIdRoleOrRefused(@ForAll("texts") String text) {
        MapBindings b = new MapBindings();
        Optional<SeriesId> id;
        try {
            id = RoleBindings.seriesId(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("'").contains(NEITHER_RULE).hasSizeLessThan(600);
            return;
        }
        if (RoleBindings.isSeriesId(text)) {
            assertThat(id).contains(SeriesId.parse(text));
            assertThatThrownBy(() -> Roles.check(text)).hasMessageContaining("contains ':'");
        } else {
            // A role: it can be bound, and then resolves to what it is bound to.
            assertThat(id).isEmpty();
            b.bind(text, SeriesId.parse("csv:X"));
            assertThat(b.resolve(text)).contains(SeriesId.parse("csv:X"));
        }
    }
}
