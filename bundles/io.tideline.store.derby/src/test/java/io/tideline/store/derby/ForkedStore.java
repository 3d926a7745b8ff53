package io.tideline.store.derby;

import io.tideline.api.series.SeriesData;
import java.nio.file.Path;

/**
 * A second process for the crash and lock tests, started by {@link StoreFixture#javaProcess}:
 * {@code ingest DIR} writes batches of 1000 daily bars (batch k valued k) to {@code test:CRASH}
 * forever, printing "committed k" after each commit; {@code hold DIR} opens the store, prints
 * "open" and waits to be killed; {@code first-start DIR} prints "starting", opens (so creates)
 * the store, prints "open" and exits, for kills during a first start; {@code collect URL FIRST}
 * is a team mode collector writing {@link #COLLECT_BATCH}-bar batches (batch k valued k, a minute apart
 * from bar k * COLLECT_BATCH, each one transaction of {@link #COLLECT_PARTS} parts through
 * {@code upsertAll}) to {@code test:KILL} on the store server at URL as
 * {@link TeamServerProcess#WRITER} (password in TIDELINE_DB_PASSWORD) from batch FIRST on,
 * printing "begin k" before and "committed k" after each, for kill -9 runs.
 */
public final class ForkedStore {

    static final int BATCH = 1000;
    static final int COLLECT_PARTS = 3;
    static final int COLLECT_BATCH = COLLECT_PARTS * 4000;
    /** One bar a minute: a thousand batches of a run stay within the store's years. */
    static final long STEP = 60_000L;

    private ForkedStore() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("tick")) {
            tick(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]),
                    args.length > 5 ? args[5] : null);
            return;
        }
        if (args[0].equals("collect")) {
            collect(args[1], Integer.parseInt(args[2]));
            return;
        }
        Path db = Path.of(args[1]);
        if (args[0].equals("first-start")) {
            System.out.println("starting");
            System.out.flush();
            new ChunkedSeriesStore(DerbyDatabase.embedded(db));
            System.out.println("open");
            System.out.flush();
            DerbyDatabase.shutdownEmbedded(db);
            return;
        }
        ChunkedSeriesStore store = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
        if (args[0].equals("hold")) {
            System.out.println("open");
            System.out.flush();
            Thread.sleep(120_000);
            return;
        }
        for (int k = 0; k < 100_000; k++) {
            long[] t = new long[BATCH];
            double[] v = new double[BATCH];
            for (int i = 0; i < BATCH; i++) {
                t[i] = StoreFixture.T0 + ((long) k * BATCH + i) * StoreFixture.DAY / 24;
                v[i] = k;
            }
            store.upsert(StoreFixture.descriptor("test:CRASH"), SeriesData.ofValues(t, v));
            System.out.println("committed " + k);
            System.out.flush();
        }
    }

    private static void collect(String url, int first) throws Exception {
        ChunkedSeriesStore store = ChunkedSeriesStore.openNetwork(url, TeamServerProcess.WRITER,
                System.getenv("TIDELINE_DB_PASSWORD"));
        for (int k = first; ; k++) {
            int batch = k;
            int[] part = {0};
            System.out.println("begin " + k);
            System.out.flush();
            store.upsertAll(StoreFixture.descriptor("test:KILL"), () -> {
                if (part[0] == COLLECT_PARTS) {
                    return null;
                }
                int size = COLLECT_BATCH / COLLECT_PARTS;
                long[] t = new long[size];
                double[] v = new double[size];
                for (int i = 0; i < size; i++) {
                    t[i] = StoreFixture.T0 + ((long) batch * COLLECT_BATCH + (long) part[0] * size + i) * STEP;
                    v[i] = batch;
                }
                part[0]++;
                return SeriesData.ofValues(t, v);
            });
            System.out.println("committed " + k);
            System.out.flush();
        }
    }

    /**
     * {@code tick URL SERIES FROM PERIOD_MS [FINGERPRINT]}: a collector ingesting hourly bars, one bar at a time
     * to {@code bench:S0..S<SERIES-1>} in turn from hour FROM on, one write every PERIOD_MS,
     * printing "w SERIES TIME EPOCH_MICROS" once each has committed, for
     * {@link TeamModeGoalsBenchmark}; over TLS pinning the server certificate's FINGERPRINT.
     */
    private static void tick(String url, int series, long from, long periodMillis, String fingerprint)
            throws Exception {
        ChunkedSeriesStore store = fingerprint == null
                ? ChunkedSeriesStore.openNetwork(url, TeamServerProcess.WRITER, System.getenv("TIDELINE_DB_PASSWORD"))
                : ChunkedSeriesStore.openNetwork(url, TeamServerProcess.WRITER, System.getenv("TIDELINE_DB_PASSWORD"),
                        fingerprint);
        long next = System.nanoTime();
        for (long n = 0; ; n++) {
            String id = "bench:S" + (n % series);
            long time = from + (n / series) * 3_600_000L;
            store.upsert(StoreFixture.descriptor(id), SeriesData.ofValues(new long[] {time}, new double[] {n}));
            java.time.Instant now = java.time.Instant.now();
            System.out.println("w " + id + " " + time + " " + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1000));
            System.out.flush();
            next += periodMillis * 1_000_000;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
