package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * Settings outlive the process: a configuration saved through ConfigAdmin (as the settings
 * dialog saves it) is there after a restart, and a {@code .cfg} that an admin removed while
 * Tideline was stopped takes its configuration with it.
 */
class SettingsPersistIT {


    @TempDir
    Path work;

    private static void awaitGreeting(BundleContext c, String greeting) throws InterruptedException {
        Dist.await("the greeter says " + greeting, () -> !Dist.services(c, "(&" + Dist.GREET_SERVICE + "(greeting=" + greeting + "))").isEmpty());
        assertThat(Dist.run(c, "greet", "Ada").out()).startsWith(greeting + ", Ada!");
    }

    @Test
    void aSavedSettingSurvivesARestartAndACfgRemovedWhileStoppedTakesItsSettingAlong() throws Exception {
        Path deploy = work.resolve("deploy");
        try (TidelineFramework t = Dist.boot(work)) {
            Dist.drop(Dist.DEPLOYABLES.resolve("greeter.jar"), deploy, "greeter.jar");
            awaitGreeting(t.context(), "Hello");
            Dist.configure(t.context(), Dist.GREETER, "greeting", "Salut");
            awaitGreeting(t.context(), "Salut");
        }
        assertThat(work.resolve("data/config")).as("ConfigAdmin's folder in the data directory").isDirectory();

        try (TidelineFramework t = Dist.boot(work)) {
            awaitGreeting(t.context(), "Salut");
            // The admin's file takes over the same PID.
            Dist.write(deploy, Dist.GREETER + ".cfg", "greeting=Hallo\n");
            awaitGreeting(t.context(), "Hallo");
        }

        Files.delete(deploy.resolve(Dist.GREETER + ".cfg"));
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (TidelineFramework t = Dist.boot(work)) {
            BundleContext c = t.context();
            Dist.await("the greeter", () -> !Dist.services(c, Dist.GREET_SERVICE).isEmpty());
            // FileInstall has scanned deploy/ (every 250 ms) by the time a file dropped now is picked up.
            Dist.write(deploy, "io.tideline.itest.marker.cfg", "x=1\n");
            Dist.await("deploy/ scanned", () -> !Dist.services(c, "(objectClass=org.osgi.service.cm.ConfigurationAdmin)").isEmpty()
                    && Dist.configured(c, "io.tideline.itest.marker"));
            awaitGreeting(c, "Hello");
        } finally {
            System.setErr(err);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).as("the user is told")
                .contains("WARN io.tideline.platform: configuration " + Dist.GREETER + " removed: its file "
                        + deploy.resolve(Dist.GREETER + ".cfg") + " was deleted while Tideline was not running")
                .doesNotContain("ERROR");
    }
}
