package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers to different series in parallel, readers during the writes. */
class ConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int BATCHES = 24;
    private static final int BATCH = 500;

    @TempDir
    Path dir;

    @Test
    void readersNeverSeePartOfABatchAndWritersDoNotLoseEachOthersBars() throws Exception {
        Path db = dir.resolve("db");
        ChunkedSeriesStore store = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        try {
            for (int w = 0; w < WRITERS; w++) {
                store.upsert(StoreFixture.descriptor("test:W" + w), SeriesData.empty());
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String id = "test:W" + w;
                writers.add(pool.submit(() -> {
                    for (int b = 0; b < BATCHES; b++) {
                        store.upsert(StoreFixture.descriptor(id), batch(b, b));
                        if (b > 0) {
                            // rewrite an earlier batch as a whole, with a new uniform value
                            int old = b / 2;
                            store.upsert(StoreFixture.descriptor(id), batch(old, 1000 + b));
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        for (int w = 0; w < WRITERS; w++) {
                            assertWholeBatches(store.read(SeriesId.parse("test:W" + w), Long.MIN_VALUE, Long.MAX_VALUE));
                            reads.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> f : readers) {
                f.get(1, TimeUnit.MINUTES);
            }
            for (int w = 0; w < WRITERS; w++) {
                SeriesData all = store.read(SeriesId.parse("test:W" + w), Long.MIN_VALUE, Long.MAX_VALUE);
                assertThat(all.size()).isEqualTo(BATCHES * BATCH);
                assertWholeBatches(all);
            }
            assertThat(reads.get()).as("reads done during the writes").isGreaterThan(WRITERS);
        } finally {
            pool.shutdownNow();
            DerbyDatabase.shutdownEmbedded(db);
        }
    }

    private static SeriesData batch(int index, double value) {
        long[] t = new long[BATCH];
        double[] v = new double[BATCH];
        for (int i = 0; i < BATCH; i++) {
            t[i] = StoreFixture.T0 + ((long) index * BATCH + i) * 3_600_000L;
            v[i] = value;
        }
        return SeriesData.ofValues(t, v);
    }

    /** Every block of BATCH bars is one batch: contiguous and of one value. */
    private static void assertWholeBatches(SeriesData data) {
        assertThat(data.size() % BATCH).as("bars read: " + data.size()).isZero();
        for (int start = 0; start < data.size(); start += BATCH) {
            double v = data.value(start);
            for (int i = start; i < start + BATCH; i++) {
                if (data.value(i) != v) {
                    throw new AssertionError("half a batch seen at bar " + i + ": " + data.value(i) + " after " + v);
                }
            }
        }
    }
}
