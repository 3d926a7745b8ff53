package io.tideline.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void a_long_value_is_cut_with_its_length_said() {
        assertThat(Excerpt.of("x".repeat(10_000))).isEqualTo("x".repeat(80) + "… (10,000 characters)");
        assertThat(Excerpt.of("short")).isEqualTo("short");
        assertThat(Excerpt.of(null)).isEqualTo("null");
    }

    @Test
    void control_and_bidi_characters_are_escaped_so_the_message_stays_one_readable_line() {
        assertThat(Excerpt.printable("tru\u0000sted\n\u001B[2J\u202Eevil\t", 80))
                .isEqualTo("tru\\u0000sted\\n\\u001b[2J\\u202eevil\\t");
        assertThat(Excerpt.printable("off", 80)).isEqualTo("off");
        assertThat(Excerpt.printable("\u0007".repeat(1_000), 10)).isEqualTo("\\u0007".repeat(10) + "… (1,000 characters)");
    }
}
