package io.tideline.itests;

import io.tideline.launcher.TidelineFramework;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.AllServiceListener;

/**
 * Start-up and hot-deploy latency, medians of 5, each beside a baseline measured in the same
 * run. Not part of the default test run; run it with:
 * {@code ./test.sh -pl itests -am -Pbenchmarks} (results on standard output, prefixed "BENCH").
 */
@Tag("benchmark")
class StartupAndDeployBenchmark {

    private static final int RUNS = 5;

    @TempDir
    Path work;

    @Test
    void processStartToAllBundlesActive() throws Exception {
        Pattern timing = Pattern.compile("process start to all bundles active (\\d+) ms");
        long[] tideline = new long[RUNS];
        long[] jvmOnly = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Launch.Outcome help = Launch.run(work.resolve("help" + i), java.util.Map.of(), "--help");
            jvmOnly[i] = (System.nanoTime() - t0) / 1_000_000;
            if (help.code() != 0) {
                throw new AssertionError(help.err());
            }
            Launch.Outcome run = Launch.run(work.resolve("run" + i), java.util.Map.of(), "--headless", "--timing",
                    "--data-dir", work.resolve("data").toString(), "--deploy-dir", work.resolve("deploy").toString(),
                    "help");
            Matcher m = timing.matcher(run.err());
            if (!m.find()) {
                throw new AssertionError("no timing line in: " + run.err());
            }
            tideline[i] = Long.parseLong(m.group(1));
        }
        report("startup: process start to all bundles active", tideline,
                "launcher JVM start to exit (--help, no framework)", jvmOnly);
    }

    /**
     * Launch to the first painted window on the sample workspace (already loaded by a first,
     * uncounted run), from starting the tideline script to the window's first paint event by the
     * wall clock, and the resident memory of the process 5 s after; baseline: process start to
     * all bundles active, headless, in the same run.
     */
    @Test
    void launchToFirstPaintedWindowAndResidentMemory() throws Exception {
        Pattern painted = Pattern.compile("process start to first painted window \\d+ ms \\(at (\\d+)\\)");
        Path data = work.resolve("data");
        Path deploy = work.resolve("deploy");
        long[] window = new long[RUNS];
        long[] rss = new long[RUNS];
        long[] headless = new long[RUNS];
        Pattern active = Pattern.compile("process start to all bundles active (\\d+) ms");
        for (int i = -1; i < RUNS; i++) {
            Path log = work.resolve("window" + i);
            long launched = System.currentTimeMillis();
            Process p = Launch.start(log, java.util.Map.of(), "--timing", "--data-dir", data.toString(),
                    "--deploy-dir", deploy.toString());
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                Matcher m = painted.matcher("");
                while (System.nanoTime() < deadline) {
                    m = painted.matcher(Files.readString(log.resolve("err.txt")));
                    if (m.find()) {
                        break;
                    }
                    Thread.sleep(50);
                }
                if (!m.find(0)) {
                    throw new AssertionError("no first-paint line: " + Files.readString(log.resolve("err.txt")));
                }
                if (i < 0) {
                    // The first start loads the sample workspace: wait for it, do not count it.
                    Thread.sleep(20_000);
                    continue;
                }
                window[i] = Long.parseLong(m.group(1)) - launched; // from launching the script
                Thread.sleep(5_000);
                String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
                Matcher r = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
                rss[i] = r.find() ? Long.parseLong(r.group(1)) / 1024 : -1;
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            Launch.Outcome run = Launch.run(work.resolve("headless" + i), java.util.Map.of(), "--headless", "--timing",
                    "--data-dir", data.toString(), "--deploy-dir", deploy.toString(), "help");
            Matcher h = active.matcher(run.err());
            if (!h.find()) {
                throw new AssertionError("no timing line in: " + run.err());
            }
            headless[i] = Long.parseLong(h.group(1));
        }
        report("launch to first painted window (sample workspace)", window,
                "headless process start to all bundles active", headless);
        System.out.printf("BENCH resident memory 5 s after the window painted: median %d MiB of %s%n", median(rss),
                Arrays.toString(rss));
    }

    @Test
    void hotDeployAndUndeployLatency() throws Exception {
        try (TidelineFramework t = Dist.boot(work)) {
            BundleContext context = t.context();
            Path deploy = work.resolve("deploy");
            Path jar = Dist.DEPLOYABLES.resolve("greeter.jar");
            long[] deployMs = new long[RUNS];
            long[] undeployMs = new long[RUNS];
            long[] directMs = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                CountDownLatch registered = latch(context, ServiceEvent.REGISTERED);
                long t0 = System.nanoTime();
                Path dropped = Dist.drop(jar, deploy, "greeter.jar");
                await(registered);
                deployMs[i] = (System.nanoTime() - t0) / 1_000_000;

                CountDownLatch gone = latch(context, ServiceEvent.UNREGISTERING);
                t0 = System.nanoTime();
                Files.delete(dropped);
                await(gone);
                undeployMs[i] = (System.nanoTime() - t0) / 1_000_000;
                Dist.await("greeter uninstalled", () -> Arrays.stream(context.getBundles())
                        .noneMatch(b -> "io.tideline.example.greeter".equals(b.getSymbolicName())));

                // Baseline: the same bundle installed and started directly, without FileInstall.
                CountDownLatch direct = latch(context, ServiceEvent.REGISTERED);
                t0 = System.nanoTime();
                Bundle b;
                try (InputStream in = Files.newInputStream(jar)) {
                    b = context.installBundle("bench:greeter-" + i, in);
                }
                b.start();
                await(direct);
                directMs[i] = (System.nanoTime() - t0) / 1_000_000;
                b.uninstall();
            }
            report("hot deploy: jar moved into deploy/ to its DS service registered", deployMs,
                    "installBundle+start of the same jar, no FileInstall", directMs);
            report("hot undeploy: jar deleted to its service unregistering", undeployMs,
                    "installBundle+start of the same jar, no FileInstall", directMs);
        }
    }

    private static CountDownLatch latch(BundleContext context, int type) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        AllServiceListener[] self = new AllServiceListener[1];
        // An AllServiceListener: the system bundle cannot see the Command class, and a plain
        // ServiceListener only hears services whose class its bundle can load.
        self[0] = event -> {
            if (event.getType() == type) {
                latch.countDown();
                context.removeServiceListener(self[0]);
            }
        };
        context.addServiceListener(self[0], Dist.GREET_SERVICE);
        return latch;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("service event did not come within 30 s");
        }
    }

    private static void report(String what, long[] ms, String baselineName, long[] baseline) {
        long median = median(ms);
        long base = median(baseline);
        System.out.printf("BENCH %s: median %d ms of %s; baseline (%s): median %d ms of %s; ratio %.2f%n", what,
                median, Arrays.toString(ms), baselineName, base, Arrays.toString(baseline),
                base == 0 ? Double.NaN : (double) median / base);
    }

    private static long median(long[] values) {
        List<Long> sorted = new ArrayList<>();
        for (long v : values) {
            sorted.add(v);
        }
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
