package io.tideline.bench.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes on disk per row, for each engine and dataset: writes the dataset as the upsert
 * benchmark does into a fresh database, checks it, closes the engine (Derby: shuts the
 * database down) and sums the files' lengths. Derby's {@code seg0/} (the tables) is also shown
 * alone, since its {@code log/} is recycled and does not grow with the data. Not a timing.
 *
 * <pre>java -cp target/benchmarks.jar io.tideline.bench.store.DiskUsage [ENGINE|DATASET ...]</pre>
 *
 * <p>Arguments restrict the run to the named engines ({@code tideline}, {@code derby-rows},
 * {@code sqlite}) and/or datasets ({@code 1x1000000}, {@code 20x50000}); none: all of them.
 * {@code -Dtideline.bench.dir=DIR} chooses the scratch disk.
 */
public final class DiskUsage {

    private DiskUsage() {
    }

    public static void main(String[] args) throws Exception {
        List<String> engines = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
        for (String arg : args) {
            if (Engine.NAMES.contains(arg)) {
                engines.add(arg);
            } else if (arg.contains("x")) {
                Dataset.parse(arg); // rejects a malformed label before anything is written
                datasets.add(arg);
            } else {
                System.err.println("usage: DiskUsage [ENGINE|DATASET ...]; engines " + Engine.NAMES
                        + ", datasets SERIESxROWS with " + Dataset.TOTAL_ROWS + " rows in all, e.g. "
                        + String.join(", ", Dataset.LABELS));
                System.exit(2);
            }
        }
        if (engines.isEmpty()) {
            engines.addAll(Engine.NAMES);
        }
        if (datasets.isEmpty()) {
            datasets.addAll(List.of(Dataset.LABELS));
        }

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-11s %-10s %9s %14s %9s %14s %9s", "engine", "dataset", "rows",
                "total bytes", "B/row", "data bytes", "B/row"));
        for (String label : datasets) {
            Dataset data = Dataset.parse(label);
            for (String name : engines) {
                Path root = Dirs.createRoot("disk-" + name);
                try {
                    Engine engine = Engine.create(name);
                    Path dir = root.resolve("db");
                    long start = System.nanoTime();
                    engine.open(dir);
                    try {
                        Workload.write(engine, data);
                        Workload.verify(engine, data);
                    } finally {
                        engine.close();
                    }
                    DiskSize size = engine.sizeOnDisk();
                    double rows = data.totalRows();
                    lines.add(String.format(Locale.ROOT, "%-11s %-10s %9d %14d %9.2f %14d %9.2f", name, label,
                            data.totalRows(), size.total(), size.total() / rows, size.data(), size.data() / rows));
                    System.err.printf(Locale.ROOT, "%s %s: written, checked and measured in %.1f s%n", name, label,
                            (System.nanoTime() - start) / 1e9);
                } finally {
                    Dirs.delete(root);
                }
            }
        }
        System.out.println();
        System.out.println("Bytes on disk per row (data: Derby seg0/, SQLite's database file)");
        lines.forEach(System.out::println);
    }
}
