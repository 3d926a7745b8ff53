package io.tideline.store.derby;

import io.tideline.api.series.SeriesData;
import java.nio.file.Path;

/**
 * A second process for the crash and lock tests, started by {@link StoreFixture#javaProcess}:
 * {@code ingest DIR} writes batches of 1000 daily bars (batch k valued k) to {@code test:CRASH}
 * forever, printing "committed k" after each commit; {@code hold DIR} opens the store, prints
 * "open" and waits to be killed; {@code first-start DIR} prints "starting", opens (so creates)
 * the store, prints "open" and exits, for kills during a first start.
 */
public final class ForkedStore {

    static final int BATCH = 1000;

    private ForkedStore() {
    }

    public static void main(String[] args) throws Exception {
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
}
