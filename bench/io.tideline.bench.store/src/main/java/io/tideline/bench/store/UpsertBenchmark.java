package io.tideline.bench.store;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing 1,000,000 rows into an empty database, in batches of 10,000 rows per transaction
 * ({@link Workload#write}). Each invocation gets a fresh database directory, created and opened
 * (schema included) before the clock starts and shut down and deleted after it stops; the first
 * invocation of each trial is read back and checked before it is deleted.
 *
 * <p>The score is nanoseconds per row ({@code rows/s = 1e9 / score}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(Dataset.TOTAL_ROWS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class UpsertBenchmark {

    @Param({TidelineEngine.NAME, DerbyRowsEngine.NAME, SqliteEngine.NAME})
    public String engine;

    @Param({"1x1000000", "20x50000"})
    public String dataset;

    private Dataset data;
    private Path root;
    private Path dir;
    private Engine db;
    private int invocation;
    private boolean verified;

    @Setup(Level.Trial)
    public void generate() {
        data = Dataset.parse(dataset);
        root = Dirs.createRoot("upsert-" + engine);
    }

    @Setup(Level.Invocation)
    public void openFresh() throws Exception {
        dir = root.resolve("db" + invocation++);
        db = Engine.create(engine);
        db.open(dir);
    }

    @Benchmark
    public void upsert() throws Exception {
        Workload.write(db, data);
    }

    @TearDown(Level.Invocation)
    public void checkAndDelete() throws Exception {
        try {
            if (!verified) {
                Workload.verify(db, data);
                verified = true;
            }
        } finally {
            db.close();
            Dirs.delete(dir);
        }
    }

    @TearDown(Level.Trial)
    public void deleteRoot() {
        Dirs.delete(root);
    }
}
