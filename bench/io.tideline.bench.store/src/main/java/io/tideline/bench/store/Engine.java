package io.tideline.bench.store;

import java.nio.file.Path;
import java.util.List;

/**
 * One storage engine under test, behind the few operations the benchmarks need, so that
 * {@link Workload} and the benchmarks stay engine-agnostic. Not thread-safe; one database at a
 * time.
 */
interface Engine {

    /** The engine names, as the benchmarks' {@code engine} parameter takes them. */
    List<String> NAMES = List.of(TidelineEngine.NAME, DerbyRowsEngine.NAME, SqliteEngine.NAME);

    /** A new, closed engine by {@link #NAMES name}. */
    static Engine create(String name) {
        return switch (name) {
            case TidelineEngine.NAME -> new TidelineEngine();
            case DerbyRowsEngine.NAME -> new DerbyRowsEngine();
            case SqliteEngine.NAME -> new SqliteEngine();
            default -> throw new IllegalArgumentException("unknown engine '" + name + "'; known: " + NAMES);
        };
    }

    String name();

    /**
     * Opens the database in {@code dir}, its own directory, creating it (and its schema) when
     * {@code dir} does not exist yet.
     */
    void open(Path dir) throws Exception;

    /**
     * Writes {@code times[from..to)} and {@code values[from..to)} to series {@code series}
     * (0-based) as one transaction.
     */
    void upsert(int series, long[] times, double[] values, int from, int to) throws Exception;

    /** Reads the rows of series {@code series} with {@code from <= time <= to}, ascending. */
    Bars read(int series, long from, long to) throws Exception;

    /**
     * Closes the database so that the next {@link #open} starts cold: Derby is shut down, and
     * its lock and caches released; SQLite's connection closed.
     */
    void close() throws Exception;

    /** The size of the database last opened; call after {@link #close()} for settled numbers. */
    DiskSize sizeOnDisk();
}
