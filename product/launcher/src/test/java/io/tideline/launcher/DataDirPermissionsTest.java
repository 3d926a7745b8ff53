package io.tideline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and ConfigAdmin's folder private to their owner, on real files. */
class DataDirPermissionsTest {

    @TempDir
    Path dir;

    @Test
    void aNewDataDirectoryAndItsConfigFolderAreCreatedPrivate() throws Exception {
        Path data = dir.resolve("a/b/data");

        DataDirPermissions.secure(data, "config");

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirPermissions.PRIVATE_DIR);
        assertThat(Files.getPosixFilePermissions(data.resolve("config"))).isEqualTo(DataDirPermissions.PRIVATE_DIR);
    }

    @Test
    void settingsWrittenReadableByAllAreMadePrivateAtTheNextStart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path fredFolder = Files.createDirectories(data.resolve("config/io/tideline/feed"));
        Files.setPosixFilePermissions(fredFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
        // What ConfigAdmin writes under the usual umask 022: a secret readable by every user.
        Path fred = Files.writeString(fredFolder.resolve("fred.config"), ".apiKey=\"abc123\"\n");
        Files.setPosixFilePermissions(fred, PosixFilePermissions.fromString("rw-r--r--"));
        Path elsewhere = Files.writeString(dir.resolve("not-ours.txt"), "x");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(fredFolder.resolve("link.config"), elsewhere);

        DataDirPermissions.secure(data, "config");

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirPermissions.PRIVATE_DIR);
        assertThat(Files.getPosixFilePermissions(data.resolve("config"))).isEqualTo(DataDirPermissions.PRIVATE_DIR);
        assertThat(Files.getPosixFilePermissions(fredFolder)).isEqualTo(DataDirPermissions.PRIVATE_DIR);
        assertThat(Files.getPosixFilePermissions(fred)).isEqualTo(DataDirPermissions.PRIVATE_FILE);
        assertThat(Files.readString(fred)).as("content untouched").isEqualTo(".apiKey=\"abc123\"\n");
        assertThat(Files.getPosixFilePermissions(elsewhere)).as("a link's target outside is not changed")
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void aFileWhereTheConfigFolderBelongsIsRefusedWithItsPath() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path config = Files.writeString(data.resolve("config"), "not a folder");

        assertThatThrownBy(() -> DataDirPermissions.secure(data, "config"))
                .hasMessage(config + " is a file, but Tideline keeps its settings in a folder of that name;"
                        + " move the file away (mv " + config + " " + config + ".old) and start again");
        assertThat(Files.readString(config)).as("nothing of the user's is deleted").isEqualTo("not a folder");
    }
}
