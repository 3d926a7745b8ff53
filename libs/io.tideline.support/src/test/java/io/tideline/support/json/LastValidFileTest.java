package io.tideline.support.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastValidFileTest {

    record Doc(Integer n) {
        Doc {
            JsonValueException.whole("n", n, 0, 9);
        }
    }

    private static final StrictJsonReader<Doc> READER = StrictJsonReader.of(Doc.class, "an object with n");

    private final LastValidFile<Doc> holder = new LastValidFile<>(() -> new Doc(0), READER::read);

    private static void write(Path f, String json, long seconds) throws Exception {
        Files.writeString(f, json);
        // Distinct modification times, as a file system may keep them in whole seconds.
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_700_000_000_000L + seconds * 1000));
    }

    @Test
    void defaults_then_the_file_then_the_previous_valid_value_while_the_file_is_refused(@TempDir Path dir)
            throws Exception {
        Path f = dir.resolve("doc.json");
        assertThat(holder.current(null)).isEqualTo(new LastValidFile.State<>(new Doc(0), null, null));

        write(f, "{\"n\": 3}", 1);
        assertThat(holder.current(f)).isEqualTo(new LastValidFile.State<>(new Doc(3), f, null));

        write(f, "{\"n\": 30}", 2);
        LastValidFile.State<Doc> refused = holder.current(f);
        assertThat(refused.value()).isEqualTo(new Doc(3));
        assertThat(refused.file()).isEqualTo(f);
        assertThat(refused.error()).isEqualTo(f + ": n: expected a whole number in [0, 9], got 30");
        // The error stays reported while the file is unchanged.
        assertThat(holder.current(f).error()).isEqualTo(refused.error());

        write(f, "{\"n\": 4}", 3);
        assertThat(holder.current(f)).isEqualTo(new LastValidFile.State<>(new Doc(4), f, null));

        Files.delete(f);
        assertThat(holder.current(null)).isEqualTo(new LastValidFile.State<>(new Doc(0), null, null));
    }

    @Test
    void another_file_in_the_place_of_the_first_is_read_even_with_the_same_time(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        write(a, "{\"n\": 1}", 5);
        write(b, "{\"n\": 2}", 5);
        assertThat(holder.current(a).value()).isEqualTo(new Doc(1));
        assertThat(holder.current(b)).isEqualTo(new LastValidFile.State<>(new Doc(2), b, null));
    }

    @Test
    void a_file_that_vanishes_between_listing_and_reading_is_reported(@TempDir Path dir) {
        Path gone = dir.resolve("gone.json");
        LastValidFile.State<Doc> s = holder.current(gone);
        assertThat(s.value()).isEqualTo(new Doc(0));
        assertThat(s.error()).isEqualTo(gone + ": cannot be read (no such file)");
    }
}
