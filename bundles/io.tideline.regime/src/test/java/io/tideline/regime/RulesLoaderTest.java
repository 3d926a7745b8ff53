package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.support.json.JsonFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesLoaderTest {

    private static String defaultsText() throws IOException {
        try (InputStream in = RulesLoader.class.getClassLoader().getResourceAsStream(RulesLoader.DEFAULTS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonFileException failure(String json) {
        try {
            RulesLoader.READER.read("checklist-rules.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonFileException e) {
            return e;
        }
        throw new AssertionError("expected the rules to be rejected");
    }

    @Test
    void the_defaults_load() {
        Rules r = RulesLoader.defaults();
        assertThat(r.steps().macro().yieldJumpBp()).isEqualTo(15);
        assertThat(r.steps().leadership().baskets()).containsExactly("leaders", "software");
        assertThat(r.regime().tierMinScores()).containsExactly(1, 3, 4, 6);
        assertThat(r.steps().correlation().intraday()).isEqualTo(new Rules.Intraday(7, 60, -1.5, -1.0, 30, 0.5));
        assertThat(r.steps().correlation().compressionWarning()).isEqualTo(new Rules.CompressionWarning(20, 5, 3));
    }

    @Test
    void an_unknown_key_names_file_path_and_the_known_keys() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"yieldJumpBp\"", "\"yieldJumpBps\": 15, \"yieldJumpBp\""));
        assertThat(e.file()).isEqualTo("checklist-rules.json");
        assertThat(e.path()).isEqualTo("steps.macro.yieldJumpBps");
        assertThat(e.getMessage()).contains("unknown key").contains("yieldJumpBp");
    }

    @Test
    void a_string_where_a_number_belongs_is_refused_not_coerced() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"yieldJumpBp\": 15", "\"yieldJumpBp\": \"15\""));
        assertThat(e.getMessage()).startsWith("checklist-rules.json: steps.macro.yieldJumpBp: expected a number");
    }

    @Test
    void a_fraction_where_a_whole_number_belongs_is_refused() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"days\": 5", "\"days\": 5.5"));
        assertThat(e.path()).isEqualTo("steps.macro.days");
        assertThat(e.expected()).contains("whole number");
    }

    @Test
    void an_out_of_range_value_names_its_range() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"yieldJumpBp\": 15", "\"yieldJumpBp\": 900"));
        assertThat(e.getMessage()).isEqualTo(
                "checklist-rules.json: steps.macro.yieldJumpBp: expected a number in [1.0, 200.0], got 900.0");
    }

    @Test
    void an_out_of_range_list_element_names_its_index() throws IOException {
        JsonFileException e = failure(defaultsText().replace("[1, 3, 4, 6]", "[1, 3, 3, 6]"));
        assertThat(e.path()).isEqualTo("regime.tierMinScores[2]");
    }

    @Test
    void a_missing_key_is_named() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"dollarRisePct\": 1.0", "\"unused\": null")
                .replace(",\n      \"unused\": null", ""));
        assertThat(e.path()).isEqualTo("steps.macro.dollarRisePct");
        assertThat(e.expected()).contains("missing");
    }

    @Test
    void broken_json_names_line_and_column() {
        JsonFileException e = failure("{\n  \"version\": 1,,\n}");
        assertThat(e.getMessage()).startsWith("checklist-rules.json: line 2");
    }

    @Test
    void a_file_is_named_by_its_path(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("checklist-rules.json");
        Files.writeString(f, defaultsText().replace("\"vixHigh\": 25", "\"vixHigh\": true"));
        assertThatThrownBy(() -> RulesLoader.READER.read(f)).isInstanceOf(JsonFileException.class)
                .hasMessageStartingWith(f + ": steps.correlation.vixHigh: expected a number");
    }
}
