package io.tideline.store.derby;

import io.tideline.api.store.StoreHealth;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The result of the last {@code db check}, and damage met by reads and writes since, kept in
 * {@code DATA_DIR/db-check.properties} so that {@code status} in another process and the
 * workbench after a restart see a store that failed its check. Written to a temporary file and
 * moved into place, so a reader never sees half a record. Thread-safe.
 */
final class CheckRecord {

    /** The file's name in the data directory. */
    static final String FILE_NAME = "db-check.properties";

    private final Path file;

    CheckRecord(Path file) {
        this.file = file;
    }

    /** Records a finished check. */
    synchronized void checked(Integrity.Report report, Instant when) throws IOException {
        List<String> problems = new ArrayList<>();
        report.damage().forEach(d -> problems.add(d.oneLine()));
        write(report.clean() ? StoreHealth.Status.OK : StoreHealth.Status.DAMAGED, when, problems);
    }

    /** Records damage a read or write ran into; it stands until the next check. */
    synchronized void damaged(Damage damage) throws IOException {
        StoreHealth last = read();
        List<String> problems = new ArrayList<>(last.status() == StoreHealth.Status.DAMAGED ? last.problems() : List.of());
        String line = damage.oneLine() + " (found by a read or write)";
        if (!problems.contains(line)) {
            problems.add(line);
        }
        write(StoreHealth.Status.DAMAGED, last.checkedAt(), problems);
    }

    /** The recorded health: UNCHECKED when there is no record or it cannot be read (the next check writes it anew). */
    synchronized StoreHealth read() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            StoreHealth.Status status = StoreHealth.Status.valueOf(p.getProperty("status", "UNCHECKED"));
            String checked = p.getProperty("checked");
            List<String> problems = new ArrayList<>();
            for (int i = 1; p.containsKey("problem." + i); i++) {
                problems.add(p.getProperty("problem." + i));
            }
            return new StoreHealth(status, checked == null ? null : Instant.parse(checked), problems);
        } catch (IOException | RuntimeException noneOrUnreadable) {
            return new StoreHealth(StoreHealth.Status.UNCHECKED, null, List.of());
        }
    }

    private void write(StoreHealth.Status status, Instant checked, List<String> problems) throws IOException {
        Properties p = new Properties();
        p.setProperty("status", status.name());
        if (checked != null) {
            p.setProperty("checked", checked.toString());
        }
        for (int i = 0; i < problems.size(); i++) {
            p.setProperty("problem." + (i + 1), problems.get(i));
        }
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "The last 'tideline --headless db check' and damage met since; written by Tideline");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
