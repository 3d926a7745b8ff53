package io.tideline.api.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.workspace.Roles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the parsers of ids and times typed by users and read from files (series ids, role names,
 * {@link Times}): any text is accepted or refused with an {@link IllegalArgumentException} whose
 * message quotes at most 80 characters of it; an accepted id reads back to itself and fits the
 * store's 256-character column. (The api bundle cannot use the support library's harness, which
 * depends on it; these parsers are pure and bounded, so a plain property suffices.)
 */
class SeriesIdFuzzTest {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> near = Arbitraries.of("fred:DGS10", "binance:BTCUSDT:funding", "yahoo:^GSPC", "csv:a.b",
                "2020-03-16", "2020-03-16T14:30:00+02:00", "2020-03-16 14:30:00Z", "1584316800", "1584316800000",
                "-9223372036854775808", "9223372036854775807", "+999999999-12-31T23:59:59Z", "spx", "btc.funding")
                .flatMap(seed -> Arbitraries.strings().withChars(":. -_\t\n0123456789TZ+aZ\u00e9\u0000")
                        .ofMaxLength(8).map(tail -> seed + tail));
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> huge = Arbitraries.strings().withChars("ab:1-").ofMinLength(200).ofMaxLength(12_000);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, near), net.jqwik.api.Tuple.of(3, any),
                net.jqwik.api.Tuple.of(1, huge));
    }

    @Property
    void a_series_id_reads_back_or_is_refused_briefly(@ForAll("texts") String text) {
        try {
            SeriesId id = SeriesId.parse(text);
            assertThat(SeriesId.parse(id.toString())).isEqualTo(id);
            assertThat(id.toString()).hasSizeLessThanOrEqualTo(256);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("series ").hasSizeLessThan(400);
        }
    }

    @Property
    void a_time_is_read_or_refused_briefly(@ForAll("texts") String text) {
        for (boolean end : new boolean[] {false, true}) {
            try {
                long t = end ? Times.parseEnd(text) : Times.parse(text);
                assertThat(t).isNotNull();
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(400);
            }
        }
    }

    @Property
    void a_role_name_is_accepted_or_refused_briefly(@ForAll("texts") String text) {
        try {
            assertThat(Roles.check(text)).hasSizeLessThanOrEqualTo(64).isEqualTo(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("role '").hasSizeLessThan(600);
        }
    }

    @Test
    void a_time_beyond_what_milliseconds_hold_is_refused_in_words() {
        // Found by the 1,000,000-try run: java.time reads year 999,999,999, and its conversion to
        // epoch milliseconds threw ArithmeticException, after 181,733 tries without a message.
        for (String text : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59+18:00"}) {
            assertThatThrownBy(() -> Times.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is too far from 1970 to be held in milliseconds: expected a time"
                            + " within 292 million years of 1970, such as 2020-03-16T14:30:00Z");
            assertThatThrownBy(() -> Times.parseEnd(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_ten_thousand_character_id_is_refused_with_its_length_before_the_store() {
        assertThatThrownBy(() -> SeriesId.parse("csv:" + "x".repeat(10_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series id 'csv:" + "x".repeat(76) + "… (10004 characters)' is too long: 10004 characters,"
                        + " at most 256");
        assertThat(SeriesId.parse("csv:" + "x".repeat(252)).toString()).hasSize(256);
    }

    @Test
    void a_ten_thousand_character_role_is_refused_with_its_length() {
        assertThatThrownBy(() -> Roles.check("a".repeat(10_000)))
                .hasMessage("role '" + "a".repeat(40) + "… (10000 characters)' is too long: at most 64 characters");
        assertThat(Roles.check("a".repeat(64))).hasSize(64);
    }
}
