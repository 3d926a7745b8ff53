package io.tideline.support.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandArgsTest {

    private static final CommandArgs.Parser PARSER = CommandArgs.parser().flags("--json", "--csv")
            .dates("--as-of", "--from").option("--portfolio", "a file (JSON or CSV)");

    @Test
    void flags_dates_and_values_are_read_and_the_last_repeat_wins() {
        CommandArgs a = PARSER.parse(List.of("--json", "--as-of", "2020-03-16", "--portfolio", "p.csv",
                "--as-of", "2020-03-17"));
        assertThat(a.flag("--json")).isTrue();
        assertThat(a.flag("--csv")).isFalse();
        assertThat(a.date("--as-of")).isEqualTo(LocalDate.of(2020, 3, 17));
        assertThat(a.date("--from")).isNull();
        assertThat(a.value("--portfolio")).isEqualTo("p.csv");
    }

    @Test
    void errors_name_the_argument_and_what_it_needs_in_argument_order() {
        assertThatThrownBy(() -> PARSER.parse(List.of("--as-of", "16.3.2020", "--bogus")))
                .hasMessage("--as-of '16.3.2020' is not a date: expected YYYY-MM-DD");
        assertThatThrownBy(() -> PARSER.parse(List.of("--bogus", "--as-of", "x")))
                .hasMessage("unknown argument --bogus");
        assertThatThrownBy(() -> PARSER.parse(List.of("--from")))
                .hasMessage("--from needs a date (YYYY-MM-DD)");
        assertThatThrownBy(() -> PARSER.parse(List.of("--portfolio")))
                .hasMessage("--portfolio needs a file (JSON or CSV)");
    }

    @Test
    void a_long_or_unprintable_argument_is_quoted_cut_and_on_one_line() {
        String blob = "--x\n" + "9".repeat(500);
        Throwable unknown = org.assertj.core.api.Assertions.catchThrowable(() -> PARSER.parse(List.of(blob)));
        assertThat(unknown.getMessage()).startsWith("unknown argument --x").doesNotContain("\n")
                .contains("(504 characters)").hasSizeLessThan(200);
        Throwable date = org.assertj.core.api.Assertions.catchThrowable(() -> PARSER.parse(List.of("--as-of",
                "2020\u0007" + "1".repeat(300))));
        assertThat(date.getMessage()).startsWith("--as-of '2020").doesNotContain("\u0007")
                .endsWith("' is not a date: expected YYYY-MM-DD").hasSizeLessThan(200);
    }
}
