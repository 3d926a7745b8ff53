package io.tideline.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertKind;
import io.tideline.support.testing.Fuzz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the ledger's reader with mutants of real ledger lines (and the version 1 lines earlier
 * desk views left in the same file): every file gives its readable entries, and a warning per
 * skipped line naming the file, the line and what was wrong there in words — never an unchecked
 * exception, a hang, a Java class name, or an allocation out of proportion to the file. A damaged
 * file never keeps the next alert from being recorded.
 */
class LedgerFuzzTest {

    private static final Path DIR = Fuzz.scratch("ledger-fuzz-");

    /** A skipped line, the count of the rest, or a file that could not be read at all. */
    private static final Pattern WARNING = Pattern.compile(
            "(?s)(line \\d+ skipped: .+|\\d+ more unreadable lines skipped, the first at line \\d+"
                    + "|cannot be read, no earlier alerts are known \\(.+\\))");

    private static final AlertRule REGIME = new AlertRule("regime", AlertKind.REGIME_CHANGE, null, null, null, null,
            Duration.ofHours(6));
    private static final AlertRule CROSSING = new AlertRule("crossing", AlertKind.CHECKLIST_CROSSING, null, null,
            null, null, Duration.ofHours(6));

    private static Ledger.Entry fired(Alert a) {
        return new Ledger.Entry(a.timeMillis(), a.id(), Ledger.State.FIRED, null, null, a);
    }

    private static final Ledger.Entry NEXT = fired(Evaluator.alert(REGIME, 1_790_000_000_000L, "2026-09-21", "regime",
            "NORMAL", "RISK_OFF", null, null, "checklist", "Regime changed from NORMAL to RISK_OFF as of 2026-09-21"));

    @Provide
    Arbitrary<byte[]> files() {
        Ledger.Entry regime = fired(Evaluator.alert(REGIME, 1_784_800_000_000L, "2026-07-10", "regime", "NORMAL",
                "RISK_OFF", null, null, "checklist", "Regime changed from NORMAL to RISK_OFF as of 2026-07-10"));
        Ledger.Entry crossing = fired(Evaluator.alert(CROSSING, 1_784_900_000_001L, "2026-07-23",
                "us10y change-bp(5)", "below", "above", 17.5, 15.0,
                "us10y = fred:DGS10 \u2014 10Y up >= 15 bp in 5 days is \"adverse\"\n", "us10y moved above 15"));
        String fired = Ledger.json(regime);
        String cross = Ledger.json(crossing);
        String delivered = Ledger.json(new Ledger.Entry(1_784_900_000_100L, crossing.alertId(),
                Ledger.State.DELIVERED, "webhook", null, null));
        String failed = Ledger.json(new Ledger.Entry(1_784_900_000_200L, crossing.alertId(), Ledger.State.FAILED,
                "command", "the command exited with 3: no route", null));
        String view = "{\"v\":1,\"timeMillis\":5,\"kind\":\"REGIME\",\"asOf\":\"2026-07-10\",\"subject\":\"regime\","
                + "\"previous\":\"NORMAL\",\"current\":\"RISK_OFF\",\"value\":2.0,\"threshold\":null,"
                + "\"source\":\"checklist\"}";
        return Fuzz.inputs(Fuzz.seeds(
                fired + "\n" + cross + "\n" + delivered + "\n" + failed + "\n",
                view + "\n" + cross + "\n" + delivered + "\n" + fired.substring(0, 40),
                fired.replace("\"value\":null,", "") + "\r\n\n  \n" + view + "\n" + cross + "\n"), 4096);
    }

    @Property
    void any_ledger_file_gives_its_readable_entries_and_a_warning_per_skipped_line(@ForAll("files") byte[] input)
            throws IOException {
        // One file, rewritten per try: a folder per try left a million to remove at exit.
        Path file = DIR.resolve("read").resolve(Ledger.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.write(file, input);
        Fuzz.run(input, Fuzz.Reported.class, 64L << 20, m -> m.startsWith(file + ": ")
                && WARNING.matcher(m.substring(file.toString().length() + 2)).matches(), () -> {
                    Ledger.Loaded loaded = new Ledger(file, 2_000, 4_000).load();
                    List<String> warnings = loaded.warnings();
                    assertThat(warnings).hasSizeLessThanOrEqualTo(Ledger.MAX_WARNINGS + 1);
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
    void a_damaged_file_never_keeps_the_next_alert_from_being_recorded(@ForAll("files") byte[] input)
            throws IOException {
        Path file = DIR.resolve("append").resolve(Ledger.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.write(file, input);
        Ledger ledger = new Ledger(file, 2_000, 4_000);
        int before = ledger.load().entries().size();
        ledger.append(NEXT);
        List<Ledger.Entry> after = new Ledger(file, 2_000, 4_000).load().entries();
        assertThat(after).hasSize(Math.min(before + 1, 2_000)).last().isEqualTo(NEXT);
    }

    @Test
    void a_repeated_key_is_skipped_naming_the_key_not_the_java_class() throws IOException {
        Path file = Files.createTempDirectory(DIR, "repeated-").resolve(Ledger.FILE_NAME);
        String line = Ledger.json(NEXT).replace("\"value\":null,", "\"value\":null,\"value\":1.5,");
        Files.writeString(file, line + "\n", UTF_8);
        assertThat(new Ledger(file, 2_000, 4_000).load().warnings()).singleElement().asString()
                .startsWith(file + ": line 1 skipped: fired.value: column ")
                .endsWith(": this key appears twice in its object; expected each key once")
                .doesNotContain("Ledger").doesNotContain("creator property");
    }

    @Test
    void a_file_that_cannot_be_read_is_named_with_the_reason_in_words() throws IOException {
        Path file = Files.createDirectories(Files.createTempDirectory(DIR, "folder-").resolve(Ledger.FILE_NAME));
        assertThat(new Ledger(file, 2_000, 4_000).load().warnings()).singleElement().asString()
                .startsWith(file + ": cannot be read, no earlier alerts are known (").doesNotContain("java.")
                .doesNotContain("Exception");
    }
}
