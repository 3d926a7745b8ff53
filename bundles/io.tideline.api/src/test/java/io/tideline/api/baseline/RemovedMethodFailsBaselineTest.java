package io.tideline.api.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.osgi.Resource;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.version.Version;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check the build runs on every API bundle (bnd-baseline-maven-plugin, which fails the build
 * when any package {@code Info} or the bundle reports a mismatch), run here with the same bndlib
 * classes on this bundle as built ({@code target/classes} with the manifest bnd wrote) against a
 * copy in which one method of a real API interface is removed: the package must come out MAJOR
 * and mismatched, since its {@code @Version} was not raised to the next major.
 */
class RemovedMethodFailsBaselineTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path CHECKLIST_SOURCE = Path.of("src", "main", "java", "io", "tideline", "regime", "api",
            "Checklist.java");
    private static final String REPLAY = "    List<Verdict> replay(LocalDate from, LocalDate to);\n";

    @Test
    void removingAMethodFromAnApiInterfaceIsAMajorChangeTheBaselineRefuses(@TempDir Path temp) throws Exception {
        try (Processor processor = new Processor();
                Jar released = new Jar(CLASSES.toFile());
                Jar changed = new Jar(CLASSES.toFile())) {
            changed.putResource("io/tideline/regime/api/Checklist.class",
                    Resource.fromURL(checklistWithoutReplay(temp).toUri().toURL()));

            Baseline baseline = new Baseline(processor, new DiffPluginImpl());
            Info regime = info(baseline.baseline(changed, released, null), "io.tideline.regime.api");

            assertThat(regime.packageDiff.getDelta()).isEqualTo(Delta.MAJOR);
            assertThat(regime.mismatch).as("a MAJOR change without a major @Version bump fails the build").isTrue();
            assertThat(regime.newerVersion).isEqualTo(regime.olderVersion);
            assertThat(regime.suggestedVersion).isEqualTo(new Version(regime.olderVersion.getMajor() + 1, 0, 0));
            assertThat(render(regime.packageDiff)).contains("REMOVED", "replay(java.time.LocalDate,java.time.LocalDate)");
        }
    }

    @Test
    void theUnchangedBundleHasNoMismatch() throws Exception {
        try (Processor processor = new Processor();
                Jar released = new Jar(CLASSES.toFile());
                Jar same = new Jar(CLASSES.toFile())) {
            Baseline baseline = new Baseline(processor, new DiffPluginImpl());
            Set<Info> infos = baseline.baseline(same, released, null);

            assertThat(infos).extracting(info -> info.packageName)
                    .contains("io.tideline.api.indicator.sdk", "io.tideline.regime.api", "io.tideline.scenario.api");
            assertThat(infos).allSatisfy(info -> {
                assertThat(info.packageDiff.getDelta()).as(info.packageName).isEqualTo(Delta.UNCHANGED);
                assertThat(info.mismatch).as(info.packageName).isFalse();
            });
            assertThat(baseline.getBundleInfo().mismatch).isFalse();
        }
    }

    /** Compiles the real {@code Checklist} source with its {@code replay} method cut out. */
    private static Path checklistWithoutReplay(Path temp) throws IOException {
        String source = Files.readString(CHECKLIST_SOURCE, StandardCharsets.UTF_8);
        assertThat(source).as("the method this test removes").contains(REPLAY);
        Path sourceDir = temp.resolve("src/io/tideline/regime/api");
        Files.createDirectories(sourceDir);
        Path edited = sourceDir.resolve("Checklist.java");
        Files.writeString(edited, source.replace(REPLAY, ""), StandardCharsets.UTF_8);

        Path out = temp.resolve("out");
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String classPath = CLASSES + File.pathSeparator + System.getProperty("java.class.path");
        boolean compiled = javac.getTask(errors, null, null,
                List.of("--release", "21", "-proc:none", "-cp", classPath, "-d", out.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(edited))
                .call();
        assertThat(compiled).as("compiling the edited Checklist: %s", errors).isTrue();
        return out.resolve("io/tideline/regime/api/Checklist.class");
    }

    private static Info info(Set<Info> infos, String packageName) {
        return infos.stream().filter(i -> i.packageName.equals(packageName)).findFirst()
                .orElseThrow(() -> new AssertionError("no baseline info for " + packageName + " in " + infos));
    }

    private static String render(Diff diff) {
        StringBuilder text = new StringBuilder();
        render(diff, text);
        return text.toString();
    }

    private static void render(Diff diff, StringBuilder text) {
        text.append(diff.getDelta()).append(' ').append(diff.getType()).append(' ').append(diff.getName()).append('\n');
        for (Diff child : diff.getChildren()) {
            render(child, text);
        }
    }
}
