package io.tideline.support.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.testing.Fuzz;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the strict JSON reader every user-edited JSON file goes through (rules, scenario packs,
 * layouts' siblings): any bytes end in a {@link JsonFileException} naming the file and the JSON
 * path or line, with a message of bounded length, or in a document.
 */
class StrictJsonReaderFuzzTest {

    record Limit(String role, Double max, String id, String note) {
        Limit {
            JsonValueException.role("role", role);
            JsonValueException.real("max", max, 0, 10);
            if (id != null) {
                JsonValueException.id("id", id);
            }
            if (note != null) {
                JsonValueException.text("note", note);
            }
        }
    }

    record Doc(Integer version, List<Limit> limits, Boolean strict, Map<String, Double> ratios, String kind) {
        Doc {
            JsonValueException.whole("version", version, 1, 1);
            limits = JsonValueException.nonEmpty("limits", limits);
            ratios = JsonValueException.ratios("ratios", ratios);
            if (kind != null) {
                JsonValueException.oneOf("kind", kind, List.of("calm", "stress"));
            }
        }
    }

    private static final StrictJsonReader<Doc> ROOTED = StrictJsonReader.of(Doc.class, "a JSON object with limits")
            .rootedAt("$");
    private static final StrictJsonReader<Doc> BARE = StrictJsonReader.of(Doc.class, "a JSON object with limits")
            .everyKeyRequired();

    @Provide
    Arbitrary<byte[]> documents() {
        return Fuzz.inputs(Fuzz.seeds(
                "{\"version\": 1, \"limits\": [{\"role\": \"btc\", \"max\": 2.5, \"id\": \"rates.calm\", \"note\": \"n\"},"
                        + " {\"role\": \"spx.vol\", \"max\": 0}], \"strict\": true, \"ratios\": {\"a\": 1.5},"
                        + " \"kind\": \"calm\"}",
                "{\n  \"version\": 1,\n  \"limits\": [\n    {\"role\": \"eth\", \"max\": 10, \"id\": \"A\", \"note\": \"x\"}\n"
                        + "  ],\n  \"strict\": false,\n  \"ratios\": {},\n  \"kind\": \"stress\"\n}\n"), 4096);
    }

    @Property
    void any_bytes_give_a_document_or_an_error_naming_file_and_place(@ForAll("documents") byte[] input) {
        for (StrictJsonReader<Doc> reader : List.of(ROOTED, BARE)) {
            JsonFileException e = Fuzz.run(input, JsonFileException.class, 64L << 20,
                    m -> m.startsWith("doc.json: ") && Fuzz.noJavaNames(m),
                    () -> reader.read("doc.json", new ByteArrayInputStream(input)));
            if (e != null) {
                assertThat(e.file()).isEqualTo("doc.json");
                // Where: a JSON path, a line, or (for the rooted reader) the root of the document.
                assertThat(e.path().isEmpty() && !e.expected().contains("line ") && !e.expected().startsWith("expected a JSON"))
                        .as("no place in %s", e.getMessage()).isFalse();
            }
        }
    }
}
