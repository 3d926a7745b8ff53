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
 * hold the UI thread spent working on a CPU. The test holds the UI thread's own work to the
 * limit: wall-clock lateness also counts time a busy machine gave the thread no core, which is
 * the machine's speed, not the code's (the wall-clock figure on an idle machine is measured by
 * {@code StartupAndDeployBenchmark}). Own class: one window per test JVM.
 */
class WorkbenchWatchdogIT {

    @TempDir
    Path work;

    @Test
    void theUiThreadNeverWorksForMoreThan100msAtATimeWhileTheSampleWorkspaceLoads() throws Exception {
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
            long cpu = Long.parseLong(report.replaceAll("^.*; most CPU in one hold: (\\d+) ms$", "$1"));
            assertThat(cpu).as("the most CPU time the UI thread spent in one hold during the backfill: " + report)
                    .isLessThanOrEqualTo(100);
        }
    }
}
