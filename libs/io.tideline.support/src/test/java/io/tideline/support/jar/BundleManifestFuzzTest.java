package io.tideline.support.jar;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tideline.support.testing.Fuzz;
import io.tideline.support.testing.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the reading of a plugin jar's bundle headers: mutated manifests inside a sound jar, and
 * mutated bytes of whole jars. Every jar gives its symbolic name and version, or an
 * {@link IOException} naming the jar and what was expected — never an unchecked exception, a
 * hang, a Java class name, or an allocation out of proportion to the jar.
 */
class BundleManifestFuzzTest {

    private static final Path DIR = Fuzz.scratch("manifest-fuzz-");
    private static final List<byte[]> MANIFESTS = Fuzz.seeds(PluginJars.MANIFEST,
            "Bundle-SymbolicName: a\n",
            "Manifest-Version: 1.0\nBundle-SymbolicName: io.tideline.sample-plugin\nBundle-Version: 0.1.0.SNAPSHOT\n"
                    + "Require-Capability: osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=21))\"\n"
                    + "Import-Package: io.tideline.api.feed;version=\"[1.1,2)\",io.tideline.api.series;version=\"[1.0,2)\"\n"
                    + "  ,org.osgi.framework\n");

    private static boolean namesTheJar(String message, Path jar) {
        String name = jar.getFileName().toString();
        // Refusals quote the manifest's own text (a header value, or the JDK's "invalid header field
        // name: …"), and the seeds import io.tideline packages: such text may read like a Tideline
        // class (io.tideline.api.Package). The reader names no class of its own; check for the
        // JDK's exception names only.
        String words = message.replace("io.tideline.", "");
        return (message.startsWith(name + " ") || message.startsWith(name + ": ")) && Fuzz.noJavaNames(words)
                && message.chars().noneMatch(c -> c < 0x20);
    }

    @Provide
    Arbitrary<byte[]> manifests() {
        return Fuzz.inputs(MANIFESTS, 4096);
    }

    @Provide
    Arbitrary<byte[]> jars() throws IOException {
        Path seed = Files.createTempDirectory(DIR, "seed-");
        List<byte[]> jars = new java.util.ArrayList<>();
        for (int i = 0; i < MANIFESTS.size(); i++) {
            jars.add(PluginJars.bytes(seed.resolve(i + ".jar"), MANIFESTS.get(i)));
        }
        return Fuzz.inputs(jars, 4096);
    }

    @Property
    void any_manifest_gives_the_bundle_headers_or_a_refusal_naming_the_jar(@ForAll("manifests") byte[] manifest)
            throws IOException {
        // One file, rewritten per try: a folder per try left a million to remove at exit.
        Path jar = PluginJars.write(DIR.resolve("plugin.jar"), manifest);
        Fuzz.run(manifest, IOException.class, (16L << 20) + 64L * manifest.length, m -> namesTheJar(m, jar),
                () -> BundleManifest.read(jar));
    }

    @Property
    void any_jar_bytes_give_the_bundle_headers_or_a_refusal_naming_the_jar(@ForAll("jars") byte[] bytes)
            throws IOException {
        Path jar = Files.write(DIR.resolve("plugin.jar"), bytes);
        Fuzz.run(bytes, IOException.class, (16L << 20) + 64L * bytes.length, m -> namesTheJar(m, jar),
                () -> BundleManifest.read(jar));
    }

    @Test
    void a_refused_value_that_reads_like_a_java_class_is_still_a_located_refusal() throws IOException {
        // Found by the 200,000-try runs: the check took quoted manifest text for a Java class name.
        byte[] manifest = "Bundle-SymbolicName: a\nBundle-Version: 0.1.0.SNAPSHO,2)\",io.tideline.api.T\n".getBytes(UTF_8);
        Path jar = PluginJars.write(DIR.resolve("plugin.jar"), manifest);
        IOException e = Fuzz.run(manifest, IOException.class, 16L << 20, m -> namesTheJar(m, jar),
                () -> BundleManifest.read(jar));
        org.assertj.core.api.Assertions.assertThat(e).hasMessageStartingWith("plugin.jar: Bundle-Version '0.1.0.SNAPSHO");
        byte[] header = "Bundle-SymbolicName: a\nImport-e* io.tideline.api.feed,io.tideline.api.Package\n".getBytes(UTF_8);
        PluginJars.write(jar, header);
        e = Fuzz.run(header, IOException.class, 16L << 20, m -> namesTheJar(m, jar), () -> BundleManifest.read(jar));
        org.assertj.core.api.Assertions.assertThat(e).hasMessageStartingWith("plugin.jar has a damaged manifest (");
    }
}
