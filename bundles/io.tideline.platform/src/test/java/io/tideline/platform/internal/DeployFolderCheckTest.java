package io.tideline.platform.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.platform.DeployFileProblem;
import io.tideline.support.testing.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jars FileInstall would leave in the deploy folder without a word are named with the reason. */
class DeployFolderCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir
    Path deploy;

    private final DeployFolderCheck check = new DeployFolderCheck();

    /** Dates a file a minute back, so it counts as settled. */
    private Path settled(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(60)));
        return file;
    }

    private Path bundle(String file, String name, String version) throws IOException {
        return settled(PluginJars.write(deploy.resolve(file), ("Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n"
                + "Bundle-SymbolicName: " + name + "\r\nBundle-Version: " + version + "\r\n").getBytes(UTF_8)));
    }

    @Test
    void damaged_huge_and_headerless_jars_are_named_and_sound_ones_are_not() throws IOException {
        settled(PluginJars.huge(deploy.resolve("huge.jar"), 1L << 30));
        settled(Files.writeString(deploy.resolve("notes.jar"), "not a zip"));
        settled(PluginJars.write(deploy.resolve("plain.jar"), "Manifest-Version: 1.0\r\n".getBytes(UTF_8)));
        bundle("pending.jar", "com.acme.pending", "1.0.0");
        settled(Files.writeString(deploy.resolve("readme.txt"), "not a plugin, not FileInstall's business"));

        List<DeployFileProblem> problems = check.problems(deploy, Map.of(), NOW);

        assertThat(problems).extracting(DeployFileProblem::fileName).containsExactly("huge.jar", "notes.jar", "plain.jar");
        assertThat(problems.get(0).message()).startsWith("huge.jar is not an OSGi bundle: its manifest ")
                .contains("1,048,576").endsWith("; it is not installed: replace it with a sound bundle or remove it");
        assertThat(problems.get(1).message()).startsWith("notes.jar is not a jar: ");
        assertThat(problems.get(2).message())
                .startsWith("plain.jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
    }

    @Test
    void a_second_copy_of_an_installed_bundle_is_named_with_the_first() throws IOException {
        Path first = bundle("acme-1.jar", "com.acme.plugin", "1.2.0");
        bundle("acme-copy.jar", "com.acme.plugin", "1.2.0");
        bundle("acme-2.jar", "com.acme.plugin", "2.0.0");
        String location = first.toUri().toString();
        Map<Path, DeployFolderCheck.Installed> installed = Map.of(first.toAbsolutePath().normalize(),
                new DeployFolderCheck.Installed("com.acme.plugin", "1.2.0", location));

        assertThat(check.problems(deploy, installed, NOW)).containsExactly(new DeployFileProblem("acme-copy.jar",
                "acme-copy.jar holds com.acme.plugin 1.2.0, which is already installed from " + location
                        + "; a bundle is installed once: remove one of the two files"));
    }

    @Test
    void a_file_still_being_written_is_not_judged_until_it_settles() throws IOException {
        Path copying = Files.write(deploy.resolve("copying.jar"), new byte[] {'P', 'K', 3});
        Files.setLastModifiedTime(copying, FileTime.from(NOW.minusMillis(200)));
        assertThat(check.problems(deploy, Map.of(), NOW)).isEmpty();

        assertThat(check.problems(deploy, Map.of(), NOW.plusSeconds(5))).extracting(DeployFileProblem::fileName)
                .containsExactly("copying.jar");
    }

    @Test
    void a_fixed_or_removed_jar_is_no_longer_named() throws IOException {
        Path jar = settled(Files.writeString(deploy.resolve("acme.jar"), "broken"));
        assertThat(check.problems(deploy, Map.of(), NOW)).hasSize(1);

        // Replaced by a sound bundle: the new size and time make the check read it again.
        Files.delete(jar);
        bundle("acme.jar", "com.acme.plugin", "1.0.0");
        assertThat(check.problems(deploy, Map.of(), NOW)).isEmpty();

        settled(Files.writeString(deploy.resolve("other.jar"), "broken"));
        assertThat(check.problems(deploy, Map.of(), NOW)).hasSize(1);
        Files.delete(deploy.resolve("other.jar"));
        assertThat(check.problems(deploy, Map.of(), NOW)).isEmpty();
    }

    @Test
    void no_deploy_folder_means_no_problems() {
        assertThat(check.problems(null, Map.of(), NOW)).isEmpty();
        assertThat(check.problems(deploy.resolve("absent"), Map.of(), NOW)).isEmpty();
    }
}
