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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading every series' whole range (1,000,000 rows in all) into primitive arrays from a
 * database just reopened. The database is written and checked once per trial; before each
 * invocation, untimed, the engine is closed and reopened (Derby and the Tideline store: the
 * database shut down and booted again, so its page cache and compiled statements are gone;
 * SQLite: the connection closed and opened). Only the reads are timed; they include the first
 * statement compilation after the reopen. "Cold" is the database's cold: the operating
 * system's file cache stays warm (dropping it needs root).
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
public class ColdRangeReadBenchmark {

    @Param({TidelineEngine.NAME, DerbyRowsEngine.NAME, SqliteEngine.NAME})
    public String engine;

    @Param({"1x1000000", "20x50000"})
    public String dataset;

    private Dataset data;
    private Path root;
    private Path dir;
    private Engine db;

    @Setup(Level.Trial)
    public void writeOnce() throws Exception {
        data = Dataset.parse(dataset);
        root = Dirs.createRoot("read-" + engine);
        dir = root.resolve("db");
        db = Engine.create(engine);
        db.open(dir);
        Workload.write(db, data);
        Workload.verify(db, data);
    }

    @Setup(Level.Invocation)
    public void reopen() throws Exception {
        db.close();
        db.open(dir);
    }

    @Benchmark
    public void coldRangeRead(Blackhole blackhole) throws Exception {
        long rows = Workload.readAll(db, data, blackhole::consume);
        if (rows != data.totalRows()) {
            throw new IllegalStateException(engine + " read " + rows + " rows, " + data.totalRows() + " were written");
        }
    }

    @TearDown(Level.Trial)
    public void closeAndDelete() throws Exception {
        try {
            db.close();
        } finally {
            Dirs.delete(root);
        }
    }
}
