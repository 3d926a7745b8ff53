package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store across processes: killed mid-write, and opened while another process holds it. */
class ProcessSafetyTest {

    @TempDir
    Path dir;

    @Test
    void aProcessKilledMidIngestLeavesEveryCommittedBatchWholeAndNoPartialOne() throws Exception {
        Path db = dir.resolve("db");
        Process ingest = StoreFixture.javaProcess(ForkedStore.class, "ingest", db.toString())
                .redirectError(dir.resolve("ingest.err").toFile()).start();
        int lastSeen = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(ingest.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lastSeen = Integer.parseInt(line.substring("committed ".length()));
                if (lastSeen >= 12) {
                    break;
                }
            }
            ingest.destroyForcibly(); // SIGKILL, in the middle of the next batch
            assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastSeen).as("batches the child reported committed; stderr: "
                + Files.readString(dir.resolve("ingest.err"))).isGreaterThanOrEqualTo(12);

        try {
            ChunkedSeriesStore store = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
            SeriesData all = store.read(SeriesId.parse("test:CRASH"), Long.MIN_VALUE, Long.MAX_VALUE);
            int batches = all.size() / ForkedStore.BATCH;
            assertThat(all.size() % ForkedStore.BATCH).as("no partial batch").isZero();
            assertThat(batches).as("every reported batch is there").isGreaterThan(lastSeen);
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.value(i)).isEqualTo((double) (i / ForkedStore.BATCH));
            }
            assertThat(store.info(SeriesId.parse("test:CRASH")).orElseThrow().count()).isEqualTo(all.size());
        } finally {
            DerbyDatabase.shutdownEmbedded(db);
        }
    }

    @Test
    void aStoreHeldByAnotherProcessIsReportedAsInUse() throws Exception {
        Path db = dir.resolve("db");
        Process holder = StoreFixture.javaProcess(ForkedStore.class, "hold", db.toString())
                .redirectError(dir.resolve("hold.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("open");
            assertThatThrownBy(() -> DerbyDatabase.embedded(db))
                    .hasMessageContaining("the store at " + db.toAbsolutePath() + " is in use by another Tideline");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDamagedStoreIsReportedByFolderAndItsFilesAreLeftAlone() throws Exception {
        Path db = dir.resolve("db");
        ChunkedSeriesStore store = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
        store.upsert(StoreFixture.descriptor("fred:DGS10"), StoreFixture.daily(0, 100, 1));
        DerbyDatabase.shutdownEmbedded(db);
        Path props = db.resolve("service.properties");
        Files.writeString(props, "\u0000garbage, not Derby's service properties");
        byte[] damaged = Files.readAllBytes(props);
        try (Stream<Path> seg = Files.list(db.resolve("seg0"))) {
            for (Path p : seg.toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        assertThatThrownBy(() -> new ChunkedSeriesStore(DerbyDatabase.embedded(db)))
                .hasMessageContaining(db.toAbsolutePath().toString());
        assertThat(Files.readAllBytes(props)).isEqualTo(damaged);
        DerbyDatabase.shutdownEmbedded(db);
    }
}
