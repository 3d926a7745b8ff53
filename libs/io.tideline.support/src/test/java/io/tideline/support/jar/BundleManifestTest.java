package io.tideline.support.jar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tideline.support.testing.Fuzz;
import io.tideline.support.testing.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

/** The bundle headers of a plugin jar, and how a bad, huge or bomb-like manifest is refused. */
class BundleManifestTest {

    /** Far less than the gigabyte of the huge manifest: the reader stops at its cap. */
    private static final long BUDGET = 16L << 20;

    @TempDir
    Path dir;

    private String refusal(String manifest) throws IOException {
        Path jar = PluginJars.write(dir.resolve("acme.jar"), manifest.getBytes(UTF_8));
        return catchThrowableOfType(IOException.class, () -> BundleManifest.read(jar)).getMessage();
    }

    @Test
    void a_bundles_name_and_version_are_read_without_their_directives() throws IOException {
        Path jar = PluginJars.write(dir.resolve("acme.jar"), PluginJars.MANIFEST.getBytes(UTF_8));
        assertThat(BundleManifest.read(jar))
                .isEqualTo(new BundleManifest("com.acme.plugin", new Version(1, 2, 0, "beta-1")));
        Path bare = PluginJars.write(dir.resolve("bare.jar"), "Bundle-SymbolicName: a\n".getBytes(UTF_8));
        assertThat(BundleManifest.read(bare).version()).isEqualTo(Version.emptyVersion);
    }

    @Test
    void bad_headers_are_named_with_the_value_and_what_was_expected() throws IOException {
        assertThat(refusal("Manifest-Version: 1.0\n")).isEqualTo(
                "acme.jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        assertThat(refusal("Bundle-SymbolicName: com..acme\n")).isEqualTo("acme.jar: Bundle-SymbolicName"
                + " 'com..acme' is not a symbolic name; expected words of letters, digits, _ and - joined by dots,"
                + " such as com.acme.plugin");
        assertThat(refusal("Bundle-SymbolicName: a\nBundle-Version: 1.x\u001b[2J\n")).isEqualTo(
                "acme.jar: Bundle-Version '1.x\\u001b[2J' is not a version; expected MAJOR.MINOR.MICRO.QUALIFIER such"
                        + " as 1.2.0 or 1.2.0.beta1 (whole numbers, then letters, digits, _ or -)");
        assertThat(refusal("Bundle-SymbolicName: " + "a b".repeat(100) + "\n"))
                .startsWith("acme.jar: Bundle-SymbolicName 'a ba b").contains("(300 characters)").hasSizeLessThan(300);
        assertThat(refusal(" continued\n")).startsWith("acme.jar has a damaged manifest (");
    }

    @Test
    void what_is_not_a_jar_or_has_no_manifest_is_named() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jar"), "hello");
        assertThat(catchThrowableOfType(IOException.class, () -> BundleManifest.read(text)))
                .hasMessageStartingWith("notes.jar is not a jar: ");
        assertThat(catchThrowableOfType(IOException.class, () -> BundleManifest.read(dir)))
                .hasMessageEndingWith(" is not a file");
    }

    @Test
    void a_gigabyte_manifest_is_refused_at_the_cap_without_reading_it_into_memory() throws IOException {
        Path jar = PluginJars.huge(dir.resolve("huge.jar"), 1L << 30);
        assertThat(Files.size(jar)).isLessThan(16L << 20);
        IOException e = Fuzz.run(new byte[0], IOException.class, BUDGET, m -> m.startsWith("huge.jar "),
                () -> BundleManifest.read(jar));
        assertThat(e).hasMessageMatching("huge\\.jar is not an OSGi bundle: its manifest is 1,073,741,\\d{3} bytes, more"
                + " than the 1,048,576 a bundle manifest may have");
    }

    @Test
    void a_manifest_that_claims_a_small_size_and_inflates_far_past_the_cap_is_refused() throws IOException {
        Path jar = PluginJars.huge(dir.resolve("bomb.jar"), 256L << 20);
        PluginJars.claimSize(jar, 100);
        IOException e = Fuzz.run(new byte[0], IOException.class, BUDGET, m -> m.startsWith("bomb.jar "),
                () -> BundleManifest.read(jar));
        assertThat(e).hasMessage("bomb.jar is not an OSGi bundle: its manifest expands to more than 1,048,576 bytes,"
                + " more than a bundle manifest may have");
    }
}
