package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * One Tideline per data directory, with real processes of the distribution's {@code tideline}
 * script: what starts either does its work completely or is refused before it touches anything.
 *
 * <p>CI runs 6 parallel imports × 2 rounds; the full size:
 * {@code mvn -B -o verify -pl itests -Dtest=OneTidelinePerDataDirIT -Dtideline.parallel.imports=20 -Dtideline.parallel.rounds=10}.
 */
class OneTidelinePerDataDirIT {

    private static final int ROWS = 1_000;
    private static final Pattern LISTED = Pattern.compile("^(\\S+)\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+([\\d,]+)\\s", Pattern.MULTILINE);
    private static final String IN_USE = "is in use by another Tideline (pid ";

    @TempDir
    Path work;

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TIDELINE_HOME", null);
        return env;
    }

    @Test
    void parallelImportsOnOneFreshDataDirectoryAreEitherCompleteOrRefusedClearly() throws Exception {
        int parallel = Integer.getInteger("tideline.parallel.imports", 6);
        int rounds = Integer.getInteger("tideline.parallel.rounds", 2);
        Path files = Files.createDirectories(work.resolve("files"));
        for (int i = 0; i < parallel; i++) {
            StringBuilder csv = new StringBuilder("date,value\n");
            for (int d = 0; d < ROWS; d++) {
                csv.append(java.time.LocalDate.of(2000, 1, 1).plusDays(d)).append(',').append(i * 10_000 + d).append('\n');
            }
            Files.writeString(files.resolve(String.format("p%02d.csv", i)), csv);
        }
        int imported = 0;
        int refused = 0;
        for (int round = 0; round < rounds; round++) {
            Path dir = work.resolve("round" + round);
            Path data = dir.resolve("data");
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                processes.add(Launch.start(dir.resolve(String.format("log%02d", i)), env(), "--headless", "--data-dir",
                        data.toString(), "--deploy-dir", dir.resolve("deploy").toString(), "import",
                        files.resolve(String.format("p%02d.csv", i)).toString(), "--series", String.format("csv:q%02d", i)));
            }
            List<String> succeeded = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Process p = processes.get(i);
                assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("import " + i + " of round " + round + " ends").isTrue();
                String series = String.format("csv:q%02d", i);
                String out = Files.readString(dir.resolve(String.format("log%02d/out.txt", i)));
                String err = Files.readString(dir.resolve(String.format("log%02d/err.txt", i)));
                String what = "round " + round + ", import of " + series + ": exit " + p.exitValue() + "\nout: " + out
                        + "\nerr: " + err;
                if (p.exitValue() == 0) {
                    assertThat(out).as(what).contains("imported 1,000 bars of " + series + " ");
                    succeeded.add(series);
                    imported++;
                } else {
                    assertThat(p.exitValue()).as(what).isEqualTo(3);
                    assertThat(err.strip()).as(what).startsWith("tideline: the data directory " + data + " " + IN_USE)
                            .endsWith("; close it, or use another one: --data-dir DIR")
                            .doesNotContain("Exception").doesNotContain("\tat ");
                    // Standard output holds nothing of Tideline's (the JVM itself may warn there,
                    // e.g. about its hsperfdata file when 20 start at once).
                    assertThat(out).as(what).doesNotContain("imported").doesNotContain("tideline");
                    refused++;
                }
            }
            assertThat(succeeded).as("round " + round + ": at least one import ran").isNotEmpty();

            // Afterwards, in one framework: every imported series whole, and every listed series
            // (the sample workspace's too) holds exactly the bars its listing says.
            try (TidelineFramework t = Dist.boot(dir)) {
                BundleContext c = t.context();
                Dist.Result list = Dist.run(c, "series", "list");
                assertThat(list.code()).as(list.err()).isZero();
                Map<String, Long> listed = new LinkedHashMap<>();
                Matcher m = LISTED.matcher(list.out());
                while (m.find()) {
                    if (!m.group(1).equals("SERIES")) {
                        listed.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
                    }
                }
                for (String series : succeeded) {
                    assertThat(listed).as("round " + round + ": " + series + " imported with exit 0")
                            .containsEntry(series, (long) ROWS);
                }
                for (Map.Entry<String, Long> e : listed.entrySet()) {
                    Dist.Result show = Dist.run(c, "series", "show", e.getKey());
                    assertThat(show.code()).as(e.getKey() + ": " + show.err()).isZero();
                    assertThat(show.out().lines().count() - 1).as("round " + round + ": bars of " + e.getKey()
                            + " read back vs listed").isEqualTo(e.getValue());
                }
                for (int i = 0; i < parallel; i++) {
                    String series = String.format("csv:q%02d", i);
                    if (succeeded.contains(series)) {
                        assertThat(Dist.run(c, "series", "show", series, "--from", "2000-01-01", "--to", "2000-01-01")
                                .out()).contains("2000-01-01," + (double) (i * 10_000));
                    } else {
                        assertThat(listed).as("refused import " + series + " left nothing").doesNotContainKey(series);
                    }
                }
            }
        }
        System.out.printf("parallel imports: %d rounds x %d processes: %d imported and complete, %d refused,"
                + " 0 inconsistent series%n", rounds, parallel, imported, refused);
    }

    @Test
    void aSecondProcessRolesSetIsRefusedNotSilentlyUndone() throws Exception {
        try (TidelineFramework holder = Dist.boot(work)) {
            BundleContext c = holder.context();
            String before = Dist.run(c, "roles").out();
            assertThat(before).doesNotContainPattern("btc\\s+csv:ok");

            Launch.Outcome second = Launch.run(work.resolve("log"), env(), "--headless", "--data-dir",
                    work.resolve("data").toString(), "--deploy-dir", work.resolve("deploy").toString(), "roles", "set",
                    "btc", "csv:ok");

            assertThat(second.code()).as(second.err()).isEqualTo(3);
            assertThat(second.err().strip()).startsWith("tideline: the data directory " + work.resolve("data") + " "
                    + IN_USE + ProcessHandle.current().pid() + ", since ")
                    .endsWith("); close it, or use another one: --data-dir DIR").doesNotContain("\n");
            assertThat(second.out()).doesNotContain("btc ->");
            assertThat(Dist.run(c, "roles").out()).isEqualTo(before);
        }
        Path roles = work.resolve("data/workspace/roles.json");
        assertThat(!Files.exists(roles) || !Files.readString(roles).contains("csv:ok")).as("roles.json").isTrue();
    }

    @Test
    void anImportWhoseStoreWriteFailsIsNotReportedAsImportedAndExitsNonZero() throws Exception {
        Path values = Files.writeString(work.resolve("values.csv"), "date,value\n2026-01-05,1.0\n2026-01-06,2.0\n");
        Path ohlc = Files.writeString(work.resolve("ohlc.csv"),
                "date,open,high,low,close\n2026-01-07,1,2,0.5,1.5\n");
        try (TidelineFramework t = Dist.boot(work)) {
            BundleContext c = t.context();
            Dist.Result first = Dist.run(c, "import", values.toString(), "--series", "csv:X");
            assertThat(first.code()).as(first.err()).isZero();

            // The store refuses OHLC columns for a series that stores one value column.
            Dist.Result second = Dist.run(c, "import", ohlc.toString(), "--series", "csv:X");

            assertThat(second.code()).as(second.out()).isEqualTo(1);
            assertThat(second.out()).doesNotContain("imported");
            assertThat(second.err()).contains("csv:X").contains("stores the columns").doesNotContain("Exception");
            assertThat(Dist.run(c, "series", "show", "csv:X").out()).isEqualTo("time,value\n2026-01-05,1.0\n"
                    + "2026-01-06,2.0\n");
        }
    }
}
