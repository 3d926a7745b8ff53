package io.tideline.views.admin.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.support.testing.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCopyTest {

    @TempDir
    Path tmp;

    @Test
    void copiesABundleUnderItsNameLeavingNoPartialFile() throws IOException {
        Path jar = TestJars.bundle(tmp.resolve("acme.jar"), "com.acme.plugin");
        Path deploy = tmp.resolve("deploy");
        Path copied = DeployCopy.install(jar, deploy);
        assertThat(copied).isEqualTo(deploy.resolve("acme.jar")).hasSameBinaryContentAs(jar);
        try (var files = Files.list(deploy)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("acme.jar");
        }
        // A second copy replaces the file, which FileInstall takes as an update.
        Path newer = TestJars.bundle(tmp.resolve("v2/acme.jar").getParent().toFile().mkdirs()
                ? tmp.resolve("v2/acme.jar") : tmp.resolve("v2/acme.jar"), "com.acme.plugin", "Bundle-Version", "2.0.0");
        assertThat(DeployCopy.install(newer, deploy)).hasSameBinaryContentAs(newer);
    }

    @Test
    void refusesWhatIsNotABundleNamingTheFile() throws IOException {
        Path plain = TestJars.jar(tmp.resolve("plain.jar"), Map.of());
        assertThatThrownBy(() -> DeployCopy.install(plain, tmp.resolve("deploy")))
                .hasMessage("plain.jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        Path text = Files.writeString(tmp.resolve("notes.jar"), "hello");
        assertThatThrownBy(() -> DeployCopy.install(text, tmp.resolve("deploy"))).hasMessageStartingWith("notes.jar is not a jar");
        assertThat(tmp.resolve("deploy")).doesNotExist();
        assertThatThrownBy(() -> DeployCopy.install(plain, null)).hasMessageContaining("tideline.deploy.dir");
    }

    @Test
    void aGigabyteManifestOrABadVersionIsRefusedBeforeAnythingReachesTheDeployFolder() throws IOException {
        Path deploy = tmp.resolve("deploy");
        Path huge = PluginJars.huge(tmp.resolve("huge.jar"), 1L << 30);
        assertThatThrownBy(() -> DeployCopy.install(huge, deploy)).hasMessageStartingWith(
                "huge.jar is not an OSGi bundle: its manifest is 1,073,741,").hasMessageEndingWith(
                "bytes, more than the 1,048,576 a bundle manifest may have");
        Path badVersion = TestJars.bundle(tmp.resolve("acme.jar"), "com.acme.plugin", "Bundle-Version", "1.0.0.b@d");
        assertThatThrownBy(() -> DeployCopy.install(badVersion, deploy)).hasMessageStartingWith(
                "acme.jar: Bundle-Version '1.0.0.b@d' is not a version; expected MAJOR.MINOR.MICRO.QUALIFIER");
        assertThat(deploy).doesNotExist();
    }
}
