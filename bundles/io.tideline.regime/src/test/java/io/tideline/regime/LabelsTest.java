package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The labels file of {@code check score}: refused whole, with file and line, at the first fault. */
class LabelsTest {

    private static Labels read(String text) throws Exception {
        return Labels.read("labels.csv", new StringReader(text));
    }

    @Test
    void comments_and_blank_lines_are_skipped_and_windows_come_sorted() throws Exception {
        Labels l = read("""
                # why these windows
                start,end,kind

                # the later one first
                2022-11-07,2022-11-30,crypto-only
                2020-02-20,2020-03-23,risk-off
                """);
        assertThat(l.labels()).extracting(x -> x.kind().text()).containsExactly("risk-off", "crypto-only");
        assertThat(l.labels().get(0).line()).isEqualTo(6);
        assertThat(l.first()).hasToString("2020-02-20");
        assertThat(l.last()).hasToString("2022-11-30");
    }

    @Test
    void an_inverted_window_is_refused_with_its_line() {
        assertThatThrownBy(() -> read("start,end,kind\n# note\n2020-03-23,2020-02-20,risk-off\n"))
                .hasMessage("labels.csv:3: end 2020-02-20 is before start 2020-03-23: expected start <= end");
    }

    @Test
    void overlapping_windows_are_refused_naming_both_lines() {
        assertThatThrownBy(() -> read("start,end,kind\n2020-02-20,2020-03-23,risk-off\n2020-03-01,2020-04-30,calm\n"))
                .hasMessage("labels.csv:3: 2020-03-01..2020-04-30 overlaps 2020-02-20..2020-03-23 of line 2:"
                        + " expected windows that do not overlap");
        // sharing a single day is an overlap too
        assertThatThrownBy(() -> read("start,end,kind\n2020-02-20,2020-03-23,risk-off\n2020-03-23,2020-04-30,calm\n"))
                .hasMessageStartingWith("labels.csv:3: ");
    }

    @Test
    void an_unknown_kind_is_refused_listing_the_kinds() {
        assertThatThrownBy(() -> read("start,end,kind\n2020-02-20,2020-03-23,crash\n"))
                .hasMessage("labels.csv:2: unknown kind 'crash': expected risk-off, crypto-only or calm");
    }

    @Test
    void a_bad_date_is_refused_naming_the_field() {
        assertThatThrownBy(() -> read("start,end,kind\n2020-02-30,2020-03-23,risk-off\n"))
                .hasMessage("labels.csv:2: start '2020-02-30' is not a date: expected YYYY-MM-DD");
        assertThatThrownBy(() -> read("start,end,kind\n2020-02-20,23/03/2020,risk-off\n"))
                .hasMessage("labels.csv:2: end '23/03/2020' is not a date: expected YYYY-MM-DD");
    }

    @Test
    void a_missing_header_or_field_is_refused() {
        assertThatThrownBy(() -> read("2020-02-20,2020-03-23,risk-off\n"))
                .hasMessageStartingWith("labels.csv:1: expected the header start,end,kind");
        assertThatThrownBy(() -> read("start,end,kind\n2020-02-20,2020-03-23\n"))
                .hasMessage("labels.csv:2: expected 3 fields start,end,kind, got 2");
        assertThatThrownBy(() -> read("start,end,kind\n")).hasMessageContaining("no labels");
    }

    @Test
    void the_shipped_labels_are_valid() throws Exception {
        Labels l = Labels.read(Path.of("../../docs/checklist-labels.csv"));
        assertThat(l.labels()).extracting(x -> x.kind().text()).contains("risk-off", "crypto-only", "calm");
        assertThat(Files.readString(Path.of("../../docs/checklist-labels.csv"))).contains("# ");
    }
}
