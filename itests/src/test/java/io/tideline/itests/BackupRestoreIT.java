package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** {@code db backup} and {@code db restore} in the running distribution, on a real store on disk. */
class BackupRestoreIT {

    private static final List<String> SERIES = List.of("csv:a", "csv:b", "csv:c");

    @TempDir
    Path work;

    @Test
    void aBackupRestoredIntoTheRunningStoreGivesBackEverySeriesBarForBar() throws Exception {
        // No sample workspace: this test's store holds only what it writes.
        Dist.write(Files.createDirectories(work.resolve("data/workspace")), "sample-loaded", "loaded: skipped by the test\n");
        for (int i = 0; i < SERIES.size(); i++) {
            StringBuilder csv = new StringBuilder("date,value\n");
            for (int d = 0; d < 2_000 * (i + 1); d++) {
                csv.append(java.time.LocalDate.of(1990, 1, 1).plusDays(d)).append(',').append(i + d / 7.0).append('\n');
            }
            Files.writeString(work.resolve(i + ".csv"), csv);
        }
        try (TidelineFramework t = Dist.boot(work)) {
            BundleContext c = t.context();
            for (int i = 0; i < SERIES.size(); i++) {
                ok(c, "import", work.resolve(i + ".csv").toString(), "--series", SERIES.get(i));
            }
            String list = ok(c, "series", "list");
            Map<String, String> shown = new LinkedHashMap<>();
            for (String s : SERIES) {
                shown.put(s, ok(c, "series", "show", s));
            }

            String backedUp = ok(c, "db", "backup");
            Matcher m = Pattern.compile("into (\\S+)\\n").matcher(backedUp);
            assertThat(m.find()).as(backedUp).isTrue();
            Path backup = Path.of(m.group(1));
            assertThat(backup.getParent()).isEqualTo(work.resolve("data/backups"));
            assertThat(backup.getFileName().toString()).matches("db-\\d{8}-\\d{6}");
            assertThat(backedUp).contains("3 series").contains("restore it with: tideline --headless db restore " + backup);

            // Damage: one series deleted, one overwritten, one added.
            ok(c, "series", "delete", "csv:a");
            Files.writeString(work.resolve("junk.csv"), "date,value\n1990-01-01,-1\n1990-01-02,-2\n");
            ok(c, "import", work.resolve("junk.csv").toString(), "--series", "csv:b");
            ok(c, "import", work.resolve("junk.csv").toString(), "--series", "csv:junk");

            Dist.Result refused = Dist.run(c, "db", "restore", backup.toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("holds 3 series").contains("--force").doesNotContain("Exception");

            Path notABackup = Files.createDirectories(work.resolve("photos"));
            Dist.Result wrong = Dist.run(c, "db", "restore", notABackup.toString(), "--force");
            assertThat(wrong.code()).isEqualTo(1);
            assertThat(wrong.err()).contains(notABackup + " is not a Tideline backup: it holds no Derby database");

            String restored = ok(c, "db", "restore", backup.toString(), "--force");
            assertThat(restored).contains("restored 3 series").contains("is kept in " + work.resolve("data"));

            assertThat(ok(c, "series", "list")).isEqualTo(list);
            for (String s : SERIES) {
                assertThat(ok(c, "series", "show", s)).as("every bar of " + s).isEqualTo(shown.get(s));
            }
            // The store keeps working after the restore.
            ok(c, "import", work.resolve("junk.csv").toString(), "--series", "csv:after");
            assertThat(ok(c, "series", "list")).contains("csv:after");
        }
        try (Stream<Path> files = Files.list(work.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.matches("db\\.before-restore-\\d{8}-\\d{6}"))
                    .noneMatch(n -> n.contains("restoring"));
        }
    }

    private static String ok(BundleContext c, String... command) {
        Dist.Result r = Dist.run(c, command);
        assertThat(r.code()).as(String.join(" ", command) + ": " + r.err()).isZero();
        return r.out();
    }
}
