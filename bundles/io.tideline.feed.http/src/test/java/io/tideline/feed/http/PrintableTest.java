package io.tideline.feed.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void removesEscapeSequencesWhole() {
        assertThat(Printable.of("a\u001B]0;owned title\u0007b\u001B[2Jc\u001B[1;31md\u001B[0m\u001B]8;;http://x\u001B\\e"))
                .isEqualTo("abcde");
        assertThat(Printable.of("8-bit CSI \u009B2J and OSC \u009D0;t\u009C end")).isEqualTo("8-bit CSI  and OSC  end");
    }

    @Test
    void turnsLineBreaksAndTabsIntoSpacesAndDropsOtherControls() {
        assertThat(Printable.of("one\r\ntwo\tthree\u0000\u0007\u007F\u0085four")).isEqualTo("one  two threefour");
    }

    @Test
    void dropsBidirectionalOverrides() {
        assertThat(Printable.of("price \u202Eevil\u202C ok\u2066")).isEqualTo("price evil ok");
    }

    @Test
    void leavesOrdinaryTextAloneIncludingNonAscii() {
        String text = "Zürich 東京 – 3.5% ✓";
        assertThat(Printable.of(text)).isSameAs(text);
        assertThat(Printable.of(null)).isNull();
    }

    @Test
    void shortensLongTextSayingItsLength() {
        assertThat(Printable.shortened("x".repeat(100_000), 10)).isEqualTo("xxxxxxxxxx… (100000 characters)");
        assertThat(Printable.shortened("short", 10)).isEqualTo("short");
    }
}
