package io.tideline.api.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemIsOneLineNamingItsSource() {
        assertThat(new Problem("feeds", "feed fred is DOWN").oneLine()).isEqualTo("feeds: feed fred is DOWN");
        assertThatThrownBy(() -> new Problem("feeds", "first\nsecond")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one line").hasMessageContaining("feeds: first");
        assertThatThrownBy(() -> new Problem(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textFromElsewhereHasItsLineBreaksFolded() {
        Problem p = Problem.of("bundles", "cannot start:\r\n   imports a.b\n  which nothing exports\n");
        assertThat(p.message()).isEqualTo("cannot start: imports a.b which nothing exports");
    }
}
