package io.tideline.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmarks' scratch directories, under {@code -Dtideline.bench.dir=DIR} (default: the
 * system temp directory). Put it on the disk whose speed you mean to measure: a tmpfs would
 * make every commit's sync free.
 */
final class Dirs {

    private Dirs() {
    }

    static Path base() {
        return Path.of(System.getProperty("tideline.bench.dir", System.getProperty("java.io.tmpdir")));
    }

    /** A new empty directory under {@link #base()}; also sends Derby's log file there. */
    static Path createRoot(String label) {
        try {
            Path base = Files.createDirectories(base());
            if (System.getProperty("derby.stream.error.file") == null) {
                // Derby writes derby.log into the working directory unless told otherwise.
                System.setProperty("derby.stream.error.file", base.resolve("tideline-bench-derby.log").toString());
            }
            return Files.createTempDirectory(base, "tideline-bench-" + label + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory under " + base(), e);
        }
    }

    /** Deletes {@code dir} and everything in it; nothing if it does not exist. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** The sum of the lengths of the regular files under {@code path}; 0 if it does not exist. */
    static long size(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            long total = 0;
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + path, e);
        }
    }
}
