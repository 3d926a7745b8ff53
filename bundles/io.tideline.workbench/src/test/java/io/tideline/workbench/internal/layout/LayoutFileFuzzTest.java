package io.tideline.workbench.internal.layout;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the layout file's reader with mutants of the shipped perspectives: every
 * {@code layout.json} is read, or the shipped perspectives are shown with a problem that names the
 * file and says where (a line and column, or a JSON path) — never an unchecked exception, a hang
 * or an allocation out of proportion to the input.
 */
class LayoutFileFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("layout-fuzz-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem of a layout file that could not be used, as the checked error the harness expects. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
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
    Arbitrary<byte[]> layouts() {
        return Fuzz.inputs(List.of(LayoutFile.json(LayoutFile.defaults()).getBytes(StandardCharsets.UTF_8)), 16_384);
    }

    @Property
    void any_layout_file_is_read_or_replaced_by_the_defaults_saying_where(@ForAll("layouts") byte[] input)
            throws IOException {
        Path dir = Files.createTempDirectory(DIR, "try-");
        Path file = dir.resolve("layout.json");
        Files.write(file, input);
        Fuzz.run(input, Refused.class, 64L << 20,
                m -> m.startsWith(file + " cannot be used (") && (m.matches("(?s).*\\(line \\d+, column \\d+: .*")
                        || m.matches("(?s).*\\(at \\$.*: .*") || m.contains("(the file is empty)")
                        || m.contains("no format version ($.version)") || m.contains("written by a newer Tideline")),
                () -> {
                    LayoutFile.Loaded loaded = new LayoutFile(file).read();
                    if (loaded.problem() != null) {
                        if (loaded.problem().contains("(class ") || loaded.problem().contains("Cannot invoke")) {
                            throw new AssertionError("a Java class name reaches the user: " + loaded.problem());
                        }
                        throw new Refused(loaded.problem());
                    }
                });
    }

    @Test
    void a_stream_limit_is_placed_where_the_parser_stopped() throws IOException {
        Path file = Files.createTempDirectory(DIR, "limit-").resolve("layout.json");
        Files.writeString(file, "{\"version\": 1" + "0".repeat(1_001) + "}");
        assertThat(new LayoutFile(file).read().problem()).startsWith(file + " cannot be used (line 1, column ");
    }

    @Test
    void a_misspelled_key_is_named_without_the_java_class() throws IOException {
        Path file = Files.createTempDirectory(DIR, "key-").resolve("layout.json");
        Files.writeString(file, LayoutFile.json(LayoutFile.defaults()).replaceFirst("\\{",
                "{\"" + "k".repeat(10_000) + "\": 2,"));
        String problem = new LayoutFile(file).read().problem();
        assertThat(problem).contains("(at $.kkkk").contains("… (10,000 characters)").doesNotContain("class ")
                .hasSizeLessThan(1_000);
    }

    @Test
    void a_missing_part_is_said_in_words() throws IOException {
        Path file = Files.createTempDirectory(DIR, "missing-").resolve("layout.json");
        Files.writeString(file, "{\"version\": 1}");
        assertThat(new LayoutFile(file).read().problem()).startsWith(file + " cannot be used (at $: a required value"
                + " is missing here)").doesNotContain("io.tideline").doesNotContain("Cannot invoke");
    }
}
