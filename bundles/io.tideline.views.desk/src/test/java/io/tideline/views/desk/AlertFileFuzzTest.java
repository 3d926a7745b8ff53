package io.tideline.views.desk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.testing.Fuzz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the alert log's reader with mutants of real alert lines: every file gives its readable
 * alerts, and a warning per skipped line naming the file, the line and what was wrong there in
 * words — never an unchecked exception, a hang, a Java class name, or an allocation out of
 * proportion to the file. A damaged file never keeps the next alert from being logged.
 */
class AlertFileFuzzTest {

    private static final Path DIR = Fuzz.scratch("alerts-fuzz-");

    /** A skipped line, the count of the rest, or a file that could not be read at all. */
    private static final Pattern WARNING = Pattern.compile(
            "(?s)(line \\d+ skipped: .+|\\d+ more unreadable lines skipped, the first at line \\d+"
                    + "|cannot be read, no earlier alerts are shown \\(.+\\))");

    private static final Alert NEXT = new Alert(1_790_000_000_000L, Alert.Kind.REGIME, "2026-09-21", "regime",
            "NORMAL", "RISK_OFF", null, null, "checklist");

    @Provide
    Arbitrary<byte[]> files() {
        String regime = AlertFile.json(new Alert(1_784_800_000_000L, Alert.Kind.REGIME, "2026-07-10", "regime",
                "NORMAL", "RISK_OFF", 2.0, null, "checklist"));
        String crossing = AlertFile.json(new Alert(1_784_900_000_001L, Alert.Kind.THRESHOLD, "2026-07-23",
                "us10y change-bp(5)", "below", "above", 17.5, 15.0,
                "us10y = fred:DGS10 \u2014 10Y up >= 15 bp in 5 days is \"adverse\"\n"));
        return Fuzz.inputs(Fuzz.seeds(
                regime + "\n" + crossing + "\n",
                crossing + "\n" + crossing + "\n" + regime + "\n" + crossing.substring(0, 40),
                regime.replace("\"value\":2.0,", "") + "\r\n\n  \n" + crossing + "\n"), 4096);
    }

    @Property
    void any_alert_file_gives_its_readable_alerts_and_a_warning_per_skipped_line(@ForAll("files") byte[] input)
            throws IOException {
        // One file, rewritten per try: a folder per try left a million to remove at exit.
        Path file = DIR.resolve("read").resolve("alerts.jsonl");
        Files.createDirectories(file.getParent());
        Files.write(file, input);
        Fuzz.run(input, Fuzz.Reported.class, 64L << 20, m -> m.startsWith(file + ": ")
                && WARNING.matcher(m.substring(file.toString().length() + 2)).matches(), () -> {
                    AlertFile.Loaded loaded = new AlertFile(file, 500, 5_000).load();
                    List<String> warnings = loaded.warnings();
                    assertThat(warnings).hasSizeLessThanOrEqualTo(AlertFile.MAX_WARNINGS + 1);
                    for (String w : warnings) {
                        assertThat(w).startsWith(file + ": ").hasSizeLessThan(Fuzz.MAX_MESSAGE_CHARS)
                                .matches(Fuzz::noJavaNames, "names no Java class");
                    }
                    if (!warnings.isEmpty()) {
                        throw new Fuzz.Reported(warnings.get(warnings.size() - 1));
                    }
                });
    }

    @Property
    void a_damaged_file_never_keeps_the_next_alert_from_being_logged(@ForAll("files") byte[] input)
            throws IOException {
        Path file = DIR.resolve("append").resolve("alerts.jsonl");
        Files.createDirectories(file.getParent());
        Files.write(file, input);
        AlertFile alerts = new AlertFile(file, 500, 5_000);
        int before = alerts.load().alerts().size();
        alerts.append(NEXT);
        List<Alert> after = new AlertFile(file, 500, 5_000).load().alerts();
        assertThat(after).hasSize(Math.min(before + 1, 500)).last().isEqualTo(NEXT);
    }

    @Test
    void a_repeated_key_is_skipped_naming_the_key_not_the_java_class() throws IOException {
        Path file = Files.createTempDirectory(DIR, "repeated-").resolve("alerts.jsonl");
        String line = AlertFile.json(NEXT).replace("\"value\":null,", "\"value\":null,\"value\":1.5,");
        Files.writeString(file, line + "\n", UTF_8);
        assertThat(new AlertFile(file, 500, 5_000).load().warnings()).singleElement().asString()
                .startsWith(file + ": line 1 skipped: value: column ")
                .endsWith(": this key appears twice in its object; expected each key once")
                .doesNotContain("AlertFile").doesNotContain("creator property");
    }

    @Test
    void a_file_that_cannot_be_read_is_named_with_the_reason_in_words() throws IOException {
        Path file = Files.createDirectories(Files.createTempDirectory(DIR, "folder-").resolve("alerts.jsonl"));
        assertThat(new AlertFile(file, 500, 5_000).load().warnings()).singleElement().asString()
                .startsWith(file + ": cannot be read, no earlier alerts are shown (").doesNotContain("java.")
                .doesNotContain("Exception");
    }
}
