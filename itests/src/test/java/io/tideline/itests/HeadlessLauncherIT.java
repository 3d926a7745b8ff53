package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tideline --headless ...} run as a process, the way users and scripts run it. */
class HeadlessLauncherIT {

    @TempDir
    Path work;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TIDELINE_HOME", null);
        return env;
    }

    @Test
    void statusListsEveryBundleActiveAndTheDataDirectory() throws Exception {
        Path data = work.resolve("data");
        Launch.Outcome run = Launch.run(work.resolve("log"), env(), "--headless", "--data-dir", data.toString(),
                "--deploy-dir", work.resolve("deploy").toString(), "status");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("data directory  " + data).contains("mode            headless")
                .contains("Problems: none");
        List<String> bundleLines = run.out().lines().filter(l -> l.matches("\\s+\\d+\\s+[A-Z]+\\s+.*")).toList();
        assertThat(bundleLines).hasSizeGreaterThan(20);
        assertThat(bundleLines).allMatch(l -> l.contains(" ACTIVE ") || l.contains(" FRAGMENT "));
        assertThat(Files.isDirectory(data)).isTrue();
    }

    @Test
    void timingReportsProcessStartToAllBundlesActive() throws Exception {
        Launch.Outcome run = Launch.run(work.resolve("log"), env(), "--headless", "--timing", "--data-dir",
                work.resolve("data").toString(), "--deploy-dir", work.resolve("deploy").toString(), "help");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("0 inactive; framework boot \\d+ ms; process start to all bundles active \\d+ ms");
        assertThat(run.out()).contains("status").contains("help COMMAND");
    }

    @Test
    void tidelineHomeSetsTheDataDirectory() throws Exception {
        Map<String, String> env = env();
        env.put("TIDELINE_HOME", work.resolve("home").toString());
        Launch.Outcome run = Launch.run(work.resolve("log"), env, "--headless", "--deploy-dir",
                work.resolve("deploy").toString(), "status");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("data directory  " + work.resolve("home"));
    }

    @Test
    void anUnknownCommandNamesTheAvailableOnes() throws Exception {
        Launch.Outcome run = Launch.run(work.resolve("log"), env(), "--headless", "--data-dir",
                work.resolve("data").toString(), "--deploy-dir", work.resolve("deploy").toString(), "stauts");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'stauts'").containsPattern("available: .*\\bstatus\\b");
    }

    @Test
    void badOptionsAreRefusedWithTheReason() throws Exception {
        Launch.Outcome missing = Launch.run(work.resolve("log1"), env(), "--headless", "--data-dir");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--data-dir needs a folder");

        Launch.Outcome unknown = Launch.run(work.resolve("log2"), env(), "--hedless", "status");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option --hedless");

        Launch.Outcome noHeadless = Launch.run(work.resolve("log3"), env(), "status");
        assertThat(noHeadless.code()).isEqualTo(2);
        assertThat(noHeadless.err()).contains("needs --headless");
    }

    @Test
    void anUnresolvableDeployedJarIsReportedOnTheConsoleInOneLine() throws Exception {
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Dist.drop(Dist.DEPLOYABLES.resolve("unresolved.jar"), deploy, "unresolved.jar");
        Process p = Launch.start(work.resolve("log"), env(), "--headless", "--data-dir", work.resolve("data").toString(),
                "--deploy-dir", deploy.toString());
        try {
            Path err = work.resolve("log/err.txt");
            Dist.await("the problem on standard error", () -> {
                try {
                    return Files.readString(err).contains("cannot start");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String line = Files.readAllLines(err).stream().filter(l -> l.contains("cannot start")).findFirst().orElseThrow();
            assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d WARN io\\.tideline\\.platform: io\\.tideline\\.itest\\.unresolved"
                    + " 0\\.1\\.0\\.SNAPSHOT \\(file:.*unresolved\\.jar\\) cannot start: imports package"
                    + " io\\.tideline\\.missing\\.api \\[1\\.0\\.0,2\\.0\\.0\\), which no installed bundle provides");
            assertThat(p.isAlive()).as("the rest keeps running").isTrue();
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void withoutADisplayTheWindowIsRefusedWithAHint() throws Exception {
        Map<String, String> env = env();
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        Launch.Outcome run = Launch.run(work.resolve("log"), env, "--data-dir", work.resolve("data").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no display found").contains("--headless status");
    }
}
