package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import io.tideline.support.testing.PluginJars;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Hostile plugins dropped into the deploy folder of the real distribution, in the real framework
 * running in this JVM: one calls {@code System.exit(42)}, one {@code Runtime.exit(43)}, one
 * {@code Runtime.halt(44)}, one loops for ever in its activator (ignoring interrupts), one throws.
 * Had any of them ended the process, this test's JVM would be gone and the run failed. Each is
 * reported by {@code status}, which exits 1; a well-behaved jar dropped after them still installs
 * and runs; deleting the looping jar is processed.
 */
class HostilePluginIT {

    private static final String PREFIX = "io.tideline.itest.hostile.";
    /** Short, so the test does not wait long; the default is 15 s. */
    private static final int LIMIT_SECONDS = 3;
    /** The looping one first: the jars behind it must not wait for it. */
    private static final String[] ACTIONS = {"loop", "exit", "runtime-exit", "halt", "throw"};

    @TempDir
    Path work;

    private TidelineFramework tideline;

    @AfterEach
    void shutdown() throws Exception {
        if (tideline != null) {
            tideline.close();
        }
    }

    @Test
    void hostilePluginsAreReportedAndNeitherEndNorFreezeTideline() throws Exception {
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        tideline = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"), deploy, work.resolve("data"),
                true, false, Map.of("tideline.deploy.startTimeoutSeconds", Integer.toString(LIMIT_SECONDS))));

        for (String action : ACTIONS) {
            Dist.drop(variant(action), deploy, "hostile-" + action + ".jar");
        }
        // Dropped last, behind the loop: it still installs and runs.
        Dist.drop(Dist.DEPLOYABLES.resolve("greeter.jar"), deploy, "greeter.jar");
        Dist.await("greeter's service registered after the hostile jars",
                () -> !Dist.services(tideline.context(), Dist.GREET_SERVICE).isEmpty());
        assertThat(Dist.run(tideline.context(), "greet", "Ada").out()).startsWith("Hello, Ada!");

        Dist.await("every hostile plugin reported by status", () -> {
            String out = Dist.run(tideline.context(), "status").out();
            // "NAME VERSION (" is how a problem line starts; the bundle table puts the version first.
            return Arrays.stream(ACTIONS).allMatch(a -> out.contains(PREFIX + a + " 1.0.0 ("));
        });
        Dist.Result status = Dist.run(tideline.context(), "status");
        assertThat(status.code()).as(status.out()).isEqualTo(1);
        assertThat(status.out()).contains(
                PREFIX + "exit 1.0.0 (" + deploy.resolve("hostile-exit.jar").toFile().toURI()
                        + ") cannot start: start failed: plugin " + PREFIX + "exit 1.0.0 called System.exit(42);"
                        + " plugins may not end Tideline, the call was refused",
                "plugin " + PREFIX + "runtime-exit 1.0.0 called Runtime.exit(43)",
                "plugin " + PREFIX + "halt 1.0.0 called Runtime.halt(44)",
                PREFIX + "throw 1.0.0 (" + deploy.resolve("hostile-throw.jar").toFile().toURI()
                        + ") cannot start: start failed: the hostile fixture fails on purpose",
                PREFIX + "loop 1.0.0 (" + deploy.resolve("hostile-loop.jar").toFile().toURI()
                        + ") cannot start: did not finish starting within " + LIMIT_SECONDS + " s; its start was cancelled");
        assertThat(status.out()).doesNotContain("Exception", "\tat ");

        // The looping activator was ended at its loop's checkpoint: the bundle is no longer STARTING.
        Dist.await("looping plugin's start ended", () -> state(PREFIX + "loop") == Bundle.RESOLVED);
        Files.delete(deploy.resolve("hostile-loop.jar"));
        Dist.await("looping plugin uninstalled after its jar was deleted", () -> state(PREFIX + "loop") == -1);

        // FileInstall still works after all that: a jar dropped now is installed and started.
        Dist.drop(Dist.DEPLOYABLES.resolve("momentum.jar"), deploy, "momentum.jar");
        Dist.await("momentum indicator started", () -> state("io.tideline.example.indicator") == Bundle.ACTIVE);
        assertThat(tideline.framework().getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(Dist.run(tideline.context(), "status").out()).doesNotContain(PREFIX + "loop 1.0.0 (");
    }

    /**
     * Jars FileInstall cannot install lie in the deploy folder without a bundle: one with a
     * gigabyte manifest (about a megabyte on disk), one that is no zip, one without bundle
     * headers, and a second copy of an installed plugin. Each is named with its reason by
     * {@code status} (exit 1), the sound plugin beside them keeps working, and a removed file is
     * no longer named.
     */
    @Test
    void jarsThatCannotBeInstalledAreNamedWithTheirReason() throws Exception {
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        tideline = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"), deploy, work.resolve("data"),
                true, false, Map.of()));
        Dist.drop(Dist.DEPLOYABLES.resolve("greeter.jar"), deploy, "greeter.jar");
        Dist.await("greeter's service registered", () -> !Dist.services(tideline.context(), Dist.GREET_SERVICE).isEmpty());

        Dist.drop(PluginJars.huge(work.resolve("huge.jar"), 1L << 30), deploy, "huge.jar");
        Dist.drop(Files.writeString(work.resolve("notes.jar"), "meeting notes, not a plugin"), deploy, "notes.jar");
        Dist.drop(PluginJars.write(work.resolve("plain.jar"), "Manifest-Version: 1.0\r\n".getBytes(StandardCharsets.UTF_8)),
                deploy, "plain.jar");
        Dist.drop(Dist.DEPLOYABLES.resolve("greeter.jar"), deploy, "greeter-copy.jar");

        // status lists problems under their source: "  deploy folder:", then one line each.
        String[] named = {"  deploy folder:\n", "    huge.jar is not an OSGi bundle: its manifest",
            "    notes.jar is not a jar: ",
            "    plain.jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName",
            "    greeter-copy.jar holds io.tideline.example.greeter "};
        Dist.await("every uninstallable jar named by status", () -> {
            String out = Dist.run(tideline.context(), "status").out();
            return Arrays.stream(named).allMatch(out::contains);
        });
        Dist.Result status = Dist.run(tideline.context(), "status");
        assertThat(status.code()).as(status.out()).isEqualTo(1);
        assertThat(status.out()).contains("more than the 1,048,576 a bundle manifest may have; it is not installed:"
                + " replace it with a sound bundle or remove it",
                "which is already installed from " + deploy.resolve("greeter.jar").toFile().toURI()
                        + "; a bundle is installed once: remove one of the two files");
        assertThat(status.out()).doesNotContain("Exception", "\tat ");
        assertThat(Dist.run(tideline.context(), "greet", "Ada").out()).startsWith("Hello, Ada!");

        for (String file : new String[] {"huge.jar", "notes.jar", "plain.jar", "greeter-copy.jar"}) {
            Files.delete(deploy.resolve(file));
        }
        Dist.await("removed jars no longer named", () -> !Dist.run(tideline.context(), "status").out()
                .contains("  deploy folder:\n"));
        assertThat(tideline.framework().getState()).isEqualTo(Bundle.ACTIVE);
    }

    private int state(String symbolicName) {
        return Arrays.stream(tideline.context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .mapToInt(Bundle::getState).findFirst().orElse(-1);
    }

    /** The fixture jar with its own symbolic name and action, so each variant is a bundle of its own. */
    private Path variant(String action) throws IOException {
        Path out = work.resolve("hostile-" + action + ".jar");
        try (InputStream in = Files.newInputStream(Dist.DEPLOYABLES.resolve("hostile.jar"));
                JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = new Manifest(jar.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-SymbolicName", PREFIX + action);
            main.putValue("Bundle-Version", "1.0.0");
            main.putValue("Tideline-Test-Action", action);
            try (OutputStream file = Files.newOutputStream(out); JarOutputStream copy = new JarOutputStream(file, manifest)) {
                for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                    copy.putNextEntry(new JarEntry(e.getName()));
                    jar.transferTo(copy);
                    copy.closeEntry();
                }
            }
        }
        return out;
    }
}
