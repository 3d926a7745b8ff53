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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Team mode on the wire: the latency of one one-bar upsert (one transaction, with its change-log
 * row) and of one one-bar read, against the real store server of {@code bin/tideline-db-server}
 * in its own process on loopback, in plain TCP and over TLS (the store's loopback tunnel, the
 * certificate pinned). The server is started by the trial and stopped after it; the last bar
 * written is read back and checked.
 *
 * <p>The score is microseconds per operation; loopback has no network latency of its own, so the
 * difference between the two is what TLS and the tunnel cost per round trip on this computer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class TeamModeLatencyBenchmark {

    private static final String USER = "tideline";
    private static final String PASSWORD = "bench-Pa55-3f9e";
    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_577_836_800_000L;
    private static final SeriesDescriptor SERIES = new SeriesDescriptor(SeriesId.parse("bench:TEAM"), "team mode bench",
            "%", SeriesKind.YIELD, AssetClass.RATES, Timeframe.D1);

    @Param({"plain", "tls"})
    public String wire;

    private Path dir;
    private Process server;
    private ChunkedSeriesStore store;
    private long next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Dirs.createRoot("team-" + wire);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DbServer.class.getName(), "--dir",
                dir.resolve("server").toString(), "--port", Integer.toString(port), "--user", USER));
        if (wire.equals("tls")) {
            command.add("--tls");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TIDELINE_DB_PASSWORD", PASSWORD);
        server = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(log).contains("tideline-db-server: serving")) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new IOException("the store server did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        String url = "jdbc:derby://127.0.0.1:" + port + "/tideline;create=true";
        if (wire.equals("tls")) {
            Matcher m = Pattern.compile("certificate SHA-256 fingerprint ([0-9A-F:]+)").matcher(Files.readString(log));
            if (!m.find()) {
                throw new IOException("the store server printed no fingerprint: " + Files.readString(log));
            }
            store = ChunkedSeriesStore.openNetwork(url, USER, PASSWORD, m.group(1));
        } else {
            store = ChunkedSeriesStore.openNetwork(url, USER, PASSWORD);
        }
        next = T0;
        upsertOneBar();
    }

    @Benchmark
    public void upsertOneBar() throws Exception {
        long t = next;
        next += DAY;
        store.upsert(SERIES, SeriesData.ofValues(new long[] {t}, new double[] {(t - T0) / DAY}));
    }

    @Benchmark
    public SeriesData readOneBar() throws Exception {
        return store.read(SERIES.id(), T0, T0);
    }

    @TearDown(Level.Trial)
    public void checkAndStop() throws Exception {
        try {
            long last = next - DAY;
            SeriesData back = store.read(SERIES.id(), last, last);
            if (back.size() != 1 || back.value(0) != (last - T0) / DAY) {
                throw new IllegalStateException("the last bar written did not read back: " + back.size() + " bars");
            }
        } finally {
            store.close();
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            Dirs.delete(dir);
        }
    }
}
