package io.tideline.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tideline.support.testing.Fuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the reader of {@code roles.json} with mutants of valid files: every input gives the
 * bindings or an {@link IOException} naming the file and a line and column or the role's field —
 * never an unchecked exception, a hang or an allocation out of proportion to the input.
 */
class RolesFileFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("roles-fuzz-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        return Fuzz.inputs(Fuzz.seeds(
                "{\n  \"version\" : 1,\n  \"roles\" : {\n    \"us10y\" : \"fred:DGS10\",\n    \"spx\" : \"yahoo:^GSPC\",\n"
                        + "    \"btc\" : \"binance:BTCUSDT@1d\",\n    \"vix\" : \"yahoo:^VIX\"\n  }\n}\n",
                "{\"version\": 1, \"roles\": {}}",
                "{\"roles\": {\"eurusd\": \"csv:eurusd\"}, \"version\": 1}"), 4096);
    }

    @Property
    void any_roles_file_is_read_or_refused_naming_file_and_place(@ForAll("files") byte[] input) throws IOException {
        Path file = DIR.resolve("roles.json");
        Files.write(file, input);
        Fuzz.run(input, IOException.class, 64L << 20,
                m -> m.startsWith(file + ": ") && !m.contains("`java.") && !m.contains("io.tideline.") && (m.matches("(?s).*\\(line \\d+, column \\d+\\)$")
                        || m.startsWith(file + ": roles.") || m.startsWith(file + ": version ")
                        || m.equals(file + ": empty file")),
                () -> RolesFile.load(file));
    }

    @Test
    void a_latin1_byte_is_placed_not_the_decoders_words() throws IOException {
        Path file = DIR.resolve("latin1.json");
        Files.write(file, "{\"version\": 1, \"roles\": {\"caf\u00e9\": \"fred:DGS10\"}}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(catchThrowableOfType(IOException.class, () -> RolesFile.load(file)).getMessage())
                .startsWith(file + ": ").contains("(line 1, column ").doesNotContain("Input length");
    }

    @Test
    void a_null_series_and_a_long_role_are_named_in_words() throws IOException {
        Path file = DIR.resolve("null.json");
        Files.writeString(file, "{\"version\": 1, \"roles\": {\"us10y\": null}}");
        assertThat(catchThrowableOfType(IOException.class, () -> RolesFile.load(file)))
                .hasMessage(file + ": roles.us10y: expected a series id, not null");
        Files.writeString(file, "{\"version\": 1, \"roles\": {\"" + "r".repeat(10_000) + "\": \"fred:DGS10\"}}");
        assertThat(catchThrowableOfType(IOException.class, () -> RolesFile.load(file)).getMessage())
                .startsWith(file + ": roles.rrrr").hasSizeLessThan(600);
    }

    @Test
    void bytes_that_look_like_utf32_are_refused_naming_the_file() throws IOException {
        // Found by the 1,000,000-try runs: Jackson read these bytes as UTF-32 and its
        // CharConversionException reached the user without the file or a place, from its decoder
        // (C3 00 00 00) or from the creation of the parser (00 00 6C 00, "Unsupported UCS-4 endianness").
        Path file = DIR.resolve("utf32.json");
        for (byte[] bytes : List.of(new byte[] {(byte) 0xC3, 0, 0, 0, 0, '{', '"'}, new byte[] {0, 0, 'l', 0, 0, 0, 0, 0})) {
            Files.write(file, bytes);
            assertThat(catchThrowableOfType(IOException.class, () -> RolesFile.load(file)).getMessage())
                    .startsWith(file + ": expected UTF-8 JSON text; the first bytes look like UTF-32 (")
                    .endsWith("; save it as UTF-8 (line 1, column 1)");
        }
    }

    @Test
    void a_key_given_twice_is_named_in_words_not_with_the_java_class() throws IOException {
        // Found by the 1,000,000-try run: a second "version" gave Jackson's "No fallback setter/field
        // defined for creator property 'version' (of `io.tideline.workspace.RolesFile`)"; a role
        // given twice was taken silently, the last one winning.
        Path file = DIR.resolve("twice.json");
        Files.writeString(file, "{\"roles\": {\"eurusd\": \"csv:eurusd\"}, \"version\": 1, \"version\": 1}");
        assertThat(catchThrowableOfType(IOException.class, () -> RolesFile.load(file)))
                .hasMessage(file + ": key 'version' appears twice in its object; expected each key once (line 1, column 60)");
        Files.writeString(file, "{\"version\": 1, \"roles\": {\"spx\": \"yahoo:^GSPC\", \"spx\": \"fred:SP500\"}}");
        assertThat(catchThrowableOfType(IOException.class, () -> RolesFile.load(file)).getMessage())
                .startsWith(file + ": key 'spx' appears twice in its object; expected each key once (line 1, column ");
    }

    @Test
    void a_stream_limit_is_placed_where_the_parser_stopped() throws IOException {
        Path file = DIR.resolve("limit.json");
        Files.writeString(file, "{\"version\": 1" + "0".repeat(1_001) + "}");
        assertThat(catchThrowableOfType(IOException.class, () -> RolesFile.load(file)).getMessage())
                .startsWith(file + ": ").contains("(line 1, column ");
    }
}
