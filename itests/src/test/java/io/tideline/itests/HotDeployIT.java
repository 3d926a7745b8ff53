package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Hot deploy through the deploy folder, as an admin does it: files in, files out. */
class HotDeployIT {


    @TempDir
    Path work;

    private TidelineFramework tideline;
    private BundleContext context;
    private Path deploy;

    @BeforeEach
    void boot() throws Exception {
        tideline = Dist.boot(work);
        context = tideline.context();
        deploy = work.resolve("deploy");
    }

    @AfterEach
    void shutdown() throws Exception {
        tideline.close();
    }

    @Test
    void aJarDroppedIntoDeployStartsAndItsServiceComesAndGoes() throws Exception {
        Path jar = Dist.drop(Dist.DEPLOYABLES.resolve("greeter.jar"), deploy, "greeter.jar");
        Dist.await("greeter service registered", () -> !Dist.services(context, Dist.GREET_SERVICE).isEmpty());
        assertThat(Dist.bundle(context, Dist.GREETER).getState()).isEqualTo(Bundle.ACTIVE);

        Dist.Result greeting = Dist.run(context, "greet", "Ada");
        assertThat(greeting.code()).as(greeting.err()).isZero();
        assertThat(greeting.out()).isEqualTo("Hello, Ada!" + System.lineSeparator());

        Files.delete(jar);
        Dist.await("greeter uninstalled", () -> Arrays.stream(context.getBundles())
                .noneMatch(b -> Dist.GREETER.equals(b.getSymbolicName())));
        assertThat(Dist.services(context, Dist.GREET_SERVICE)).isEmpty();
        assertThat(Dist.run(context, "greet").code()).isEqualTo(2);
    }

    @Test
    void aCfgFileDroppedIntoDeployConfiguresTheComponent() throws Exception {
        Dist.drop(Dist.DEPLOYABLES.resolve("greeter.jar"), deploy, "greeter.jar");
        Dist.await("greeter service registered", () -> !Dist.services(context, Dist.GREET_SERVICE).isEmpty());

        Dist.write(deploy, Dist.GREETER + ".cfg", "greeting=Bonjour\n");
        Dist.await("configuration reaches the component",
                () -> !Dist.services(context, "(&" + Dist.GREET_SERVICE + "(greeting=Bonjour))").isEmpty());
        assertThat(Dist.run(context, "greet", "Ada").out()).startsWith("Bonjour, Ada!");

        Dist.write(deploy, Dist.GREETER + ".cfg", "greeting=Hallo\n");
        Dist.await("changed configuration reaches the component",
                () -> !Dist.services(context, "(&" + Dist.GREET_SERVICE + "(greeting=Hallo))").isEmpty());
        assertThat(Dist.run(context, "greet", "Ada").out()).startsWith("Hallo, Ada!");

        Files.delete(deploy.resolve(Dist.GREETER + ".cfg"));
        Dist.await("deleted configuration falls back to the default",
                () -> !Dist.services(context, "(&" + Dist.GREET_SERVICE + "(greeting=Hello)(!(service.pid=*)))").isEmpty());
        assertThat(Dist.run(context, "greet", "Ada").out()).startsWith("Hello, Ada!");
    }

    @Test
    void anUnresolvableJarIsReportedInOneReadableLineAndTheRestKeepsRunning() throws Exception {
        Dist.drop(Dist.DEPLOYABLES.resolve("unresolved.jar"), deploy, "unresolved.jar");
        Dist.await("unresolved bundle installed", () -> Arrays.stream(context.getBundles())
                .anyMatch(b -> "io.tideline.itest.unresolved".equals(b.getSymbolicName())));

        Dist.Result status = Dist.run(context, "status");
        assertThat(status.code()).isEqualTo(1);
        String problem = status.out().lines().filter(l -> l.contains("io.tideline.itest.unresolved") && l.contains("cannot start"))
                .findFirst().orElseThrow(() -> new AssertionError("no problem line in:\n" + status.out()));
        assertThat(problem.strip())
                .startsWith("io.tideline.itest.unresolved 0.1.0.SNAPSHOT (")
                .contains(deploy.resolve("unresolved.jar").toString())
                .endsWith(") cannot start: imports package io.tideline.missing.api [1.0.0,2.0.0), which no"
                        + " installed bundle provides");

        // Everything else still runs, and hot deploy still works.
        assertThat(tideline.inactiveBundles()).containsExactly("io.tideline.itest.unresolved 0.1.0.SNAPSHOT INSTALLED");
        Dist.drop(Dist.DEPLOYABLES.resolve("greeter.jar"), deploy, "greeter.jar");
        Dist.await("greeter service registered", () -> !Dist.services(context, Dist.GREET_SERVICE).isEmpty());
    }
}
