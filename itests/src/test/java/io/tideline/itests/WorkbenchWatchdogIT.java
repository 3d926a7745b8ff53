package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * The UI thread stays responsive while data arrives: on a first start the sample workspace
 * (20 series, decades of bars) loads in the background while the morning perspective's views
 * open and refresh on the store's events; the workbench's watchdog measures the longest time
 * the UI thread's event loop was held (a 20 ms heartbeat timer running late) and how much of a
 * hold the UI thread spent working on a CPU. The test checks that the watchdog measures in the
 * real workbench (beats counted, the longest hold named, its CPU time reported) and prints the
 * figures; it asserts no time limit, which depends on the machine (a busy CI machine gave 688 ms
 * of wall clock, an idle one 101 ms of CPU): the 100 ms goal is a benchmark's. Own class: one
 * window per test JVM.
 */
class WorkbenchWatchdogIT {

    @TempDir
    Path work;

    @Test
    void theWatchdogMeasuresTheUiThreadWhileTheSampleWorkspaceLoads() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh").isNotBlank();
        try (TidelineFramework t = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"),
                work.resolve("deploy"), work.resolve("data"), false, false, Map.of()))) {
            BundleContext c = t.context();
            Dist.await("the workbench window", () -> Dist.run(c, "workbench", "views").code() == 0);
            // Views are created once the window is up (class loading and first layout, part of the
            // start-up measured as first paint); the backfill is measured from there on.
            Dist.await("the morning views live", () -> Dist.run(c, "workbench", "views").out().lines()
                    .filter(l -> l.startsWith("open ") && !l.contains("(hidden)")).allMatch(l -> l.contains(" LIVE")));
            assertThat(Dist.run(c, "workbench", "watchdog", "reset").code()).isZero();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && !Dist.run(c, "series", "list").out().contains("deribit:BTC:dvol")) {
                Thread.sleep(200);
            }
            assertThat(Dist.run(c, "series", "list").out()).contains("deribit:BTC:dvol");
            Thread.sleep(3_000); // views refresh on the store's events after the load
            String report = Dist.run(c, "workbench", "watchdog").out().strip();
            System.out.println("watchdog during the backfill: " + report);
            assertThat(report).matches("max \\d+ ms, \\d+ of \\d+ beats late by over 100 ms.*");
            long samples = Long.parseLong(report.replaceAll("^.* of (\\d+) beats.*$", "$1"));
            assertThat(samples).as("watchdog beats").isGreaterThan(20);
            assertThat(report).matches(".*; most CPU in one hold: \\d+ ms$");
            long max = Long.parseLong(report.replaceAll("^max (\\d+) ms.*$", "$1"));
            // Holds past the limit are named, with where and their CPU time. The sampler looks every
            // 10 ms once a hold passes half the limit (50 ms), so a hold just past 50 ms can end before
            // it looks, all the more when the machine starves both threads (CI saw a 58 ms hold with
            // 0 ms on a CPU, unnamed): past the 100 ms limit it has had 50 ms to look.
            if (max > 100) {
                assertThat(report).as("the longest hold named")
                        .matches(".*(; last: |; longest: )\\d+ ms \\(\\d+ ms of it on a CPU\\) in .*");
            }
        }
    }
}
