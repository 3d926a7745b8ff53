package io.tideline.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictJsonReaderTest {

    record Limit(String role, Double max) {
        Limit {
            JsonValueException.role("role", role);
            JsonValueException.real("max", max, 0, 10);
        }
    }

    record Doc(Integer version, List<Limit> limits, Boolean strict) {
        Doc {
            JsonValueException.whole("version", version, 1, 1);
            limits = JsonValueException.nonEmpty("limits", limits);
        }
    }

    private static final StrictJsonReader<Doc> ROOTED = StrictJsonReader.of(Doc.class, "a JSON object with limits")
            .rootedAt("$");
    private static final StrictJsonReader<Doc> BARE = StrictJsonReader.of(Doc.class, "a JSON object with limits")
            .everyKeyRequired();

    private static JsonFileException failure(StrictJsonReader<Doc> reader, String json) {
        try {
            reader.read("doc.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonFileException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void a_valid_document_is_read() throws JsonFileException {
        Doc d = ROOTED.read("doc.json", new ByteArrayInputStream(
                "{\"version\": 1, \"limits\": [{\"role\": \"btc\", \"max\": 2.5}], \"strict\": true}".getBytes()));
        assertThat(d.limits()).containsExactly(new Limit("btc", 2.5));
    }

    @Test
    void an_out_of_range_value_in_a_list_names_file_path_and_range() {
        JsonFileException e = failure(ROOTED, "{\"version\": 1, \"limits\": [{\"role\": \"btc\", \"max\": 2},"
                + " {\"role\": \"spx\", \"max\": 11}], \"strict\": true}");
        assertThat(e.file()).isEqualTo("doc.json");
        assertThat(e.path()).isEqualTo("$.limits[1].max");
        assertThat(e).hasMessage("doc.json: $.limits[1].max: expected a number in [0.0, 10.0], got 11.0");
    }

    @Test
    void without_a_root_the_path_starts_at_the_first_key() {
        JsonFileException e = failure(BARE, "{\"version\": 2, \"limits\": [], \"strict\": true}");
        assertThat(e).hasMessage("doc.json: version: expected a whole number in [1, 1], got 2");
    }

    @Test
    void a_string_is_not_coerced_to_a_number_nor_a_boolean() {
        assertThat(failure(ROOTED, "{\"version\": \"1\", \"limits\": [], \"strict\": true}").getMessage())
                .isEqualTo("doc.json: $.version: expected a whole number");
        assertThat(failure(ROOTED, "{\"version\": 1, \"limits\": [{\"role\": \"btc\", \"max\": 1}], \"strict\": \"yes\"}")
                .getMessage()).isEqualTo("doc.json: $.strict: expected true or false");
    }

    @Test
    void an_unknown_key_lists_the_known_ones() {
        // With the known key present too: a record's constructor runs before Jackson looks at the
        // keys it did not use, so a lone typo reads as the missing key.
        JsonFileException e = failure(ROOTED, "{\"version\": 1, \"limitz\": [], \"limits\": [{\"role\": \"a\", \"max\": 1}]}");
        assertThat(e.path()).isEqualTo("$.limitz");
        assertThat(e.expected()).isEqualTo("unknown key; expected one of limits, strict, version");
    }

    @Test
    void a_missing_key_is_named_when_every_key_is_required_and_left_to_the_record_otherwise() {
        assertThat(failure(BARE, "{\"version\": 1, \"limits\": [{\"role\": \"btc\"}], \"strict\": true}"))
                .hasMessage("doc.json: limits[0].max: missing or null; every key is required");
        assertThat(failure(ROOTED, "{\"version\": 1, \"limits\": [{\"role\": \"btc\"}]}")).hasMessage(
                "doc.json: $.limits[0].max: expected a number in [0.0, 10.0] (the key is required), got nothing");
    }

    @Test
    void a_repeated_key_is_named_with_its_path_and_place_in_words() {
        // Jackson would take the last value, or name the record's Java class for a creator property.
        assertThat(failure(ROOTED, "{\"version\": 1, \"limits\": [{\"role\": \"btc\", \"max\": 1, \"max\": 2}]}"))
                .hasMessage("doc.json: $.limits[0].max: line 1, column 58: this key appears twice in its object;"
                        + " expected each key once");
        assertThat(failure(BARE, "{\"version\": 1,\n \"version\": 1, \"limits\": [], \"strict\": true}"))
                .hasMessage("doc.json: version: line 2, column 11: this key appears twice in its object;"
                        + " expected each key once");
        assertThat(failure(BARE, "{\"" + "k".repeat(5_000) + "\": 1, \"" + "k".repeat(5_000) + "\": 2}").getMessage())
                .startsWith("doc.json: kkkk").contains("appears twice").hasSizeLessThan(300);
    }

    @Test
    void broken_json_names_line_and_column_and_an_empty_file_what_it_should_hold() {
        assertThat(failure(ROOTED, "{\n  \"version\": 1,,\n}").getMessage())
                .startsWith("doc.json: $: line 2, column 16: expected valid JSON");
        assertThat(failure(BARE, "null")).hasMessage("doc.json: expected a JSON object with limits");
    }

    @Test
    void a_file_is_named_by_its_path_and_an_absent_one_cannot_be_read(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("limits.json");
        Files.writeString(f, "{\"version\": 1, \"limits\": [{\"role\": \"BTC\", \"max\": 1}], \"strict\": true}");
        assertThatThrownBy(() -> ROOTED.read(f)).hasMessage(
                f + ": $.limits[0].role: expected a role name such as spx or btc.funding, got BTC");
        assertThatThrownBy(() -> ROOTED.read(dir.resolve("none.json"))).isInstanceOf(JsonFileException.class)
                .hasMessageContaining("none.json: $: cannot be read (no such file)");
    }

    @Test
    void a_missing_resource_is_a_build_error() {
        assertThatThrownBy(() -> ROOTED.resource(getClass().getClassLoader(), "no/such.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no/such.json");
    }
}
