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
     * The workbench's start on the sample workspace (loaded by a first, uncounted start whose UI
     * holds over the loading are printed once), {@link #RUNS} times: from starting the tideline
     * script (wall clock) to the window's first paint, and to the views' content drawn (the end
     * of the last paint inside a view before the views stayed unpainted for 3 s, see the
     * workbench's {@code StartTiming}); the longest hold of the UI thread from the window's
     * opening until then (wall clock, and the UI thread's CPU time in one hold, which a busy
     * machine does not inflate) with where it was; and the resident memory 5 s after the first
     * paint. Baselines in the same run: an empty SWT shell ({@link EmptyShell}: JVM start to its
     * first paint, its longest hold over 3 s) and headless process start to all bundles active.
     */
    @Test
    void launchToFirstPaintedWindowAndResidentMemory() throws Exception {
        Pattern painted = Pattern.compile("process start to first painted window \\d+ ms \\(at (\\d+)\\)");
        Pattern drawn = Pattern.compile("process start to views drawn \\d+ ms \\(at (\\d+), \\d+ view paints\\)");
        Pattern hold = Pattern.compile("UI thread during start: (max (\\d+) ms.*most CPU in one hold: (\\d+) ms)");
        Pattern session = Pattern.compile("UI thread over the session: (.*)");
        Path data = work.resolve("data");
        Path deploy = work.resolve("deploy");
        long[] window = new long[RUNS];
        long[] views = new long[RUNS];
        long[] held = new long[RUNS];
        long[] heldCpu = new long[RUNS];
        long[] rss = new long[RUNS];
        long[] headless = new long[RUNS];
        long[] shell = new long[RUNS];
        long[] shellHeld = new long[RUNS];
        long[] shellCpu = new long[RUNS];
        List<String> holds = new ArrayList<>();
        Pattern active = Pattern.compile("process start to all bundles active (\\d+) ms");
        for (int i = -1; i < RUNS; i++) {
            Path log = work.resolve("window" + i);
            long launched = System.currentTimeMillis();
            Process p = Launch.start(log, java.util.Map.of(), "--timing", "--data-dir", data.toString(),
                    "--deploy-dir", deploy.toString());
            try {
                Matcher m = awaitLine(log, painted);
                if (i < 0) {
                    // The first start loads the sample workspace: wait for it, do not count it.
                    Thread.sleep(20_000);
                    continue;
                }
                window[i] = Long.parseLong(m.group(1)) - launched; // from launching the script
                views[i] = Long.parseLong(awaitLine(log, drawn).group(1)) - launched;
                Matcher h = awaitLine(log, hold);
                held[i] = Long.parseLong(h.group(2));
                heldCpu[i] = Long.parseLong(h.group(3));
                holds.add(h.group(1));
                Thread.sleep(Math.max(0, Long.parseLong(m.group(1)) + 5_000 - System.currentTimeMillis()));
                String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
                Matcher r = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
                rss[i] = r.find() ? Long.parseLong(r.group(1)) / 1024 : -1;
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            if (i < 0) {
                Matcher s = session.matcher(Files.readString(log.resolve("err.txt")));
                System.out.println("BENCH first start (the sample workspace loading for 20 s), UI thread: "
                        + (s.find() ? s.group(1) : "no report (the window did not close normally)"));
                continue;
            }
            Launch.Outcome run = Launch.run(work.resolve("headless" + i), java.util.Map.of(), "--headless", "--timing",
                    "--data-dir", data.toString(), "--deploy-dir", deploy.toString(), "help");
            Matcher h = active.matcher(run.err());
            if (!h.find()) {
                throw new AssertionError("no timing line in: " + run.err());
            }
            headless[i] = Long.parseLong(h.group(1));
            long[] empty = emptyShell();
            shell[i] = empty[0];
            shellHeld[i] = empty[1];
            shellCpu[i] = empty[2];
        }
        report("launch to first painted window (sample workspace)", window,
                "headless process start to all bundles active", headless);
        report("launch to first painted window (sample workspace)", window,
                "launch to an empty SWT shell's first paint", shell);
        report("launch to the views' content drawn (sample workspace)", views,
                "launch to an empty SWT shell's first paint", shell);
        report("longest UI hold from window open to views drawn, wall clock", held,
                "an empty SWT shell's longest hold over 3 s", shellHeld);
        report("most UI-thread CPU in one hold, window open to views drawn", heldCpu,
                "an empty SWT shell's, over 3 s", shellCpu);
        for (int i = 0; i < holds.size(); i++) {
            System.out.println("BENCH UI thread during start, run " + (i + 1) + ": " + holds.get(i));
        }
        System.out.printf("BENCH resident memory 5 s after the window painted: median %d MiB of %s%n", median(rss),
                Arrays.toString(rss));
    }

    /**
     * A command sent to a running Tideline ({@code serve}) beside the same command in a Tideline of
     * its own (cold), on two data directories holding the same sample, interleaved; then the CPU
     * that {@code serve} uses at rest (three minutes after it started, when its first feed run is
     * over), over a minute, from {@code /proc/PID/stat}.
     */
    @Test
    void commandAgainstARunningTidelineBesideACold() throws Exception {
        Path served = work.resolve("served");
        Path cold = work.resolve("cold");
        // The first start of each data directory loads the sample; neither is measured.
        Launch.Outcome warmUp = Launch.run(work.resolve("warm-up"), java.util.Map.of(), "--headless", "--data-dir",
                cold.toString(), "--deploy-dir", work.resolve("deploy").toString(), "series", "list");
        if (warmUp.code() != 0) {
            throw new AssertionError(warmUp.err());
        }
        Process serve = Launch.start(work.resolve("serve"), java.util.Map.of(), "--headless", "--data-dir",
                served.toString(), "--deploy-dir", work.resolve("deploy").toString(), "serve");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.readString(work.resolve("serve/out.txt")).contains("tideline: serving")) {
                if (System.nanoTime() > deadline || !serve.isAlive()) {
                    throw new AssertionError("serve did not start: " + Files.readString(work.resolve("serve/err.txt")));
                }
                Thread.sleep(100);
            }
            long[] remote = new long[RUNS];
            long[] own = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                own[i] = timed(work.resolve("cold" + i), cold, "series", "list");
                remote[i] = timed(work.resolve("remote" + i), served, "series", "list");
            }
            report("series list sent to a running serve", remote, "the same command in a Tideline of its own", own);
            System.out.printf("BENCH a running Tideline answers %.1fx faster than a cold one (ratio of medians)%n",
                    (double) median(own) / median(remote));

            // At rest: after the first feed run, which on a machine without network takes about
            // two minutes of retries (FRED, Binance and Yahoo each give up after 3 attempts).
            Thread.sleep(180_000);
            long pid = serve.pid();
            long before = cpuTicks(pid);
            long t0 = System.nanoTime();
            Thread.sleep(60_000);
            long ticks = cpuTicks(pid) - before;
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("BENCH serve idle: %d CPU ticks (1/100 s) in %.0f s = %.2f%% of one core%n", ticks,
                    seconds, ticks / seconds);
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Milliseconds from launching {@code tideline --headless COMMAND} on {@code data} to its exit. */
    private long timed(Path log, Path data, String... command) throws Exception {
        String[] line = new String[command.length + 5];
        line[0] = "--headless";
        line[1] = "--data-dir";
        line[2] = data.toString();
        line[3] = "--deploy-dir";
        line[4] = work.resolve("deploy").toString();
        System.arraycopy(command, 0, line, 5, command.length);
        long t0 = System.nanoTime();
        Launch.Outcome run = Launch.run(log, java.util.Map.of(), line);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (run.code() != 0) {
            throw new AssertionError(String.join(" ", command) + " on " + data + ": " + run.err());
        }
        return ms;
    }

    /** User plus system CPU time of a process in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The first line of the launched process' standard error that {@code pattern} finds, within 120 s. */
    private static Matcher awaitLine(Path log, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(Files.readString(log.resolve("err.txt")));
            if (m.find()) {
                return m;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line /" + pattern + "/ in: " + Files.readString(log.resolve("err.txt")));
    }

    /**
     * Runs {@link EmptyShell} in a JVM of its own (this JVM's java, the distribution's SWT):
     * launch to its first paint by the wall clock, its longest hold and its most CPU in one hold.
     */
    private long[] emptyShell() throws Exception {
        Path swt;
        try (var jars = Files.list(Dist.HOME.resolve("bundles"))) {
            swt = jars.filter(j -> j.getFileName().toString().startsWith("org.eclipse.swt.gtk.")).findFirst()
                    .orElseThrow(() -> new AssertionError("no SWT jar in " + Dist.HOME.resolve("bundles")));
        }
        Path classes = Path.of(EmptyShell.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        long launched = System.currentTimeMillis();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes + java.io.File.pathSeparator + swt, EmptyShell.class.getName()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("the empty shell failed: " + out);
        }
        Matcher paint = Pattern.compile("first painted window \\d+ ms \\(at (\\d+)\\)").matcher(out);
        Matcher hold = Pattern.compile("max (\\d+) ms; most CPU in one hold: (\\d+) ms").matcher(out);
        if (!paint.find() || !hold.find()) {
            throw new AssertionError("no figures from the empty shell: " + out);
        }
        return new long[] {Long.parseLong(paint.group(1)) - launched, Long.parseLong(hold.group(1)),
                Long.parseLong(hold.group(2))};
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
        long worst = Arrays.stream(ms).max().orElse(0);
        long baseWorst = Arrays.stream(baseline).max().orElse(0);
        System.out.printf("BENCH %s: median %d ms, worst %d ms of %s; baseline (%s): median %d ms, worst %d ms of %s;"
                + " ratio of medians %.2f%n", what, median, worst, Arrays.toString(ms), baselineName, base, baseWorst,
                Arrays.toString(baseline), base == 0 ? Double.NaN : (double) median / base);
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
