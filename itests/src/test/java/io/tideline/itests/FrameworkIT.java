package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The real Felix framework with the real distribution bundles, booted in this JVM. */
class FrameworkIT {

    @TempDir
    Path work;

    private TidelineFramework tideline;
    private BundleContext context;

    @BeforeEach
    void boot() throws Exception {
        tideline = Dist.boot(work);
        context = tideline.context();
    }

    @AfterEach
    void shutdown() throws Exception {
        tideline.close();
    }

    @Test
    void everyDistributionBundleInstallsAndStarts() {
        assertThat(tideline.startFailures()).isEmpty();
        assertThat(tideline.inactiveBundles()).isEmpty();
        assertThat(Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName))
                .contains("io.tideline.api", "io.tideline.api.ui", "io.tideline.platform", "io.tideline.cli",
                        "io.tideline.workbench", "org.apache.felix.scr", "org.apache.felix.configadmin",
                        "org.apache.felix.eventadmin", "org.apache.felix.metatype", "org.apache.felix.fileinstall",
                        "org.apache.felix.gogo.runtime");
    }

    @Test
    void componentServicesFollowTheirBundleLifecycle() throws Exception {
        Bundle cli = Dist.bundle(context, "io.tideline.cli");
        String status = "(&(objectClass=io.tideline.api.command.Command)(component.name=io.tideline.cli.internal.StatusCommand))";
        Dist.await("status command registered", () -> !Dist.services(context, status).isEmpty());

        cli.stop();
        assertThat(Dist.services(context, status)).isEmpty();
        assertThat(Dist.services(context, "(objectClass=io.tideline.launcher.spi.HeadlessConsole)")).isEmpty();

        cli.start();
        Dist.await("status command back", () -> !Dist.services(context, status).isEmpty());
        Dist.Result result = Dist.run(context, "status");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("io.tideline.cli").contains("Problems: none");
    }

    @Test
    void aDynamicOptionalReferenceSurvivesItsProviderLeaving() throws Exception {
        Dist.bundle(context, "io.tideline.platform").stop();
        Dist.Result without = Dist.run(context, "status");
        assertThat(without.code()).isEqualTo(1);
        assertThat(without.err()).contains("io.tideline.platform");

        Dist.bundle(context, "io.tideline.platform").start();
        Dist.await("status works again", () -> Dist.run(context, "status").code() == 0);
    }

    @Test
    void gogoShellOffersEveryCommand() throws Exception {
        String gogoStatus = "(&(osgi.command.scope=tideline)(osgi.command.function=status))";
        Dist.await("tideline:status in Gogo", () -> !Dist.services(context, gogoStatus).isEmpty());
        Dist.bundle(context, "io.tideline.cli").stop();
        assertThat(Dist.services(context, gogoStatus)).isEmpty();
    }

    @Test
    void frameworkPropertiesCarryTheFolders() {
        assertThat(context.getProperty("tideline.data.dir")).isEqualTo(work.resolve("data").toString());
        assertThat(context.getProperty("tideline.deploy.dir")).isEqualTo(work.resolve("deploy").toString());
        assertThat(context.getProperty("tideline.headless")).isEqualTo("true");
    }
}
