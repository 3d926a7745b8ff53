package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * A workbench in team mode whose store server is down: its window opens and works, the status
 * bar and {@code status} say that the store is unavailable and why, a command that needs the
 * store fails at once with that reason instead of waiting, and once the server is started the
 * workbench connects by itself and its views hear of the stored series. Real framework, real
 * window under Xvfb, the distribution's own {@code bin/tideline-db-server} as a process. Own
 * class: one window per test JVM.
 */
class WorkbenchServerDownIT {

    @TempDir
    Path work;

    @Test
    void theWindowWorksWhileTheServerIsDownAndTheStoreConnectsOnceItIsUp() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh").isNotBlank();
        Path shots = Files.createDirectories(Path.of(System.getProperty("tideline.screenshots")));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Dist.write(deploy, "io.tideline.store.derby.cfg", """
                mode=server
                url=jdbc:derby://127.0.0.1:%d/tideline;create=true
                user=desk
                .password=t0p-secret
                """.formatted(port));
        try (TidelineFramework t = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"), deploy,
                work.resolve("data"), false, false, Map.of()))) {
            BundleContext c = t.context();
            Dist.await("the workbench window", () -> Dist.run(c, "workbench", "views").code() == 0);
            Dist.await("the unreachable server in the status bar",
                    () -> Dist.run(c, "workbench", "status").out().contains("Series store unavailable"));
            String bar = Dist.run(c, "workbench", "status").out();
            assertThat(bar).contains("127.0.0.1").contains(Integer.toString(port))
                    .contains("connects by itself once the server answers")
                    .doesNotContain("t0p-secret");

            // Every command that needs the store answers with the reason, none waits for the server.
            Dist.Result list = Dist.run(c, "series", "list");
            assertThat(list.code()).isNotZero();
            assertThat(list.err()).contains("127.0.0.1").contains("connects by itself");
            Dist.Result info = Dist.run(c, "db", "info");
            assertThat(info.code()).isNotZero();
            assertThat(info.err()).contains("127.0.0.1:" + port).contains("connects by itself");
            Dist.Result status = Dist.run(c, "status");
            assertThat(status.code()).as("status reports the store as a problem").isEqualTo(1);
            assertThat(status.out() + status.err()).contains("127.0.0.1:" + port).doesNotContain("t0p-secret");
            // The window goes on working meanwhile.
            assertThat(Dist.run(c, "workbench", "perspective", "macro").code()).isZero();
            Path down = shots.resolve("team-server-down.png");
            Dist.Result shot = Dist.run(c, "workbench", "screenshot", down.toString());
            assertThat(shot.code()).as(shot.err()).isZero();
            Screen.assertDrawn(down);

            ProcessBuilder pb = new ProcessBuilder(Dist.HOME.resolve("bin/tideline-db-server").toString(), "--dir",
                    work.resolve("server").toString(), "--port", Integer.toString(port), "--user", "desk");
            pb.environment().put("TIDELINE_DB_PASSWORD", "t0p-secret");
            Process server = pb.redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
            try {
                // Retries back off to at most 30 s apart.
                Dist.await("the store connected by itself", () -> Dist.run(c, "series", "list").code() == 0);
                Dist.await("the status bar notice gone",
                        () -> !Dist.run(c, "workbench", "status").out().contains("Series store unavailable"));
                Dist.Result up = Dist.run(c, "db", "info");
                assertThat(up.out()).contains("mode       server").contains("127.0.0.1:" + port);
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
