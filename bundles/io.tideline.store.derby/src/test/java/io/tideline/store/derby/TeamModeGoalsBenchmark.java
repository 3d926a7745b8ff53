package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's goals for team mode, measured on this machine with real processes on loopback: the
 * store server of bin/tideline-db-server ({@link TeamServerProcess}), a collector in its own
 * process ingesting hourly bars for {@value #SERIES} series one bar at a time
 * ({@link ForkedStore} tick, a write every {@value #WRITE_PERIOD_MILLIS} ms), and
 * {@code team.readers} (default 20) read-only reader clients in this JVM, each with its own
 * connections and its own {@link ChangePoller}, as a workbench has. Each reader reads one year of
 * hourly bars (8,760) of a random series, pauses {@code team.thinkMillis} (default: random up to
 * 400 ms, as a user opening and switching views rather than a loop), and reads again. After a
 * {@value #WARMUP_SECONDS} s warm-up it measures for {@code team.seconds} (default 60):
 *
 * <ul>
 *   <li>range read latency (the reader's call, wire and decoding included): p50, p90, p99, max;
 *   <li>change notice latency: from the collector's commit returning (its clock, in the same
 *       machine) to each reader's poller telling the write, for every write and every reader;
 *       p50, p99, max, and how many were never told (must be 0).
 * </ul>
 *
 * With {@code -Dteam.tls=true} the server serves TLS and the readers pin its certificate. Not
 * part of the default test run (tag {@code benchmark}); it asserts that nothing was lost and
 * every read was whole, never a time. Prints its table and writes it to
 * {@code target/benchmark-team-mode.txt}. Run with
 * {@code mvn -B -o test -pl bundles/io.tideline.store.derby -Pbenchmarks -Dtest=TeamModeGoalsBenchmark}.
 */
@Tag("benchmark")
class TeamModeGoalsBenchmark {

    static final int SERIES = 50;
    static final long WRITE_PERIOD_MILLIS = 100;
    static final int WARMUP_SECONDS = 10;
    private static final long HOUR = 3_600_000L;
    private static final int YEAR_BARS = 8_760;
    /** The preloaded year ends here; the collector appends from the next hour. */
    private static final long END = StoreFixture.T0 + YEAR_BARS * HOUR;

    @TempDir
    Path work;

    @Test
    void twentyReadersAndACollectorOnTheSharedStore() throws Exception {
        int readers = Integer.getInteger("team.readers", 20);
        int seconds = Integer.getInteger("team.seconds", 60);
        int think = Integer.getInteger("team.thinkMillis", -1);
        boolean tls = Boolean.getBoolean("team.tls");
        try (TeamServerProcess server = tls ? new TeamServerProcess(work.resolve("server")).start("--tls")
                : new TeamServerProcess(work.resolve("server")).start()) {
            ServerTrust trust = tls ? ServerTrust.pinned(server.fingerprint()) : null;
            preload(server, trust);

            List<ChunkedSeriesStore> stores = new ArrayList<>();
            List<ChangePoller> pollers = new ArrayList<>();
            List<Map<String, Long>> told = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                ChunkedSeriesStore store = new ChunkedSeriesStore(DerbyDatabase.network(server.url(),
                        TeamServerProcess.READER, TeamServerProcess.READER_PASSWORD, trust, TeamServerProcess.WRITER),
                        true);
                Map<String, Long> seen = new ConcurrentHashMap<>();
                stores.add(store);
                told.add(seen);
                pollers.add(ChangePoller.start(store, new ChangePoller.Listener() {
                    @Override
                    public void appended(String series, long from, long to, int count) {
                        long now = micros();
                        for (long t = from; t <= to; t += HOUR) {
                            seen.putIfAbsent(series + " " + t, now);
                        }
                    }

                    @Override
                    public void deleted(String series) {
                    }

                    @Override
                    public void connection(String problem, String detail) {
                    }
                }));
            }

            List<String> tick = new ArrayList<>(List.of("tick", server.url(), Integer.toString(SERIES),
                    Long.toString(END), Long.toString(WRITE_PERIOD_MILLIS)));
            if (tls) {
                tick.add(server.fingerprint());
            }
            ProcessBuilder pb = StoreFixture.javaProcess(ForkedStore.class, tick.toArray(String[]::new))
                    .redirectError(work.resolve("collector.err").toFile());
            pb.environment().put("TIDELINE_DB_PASSWORD", TeamServerProcess.WRITER_PASSWORD);
            Map<String, Long> committed = new ConcurrentHashMap<>();
            AtomicBoolean measuring = new AtomicBoolean();
            Process collector = pb.start();
            Thread collectorOut = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(collector.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        String[] w = line.split(" ");
                        if (measuring.get()) {
                            committed.put(w[1] + " " + w[2], Long.parseLong(w[3]));
                        }
                    }
                } catch (java.io.IOException e) {
                    // The collector was stopped: its output ends.
                }
            }, "collector-output");
            collectorOut.start();

            List<long[]> latencies = new ArrayList<>();
            int[] counts = new int[readers];
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            long[] window = new long[2];
            for (int r = 0; r < readers; r++) {
                int reader = r;
                long[] mine = new long[200_000];
                latencies.add(mine);
                Thread t = new Thread(() -> read(stores.get(reader), think, reader, stop, measuring, mine, counts),
                        "reader-" + r);
                threads.add(t);
                t.start();
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(WARMUP_SECONDS));
            measuring.set(true);
            window[0] = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            measuring.set(false);
            window[1] = System.nanoTime();
            // The last writes get the time any notice may take before they are counted lost.
            Thread.sleep(5_000);
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
            collector.destroy();
            collector.waitFor(30, TimeUnit.SECONDS);
            collectorOut.join(10_000);
            pollers.forEach(ChangePoller::stop);
            stores.forEach(ChunkedSeriesStore::close);

            int reads = Arrays.stream(counts).sum();
            long[] readMicros = new long[reads];
            int k = 0;
            for (int r = 0; r < readers; r++) {
                System.arraycopy(latencies.get(r), 0, readMicros, k, counts[r]);
                k += counts[r];
            }
            long[] noticeMicros = new long[committed.size() * readers];
            int notices = 0;
            int lost = 0;
            for (Map.Entry<String, Long> w : committed.entrySet()) {
                for (Map<String, Long> seen : told) {
                    Long at = seen.get(w.getKey());
                    if (at == null) {
                        lost++;
                    } else {
                        noticeMicros[notices++] = at - w.getValue();
                    }
                }
            }
            noticeMicros = Arrays.copyOf(noticeMicros, notices);
            Arrays.sort(readMicros);
            Arrays.sort(noticeMicros);
            double elapsed = (window[1] - window[0]) / 1e9;
            String report = String.format("""
                    team mode, %s, %d readers (think %s) + 1 collector process (a one-bar write every %d ms to %d series),
                    store server in its own process; %d cores; %d s measured after %d s warm-up

                    | measure | count | per s | p50 ms | p90 ms | p99 ms | max ms | goal |
                    |---|---:|---:|---:|---:|---:|---:|---|
                    | range read, one year of hourly bars (8,760) | %d | %.1f | %.1f | %.1f | %.1f | %.1f | p99 <= 100 ms |
                    | change notice, commit to each reader's event | %d | %.1f | %.1f | %.1f | %.1f | %.1f | p99 <= 2,000 ms |

                    writes committed while measuring: %d; notices never told: %d (must be 0)
                    """, tls ? "TLS (pinned certificate)" : "plain TCP on loopback", readers,
                    think < 0 ? "random 0-400 ms" : think + " ms", WRITE_PERIOD_MILLIS, SERIES,
                    Runtime.getRuntime().availableProcessors(), seconds, WARMUP_SECONDS,
                    reads, reads / elapsed, ms(readMicros, 0.5), ms(readMicros, 0.9), ms(readMicros, 0.99),
                    ms(readMicros, 1.0),
                    notices, notices / elapsed, ms(noticeMicros, 0.5), ms(noticeMicros, 0.9), ms(noticeMicros, 0.99),
                    ms(noticeMicros, 1.0), committed.size(), lost);
            System.out.print(report);
            Files.writeString(Path.of("target", "benchmark-team-mode" + (tls ? "-tls" : "") + ".txt"), report);
            assertThat(reads).as("reads while measuring").isPositive();
            assertThat(committed).as("writes while measuring").isNotEmpty();
            assertThat(lost).as("notices never told").isZero();
        }
    }

    /** One year of hourly bars for every series, written before the clock. */
    private static void preload(TeamServerProcess server, ServerTrust trust) throws Exception {
        ChunkedSeriesStore writer = new ChunkedSeriesStore(DerbyDatabase.network(server.url(), TeamServerProcess.WRITER,
                TeamServerProcess.WRITER_PASSWORD, trust, null), true);
        try {
            long[] t = new long[YEAR_BARS];
            double[] v = new double[YEAR_BARS];
            for (int i = 0; i < YEAR_BARS; i++) {
                t[i] = StoreFixture.T0 + i * HOUR;
                v[i] = i;
            }
            for (int s = 0; s < SERIES; s++) {
                writer.upsert(StoreFixture.descriptor("bench:S" + s), SeriesData.ofValues(t, v));
            }
        } finally {
            writer.close();
        }
    }

    private static void read(ChunkedSeriesStore store, int think, int reader, AtomicBoolean stop,
            AtomicBoolean measuring, long[] latencies, int[] counts) {
        Random random = new Random(reader);
        try {
            while (!stop.get()) {
                SeriesId id = SeriesId.parse("bench:S" + random.nextInt(SERIES));
                long to = store.info(id).orElseThrow().lastTime();
                long t0 = System.nanoTime();
                SeriesData year = store.read(id, to - (YEAR_BARS - 1) * HOUR, to);
                long took = (System.nanoTime() - t0) / 1000;
                if (year.size() != YEAR_BARS) {
                    throw new AssertionError(id + ": " + year.size() + " bars read, a year is " + YEAR_BARS);
                }
                if (measuring.get() && counts[reader] < latencies.length) {
                    latencies[counts[reader]++] = took;
                }
                Thread.sleep(think >= 0 ? think : random.nextInt(401));
            }
        } catch (Exception e) {
            throw new AssertionError("reader " + reader + " failed", e);
        }
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static double ms(long[] sortedMicros, double quantile) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sortedMicros.length - 1, Math.ceil(quantile * sortedMicros.length) - 1);
        return sortedMicros[Math.max(0, i)] / 1000.0;
    }
}
