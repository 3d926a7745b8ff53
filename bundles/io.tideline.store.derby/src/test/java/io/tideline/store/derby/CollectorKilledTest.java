package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's goal "0 committed rows lost and 0 partial batches over 10 kill -9 runs of the
 * collector": the real store server in its own process, and ten collector processes one after
 * the other, each writing multi-part batches over the network ({@link ForkedStore} collect) until
 * it is killed with SIGKILL a random time after a random number of commits, mostly in the middle
 * of a batch. Afterwards a read-only reader sees every batch either whole or not at all, and
 * every batch a collector reported committed. The random points come from a seed printed on
 * failure.
 */
class CollectorKilledTest {

    private static final int RUNS = 10;
    private static final SeriesId ID = SeriesId.parse("test:KILL");

    @TempDir
    Path work;

    private TeamServerProcess server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tenCollectorsKilledMidBatchLoseNoCommittedBatchAndLeaveNoPartialOne() throws Exception {
        server = new TeamServerProcess(work.resolve("server")).start();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TreeSet<Integer> reported = new TreeSet<>();
        int midBatch = 0;
        for (int run = 0; run < RUNS; run++) {
            // Each run writes its own range of batches, so a run never repairs what the one before left.
            int first = run * 100;
            int commits = 1 + random.nextInt(3);
            Path err = work.resolve("collector-" + run + ".err");
            ProcessBuilder pb = StoreFixture.javaProcess(ForkedStore.class, "collect", server.url(),
                    Integer.toString(first)).redirectError(err.toFile());
            pb.environment().put("TIDELINE_DB_PASSWORD", TeamServerProcess.WRITER_PASSWORD);
            Process collector = pb.start();
            String last = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(collector.getInputStream(),
                    StandardCharsets.UTF_8))) {
                int committed = 0;
                String line;
                while (committed < commits && (line = out.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        reported.add(Integer.parseInt(line.substring("committed ".length())));
                        committed++;
                    }
                }
                assertThat(committed).as("run %d committed before the kill (seed %d); stderr: %s", run, seed,
                        Files.readString(err)).isEqualTo(commits);
                Thread.sleep(random.nextInt(120));
                // SIGKILL through the handle: Process.destroyForcibly would also close our end of its output.
                collector.toHandle().destroyForcibly();
                assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // What it printed before it died: a batch begun and not reported is the one it was killed in.
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        reported.add(Integer.parseInt(line.substring("committed ".length())));
                    }
                    last = line;
                }
            }
            if (last != null && last.startsWith("begin ")) {
                midBatch++;
            }
        }

        ChunkedSeriesStore reader = new ChunkedSeriesStore(DerbyDatabase.network(server.url(), TeamServerProcess.READER,
                TeamServerProcess.READER_PASSWORD, null, TeamServerProcess.WRITER), true);
        try {
            SeriesData all = reader.read(ID, Long.MIN_VALUE, Long.MAX_VALUE);
            TreeSet<Integer> stored = new TreeSet<>();
            int i = 0;
            while (i < all.size()) {
                int batch = (int) all.value(i);
                long firstTime = StoreFixture.T0 + (long) batch * ForkedStore.COLLECT_BATCH * ForkedStore.STEP;
                for (int j = 0; j < ForkedStore.COLLECT_BATCH; j++, i++) {
                    assertThat(i).as("batch %d whole (seed %d)", batch, seed).isLessThan(all.size());
                    assertThat(all.value(i)).as("bar %d of batch %d (seed %d)", j, batch, seed).isEqualTo(batch);
                    assertThat(all.time(i)).isEqualTo(firstTime + j * ForkedStore.STEP);
                }
                stored.add(batch);
            }
            assertThat(stored).as("every batch a collector reported committed is there (seed %d)", seed)
                    .containsAll(reported);
            assertThat(stored.size() - reported.size()).as("at most one unreported batch per run: committed, then"
                    + " killed before it could say so").isBetween(0, RUNS);
            assertThat(reader.info(ID).orElseThrow().count()).isEqualTo(all.size());
            System.out.printf("kill -9 runs: %d, of them mid-batch: %d; batches reported committed: %d, stored: %d,"
                    + " partial: 0, lost: 0 (seed %d)%n", RUNS, midBatch, reported.size(), stored.size(), seed);
        } finally {
            reader.close();
        }
    }
}
