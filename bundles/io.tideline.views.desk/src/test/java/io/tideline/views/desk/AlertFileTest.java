package io.tideline.views.desk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert log's file, on real files: round trip, bad lines, an interrupted write, compaction. */
class AlertFileTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("workspace").resolve("alerts.jsonl");
    }

    private static Alert regime(int i) {
        return new Alert(1_784_800_000_000L + i, Alert.Kind.REGIME, "2026-07-" + (10 + i % 20), "regime", "NORMAL",
                "RISK_OFF", 2.0, null, "checklist");
    }

    private static Alert crossing(int i) {
        return new Alert(1_784_900_000_000L + i, Alert.Kind.THRESHOLD, "2026-07-23", "us10y change-bp(5)", "below",
                "above", 17.5 + i, 15.0, "us10y = fred:DGS10 \u2014 10Y up >= 15 bp in 5 days is \"adverse\"\n");
    }

    private static List<Alert> alerts(int from, int to) {
        List<Alert> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i % 2 == 0 ? regime(i) : crossing(i));
        }
        return out;
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(file(), UTF_8);
    }

    @Test
    void appendedAlertsAreReadBackByANewInstanceInOrderWithEveryField() throws IOException {
        AlertFile first = new AlertFile(file(), 500, 5_000);
        assertThat(first.load().alerts()).isEmpty();
        List<Alert> logged = alerts(0, 3);
        for (Alert a : logged) {
            assertThat(first.append(a)).isFalse();
        }

        // One line per alert, each a JSON object with the format version; text with a newline
        // in it stays on its line.
        assertThat(lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"v\":1,"));
        assertThat(lines().get(1)).contains("\"kind\":\"THRESHOLD\"", "\"threshold\":15.0", "\\n\"");
        assertThat(lines().get(0)).contains("\"threshold\":null");

        AlertFile.Loaded loaded = new AlertFile(file(), 500, 5_000).load();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.alerts()).containsExactlyElementsOf(logged);
    }

    @Test
    void loadKeepsTheNewestInOrder() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Alert a : alerts(0, 1_200)) {
            text.append(AlertFile.json(a)).append('\n');
        }
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text, UTF_8);

        AlertFile.Loaded loaded = new AlertFile(file(), 500, 5_000).load();
        assertThat(loaded.alerts()).containsExactlyElementsOf(alerts(700, 1_200));
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void malformedLinesAreSkippedWithAWarningNamingFileAndLineAndTheFileIsLeftAsItWas() throws IOException {
        String good1 = AlertFile.json(regime(1));
        String good2 = AlertFile.json(crossing(2));
        String good3 = AlertFile.json(regime(3));
        String text = good1 + "\n"
                + good1.replace("\"REGIME\"", "\"EARTHQUAKE\"") + "\n" // line 2: unknown kind
                + "{\"v\":1,\"timeMillis\":5,\"kind\":\n" // line 3: bad JSON
                + good2 + "\n"
                + good2.replace("\"subject\":\"us10y change-bp(5)\",", "") + "\n" // line 5: missing field
                + "\n" // line 6: blank, ignored silently
                + good2.replace("{\"v\":1,", "{\"v\":3,") + "\n" // line 7: a newer format
                + good3 + "\n";
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text, UTF_8);

        AlertFile.Loaded loaded = new AlertFile(file(), 500, 5_000).load();

        assertThat(loaded.alerts()).containsExactly(regime(1), crossing(2), regime(3));
        assertThat(loaded.warnings()).hasSize(4);
        assertThat(loaded.warnings().get(0)).startsWith(file() + ": line 2 skipped: ").contains("kind", "EARTHQUAKE");
        assertThat(loaded.warnings().get(1)).startsWith(file() + ": line 3 skipped: ").contains("valid JSON");
        assertThat(loaded.warnings().get(2)).startsWith(file() + ": line 5 skipped: ").contains("subject");
        assertThat(loaded.warnings().get(3)).startsWith(file() + ": line 7 skipped: ").contains("newer Tideline");
        assertThat(Files.readString(file(), UTF_8)).isEqualTo(text);
    }

    @Test
    void theAlertsLedgersLinesInTheSameFileArePassedOverSilentlyAndKeptByARewrite() throws IOException {
        String ledger1 = "{\"v\":2,\"t\":5,\"alert\":\"5-regime-regime\",\"state\":\"fired\",\"fired\":{}}";
        String ledger2 = "{\"v\":2,\"t\":6,\"alert\":\"5-regime-regime\",\"state\":\"delivered\",\"channel\":\"banner\"}";
        Files.createDirectories(file().getParent());
        Files.writeString(file(), AlertFile.json(regime(0)) + "\n" + ledger1 + "\n" + ledger2 + "\n", UTF_8);

        AlertFile log = new AlertFile(file(), 2, 3);
        AlertFile.Loaded loaded = log.load();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.alerts()).containsExactly(regime(0));

        // Three alert lines fit; the fourth makes a rewrite, which keeps the ledger's lines in order.
        log.append(regime(1));
        log.append(regime(2));
        assertThat(log.append(regime(3))).isTrue();
        assertThat(lines()).containsExactly(ledger1, ledger2, AlertFile.json(regime(2)), AlertFile.json(regime(3)));
    }

    @Test
    void manyBadLinesGiveTenWarningsAndOneCountingTheRest() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            text.append("garbage ").append(i).append('\n');
        }
        text.append(AlertFile.json(regime(0))).append('\n');
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text, UTF_8);

        AlertFile.Loaded loaded = new AlertFile(file(), 500, 5_000).load();

        assertThat(loaded.alerts()).containsExactly(regime(0));
        assertThat(loaded.warnings()).hasSize(AlertFile.MAX_WARNINGS + 1);
        assertThat(loaded.warnings().get(9)).contains(": line 10 skipped");
        assertThat(loaded.warnings().get(10)).isEqualTo(file() + ": 5 more unreadable lines skipped, the first at line 11");
    }

    @Test
    void anIncompleteLastLineIsToleratedAndTheNextAppendStartsOnALineOfItsOwn() throws IOException {
        AlertFile before = new AlertFile(file(), 500, 5_000);
        before.append(regime(0));
        before.append(crossing(1));
        // A crash in the middle of the third append.
        String third = AlertFile.json(regime(2));
        Files.writeString(file(), third.substring(0, third.length() / 2), UTF_8, java.nio.file.StandardOpenOption.APPEND);

        AlertFile after = new AlertFile(file(), 500, 5_000);
        AlertFile.Loaded loaded = after.load();
        assertThat(loaded.alerts()).containsExactly(regime(0), crossing(1));
        assertThat(loaded.warnings()).singleElement().asString()
                .startsWith(file() + ": line 3 skipped: incomplete last line");

        after.append(regime(3));
        assertThat(lines()).hasSize(4);
        AlertFile.Loaded again = new AlertFile(file(), 500, 5_000).load();
        assertThat(again.alerts()).containsExactly(regime(0), crossing(1), regime(3));
        assertThat(again.warnings()).singleElement().asString().startsWith(file() + ": line 3 skipped: ");
    }

    @Test
    void anAppendWithoutALoadFirstAlsoEndsAnInterruptedLine() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), AlertFile.json(regime(0)) + "\n{\"v\":1,\"timeMi", UTF_8);

        new AlertFile(file(), 500, 5_000).append(crossing(1));

        assertThat(new AlertFile(file(), 500, 5_000).load().alerts()).containsExactly(regime(0), crossing(1));
    }

    @Test
    void aWholeLastLineWithoutItsNewlineStillLoads() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), AlertFile.json(regime(0)) + "\n" + AlertFile.json(crossing(1)), UTF_8);

        AlertFile f = new AlertFile(file(), 500, 5_000);
        AlertFile.Loaded loaded = f.load();
        assertThat(loaded.alerts()).containsExactly(regime(0), crossing(1));
        assertThat(loaded.warnings()).isEmpty();

        f.append(regime(2));
        assertThat(new AlertFile(file(), 500, 5_000).load().alerts()).containsExactly(regime(0), crossing(1),
                regime(2));
    }

    @Test
    void pastMaxLinesTheFileIsRewrittenWithTheNewestInOrder() throws IOException {
        AlertFile f = new AlertFile(file(), 5, 20);
        f.load();
        List<Alert> all = alerts(0, 26);
        for (int i = 0; i < 20; i++) {
            assertThat(f.append(all.get(i))).as("append %d", i).isFalse();
        }
        assertThat(lines()).hasSize(20);

        assertThat(f.append(all.get(20))).isTrue();
        assertThat(lines()).hasSize(5);
        assertThat(new AlertFile(file(), 5, 20).load().alerts()).containsExactlyElementsOf(all.subList(16, 21));
        assertThat(Files.exists(file().resolveSibling("alerts.jsonl.tmp"))).isFalse();

        // Appending goes on after the rewrite, counting from the lines kept.
        for (int i = 21; i < 26; i++) {
            assertThat(f.append(all.get(i))).isFalse();
        }
        assertThat(lines()).hasSize(10);
        assertThat(new AlertFile(file(), 5, 20).load().alerts()).containsExactlyElementsOf(all.subList(21, 26));
    }

    @Test
    void aRewriteDropsUnreadableLinesAndKeepsTheNewestReadableOnes() throws IOException {
        StringBuilder text = new StringBuilder();
        List<Alert> all = alerts(0, 10);
        for (int i = 0; i < 10; i++) {
            text.append(AlertFile.json(all.get(i))).append('\n');
            if (i >= 7) {
                text.append("{broken\n");
            }
        }
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text, UTF_8);

        AlertFile f = new AlertFile(file(), 4, 13);
        assertThat(f.load().warnings()).hasSize(3);
        assertThat(f.append(regime(99))).isTrue();

        assertThat(lines()).hasSize(4).noneMatch(l -> l.contains("broken"));
        AlertFile.Loaded loaded = new AlertFile(file(), 4, 13).load();
        assertThat(loaded.alerts()).containsExactly(all.get(7), all.get(8), all.get(9), regime(99));
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void aNumberJsonCannotHoldIsWrittenAsNull() throws IOException {
        AlertFile f = new AlertFile(file(), 500, 5_000);
        f.append(new Alert(1L, Alert.Kind.THRESHOLD, "2026-07-23", "x level", "below", "above", Double.NaN, 1.0, null));

        assertThat(lines()).singleElement().asString().contains("\"value\":null", "\"source\":null");
        assertThat(new AlertFile(file(), 500, 5_000).load().alerts()).singleElement()
                .satisfies(a -> assertThat(a.value()).isNull());
    }
}
