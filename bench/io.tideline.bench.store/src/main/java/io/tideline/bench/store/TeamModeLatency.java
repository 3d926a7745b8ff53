package io.tideline.bench.store;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.dbserver.DbServer;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Team mode on the wire, plain against TLS in the same run: two store servers of
 * {@code bin/tideline-db-server} in their own processes on loopback (one plain, one with
 * {@code --tls}), one store on each, and one-bar upserts and one-bar reads alternating between
 * the two, so that whatever else the machine does falls on both alike (on a busy shared machine
 * {@link TeamModeLatencyBenchmark}'s trials, one after the other, drift more than TLS costs).
 * Prints the median and the 90th percentile of each, in microseconds. Every bar written is read
 * back and checked at the end.
 *
 * <p>{@code java -cp target/benchmarks.jar io.tideline.bench.store.TeamModeLatency [ROUNDS]}
 * (default 400 rounds after 100 warm-up rounds).
 */
public final class TeamModeLatency {

    private static final String USER = "tideline";
    private static final String PASSWORD = "bench-Pa55-3f9e";
    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_577_836_800_000L;
    private static final SeriesDescriptor SERIES = new SeriesDescriptor(SeriesId.parse("bench:TEAM"), "team mode bench",
            "%", SeriesKind.YIELD, AssetClass.RATES, Timeframe.D1);
    private static final int WARMUP = 100;

    private TeamModeLatency() {
    }

    /** Runs the comparison and prints it. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Path root = Dirs.createRoot("team-latency");
        List<Process> servers = new ArrayList<>();
        ChunkedSeriesStore plain = null;
        ChunkedSeriesStore tls = null;
        try {
            Server p = Server.start(root.resolve("plain"), false);
            servers.add(p.process());
            Server t = Server.start(root.resolve("tls"), true);
            servers.add(t.process());
            plain = ChunkedSeriesStore.openNetwork(p.url(), USER, PASSWORD);
            tls = ChunkedSeriesStore.openNetwork(t.url(), USER, PASSWORD, t.fingerprint());
            long[][] upsert = new long[2][rounds];
            long[][] read = new long[2][rounds];
            ChunkedSeriesStore[] stores = {plain, tls};
            for (int round = -WARMUP; round < rounds; round++) {
                long time = T0 + (round + WARMUP) * DAY;
                SeriesData bar = SeriesData.ofValues(new long[] {time}, new double[] {round + WARMUP});
                for (int k = 0; k < 2; k++) {
                    // Alternate which goes first, so neither always meets a warmer server.
                    int s = (round & 1) == 0 ? k : 1 - k;
                    long t0 = System.nanoTime();
                    stores[s].upsert(SERIES, bar);
                    long t1 = System.nanoTime();
                    SeriesData back = stores[s].read(SERIES.id(), time, time);
                    long t2 = System.nanoTime();
                    if (back.size() != 1 || back.value(0) != round + WARMUP) {
                        throw new IllegalStateException("bar " + round + " did not read back from " + stores[s].where());
                    }
                    if (round >= 0) {
                        upsert[s][round] = t1 - t0;
                        read[s][round] = t2 - t1;
                    }
                }
            }
            for (ChunkedSeriesStore s : stores) {
                long count = s.info(SERIES.id()).orElseThrow().count();
                if (count != rounds + WARMUP) {
                    throw new IllegalStateException(s.where() + " holds " + count + " bars, expected " + (rounds + WARMUP));
                }
            }
            System.out.printf("one-bar operations over loopback, %d rounds alternating plain and TLS (after %d warm-up)%n",
                    rounds, WARMUP);
            System.out.printf("%-8s %-6s %10s %10s%n", "op", "wire", "p50 us", "p90 us");
            print("upsert", "plain", upsert[0]);
            print("upsert", "tls", upsert[1]);
            print("read", "plain", read[0]);
            print("read", "tls", read[1]);
        } finally {
            if (plain != null) {
                plain.close();
            }
            if (tls != null) {
                tls.close();
            }
            for (Process server : servers) {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
            Dirs.delete(root);
        }
    }

    private static void print(String op, String wire, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-8s %-6s %10d %10d%n", op, wire, sorted[sorted.length / 2] / 1000,
                sorted[(int) (sorted.length * 0.9)] / 1000);
    }

    /** A store server process, its URL and (with TLS) its certificate's fingerprint. */
    private record Server(Process process, String url, String fingerprint) {

        static Server start(Path dir, boolean tls) throws IOException, InterruptedException {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Files.createDirectories(dir);
            Path log = dir.resolve("server.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), DbServer.class.getName(), "--dir",
                    dir.resolve("server").toString(), "--port", Integer.toString(port), "--user", USER));
            if (tls) {
                command.add("--tls");
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("TIDELINE_DB_PASSWORD", PASSWORD);
            Process process = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(log).contains("tideline-db-server: serving")) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroy();
                    throw new IOException("the store server did not start: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            String fingerprint = null;
            if (tls) {
                Matcher m = Pattern.compile("certificate SHA-256 fingerprint ([0-9A-F:]+)").matcher(Files.readString(log));
                if (!m.find()) {
                    process.destroy();
                    throw new IOException("the store server printed no fingerprint: " + Files.readString(log));
                }
                fingerprint = m.group(1);
            }
            return new Server(process, "jdbc:derby://127.0.0.1:" + port + "/tideline;create=true", fingerprint);
        }
    }
}
