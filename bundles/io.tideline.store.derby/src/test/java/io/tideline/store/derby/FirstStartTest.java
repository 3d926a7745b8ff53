package io.tideline.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start killed at any moment never bricks the data directory. CI kills 10 first starts;
 * the full run of the goal kills 50:
 * {@code mvn -B -o test -pl bundles/io.tideline.store.derby -Dtest=FirstStartTest -Dtideline.firstStartKills=50}.
 */
class FirstStartTest {

    private static final SeriesId ID = SeriesId.parse("test:AFTER");

    @TempDir
    Path dir;

    @Test
    void aFirstStartKilledAtAnyMomentLeavesAStoreThatOpensAndAcceptsWrites() throws Exception {
        int kills = Integer.getInteger("tideline.firstStartKills", 10);
        long seed = Long.getLong("tideline.firstStartSeed", System.nanoTime());
        Random random = new Random(seed);
        // The creation window: from the child's "starting" to its "open", measured once.
        long window = firstStart(dir.resolve("calibration/db"), Long.MAX_VALUE);

        List<String> outcomes = new ArrayList<>();
        int interrupted = 0;
        for (int i = 0; i < kills; i++) {
            Path db = dir.resolve("kill" + i + "/db");
            // one kill in each of `kills` equal slots of the window, at a random point of it
            long delay = (long) (window * (i + random.nextDouble()) / kills);
            firstStart(db, delay);
            boolean markerLeft = Files.exists(DerbyDatabase.creationMarker(db.toAbsolutePath()));
            interrupted += markerLeft ? 1 : 0;
            outcomes.add("kill " + i + " at " + delay / 1_000_000 + " ms: " + (markerLeft ? "during creation"
                    : Files.exists(db) ? "after creation" : "before creation"));
        }
        String report = "seed " + seed + ", window " + window / 1_000_000 + " ms\n" + String.join("\n", outcomes);
        System.out.println(report);

        for (int i = 0; i < kills; i++) {
            Path db = dir.resolve("kill" + i + "/db");
            try {
                ChunkedSeriesStore store = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
                store.upsert(StoreFixture.descriptor(ID.toString()), StoreFixture.daily(0, 100, 1));
                assertThat(store.read(ID, Long.MIN_VALUE, Long.MAX_VALUE)).as(outcomes.get(i))
                        .isEqualTo(StoreFixture.daily(0, 100, 1));
                assertThat(DerbyDatabase.creationMarker(db.toAbsolutePath())).as(outcomes.get(i)).doesNotExist();
            } finally {
                DerbyDatabase.shutdownEmbedded(db);
            }
        }
        // The kills must have hit creation itself, or this test proved nothing.
        assertThat(interrupted).as(report).isPositive();
    }

    /**
     * Runs a first start in a child JVM and SIGKILLs it {@code killAfterNanos} after it printed
     * "starting" ({@code Long.MAX_VALUE}: lets it finish).
     *
     * @return the nanoseconds from "starting" to "open", or to the kill
     */
    private long firstStart(Path db, long killAfterNanos) throws Exception {
        Files.createDirectories(db.getParent());
        Process child = StoreFixture.javaProcess(ForkedStore.class, "first-start", db.toString())
                .redirectError(db.resolveSibling("child.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as(Files.readString(db.resolveSibling("child.err"))).isEqualTo("starting");
            long started = System.nanoTime();
            if (killAfterNanos == Long.MAX_VALUE) {
                assertThat(out.readLine()).as(Files.readString(db.resolveSibling("child.err"))).isEqualTo("open");
                long nanos = System.nanoTime() - started;
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                return nanos;
            }
            TimeUnit.NANOSECONDS.sleep(killAfterNanos);
            child.destroyForcibly(); // SIGKILL; also closes our end of its output
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return System.nanoTime() - started;
        }
    }

    @Test
    void aHalfCreatedStoreIsCreatedAgain() throws Exception {
        Path db = dir.resolve("db");
        Files.createDirectories(db.resolve("seg0"));
        Files.write(db.resolve("seg0/c10.dat"), new byte[] {1, 2, 3});
        Files.writeString(DerbyDatabase.creationMarker(db.toAbsolutePath()), "");
        try {
            ChunkedSeriesStore store = new ChunkedSeriesStore(DerbyDatabase.embedded(db));
            store.upsert(StoreFixture.descriptor(ID.toString()), StoreFixture.daily(0, 3, 1));
            assertThat(store.info(ID).orElseThrow().count()).isEqualTo(3);
            assertThat(DerbyDatabase.creationMarker(db.toAbsolutePath())).doesNotExist();
        } finally {
            DerbyDatabase.shutdownEmbedded(db);
        }
    }

    @Test
    void anIncompleteFolderWithoutMarkerIsReportedAndLeftAlone() throws Exception {
        Path db = dir.resolve("db");
        Files.createDirectories(db.resolve("seg0"));
        Files.write(db.resolve("seg0/c10.dat"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> DerbyDatabase.embedded(db))
                .hasMessageContaining("the folder is incomplete (it has no service.properties) and was left as it is")
                .hasMessageContaining("db restore DIR")
                .hasMessageContaining(db.toAbsolutePath().toString());
        assertThat(Files.readAllBytes(db.resolve("seg0/c10.dat"))).containsExactly(1, 2, 3);
        DerbyDatabase.shutdownEmbedded(db);
    }
}
