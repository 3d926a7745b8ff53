package io.tideline.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger, the one writer of {@code alerts.jsonl}, on real files: round trip, bad lines, an
 * interrupted write, compaction, and the version 1 lines earlier desk views left in the file.
 */
class LedgerTest {

    private static final AlertRule REGIME = new AlertRule("regime", AlertKind.REGIME_CHANGE, null, null, null, null,
            Duration.ofHours(6));
    private static final AlertRule CROSSING = new AlertRule("crossing", AlertKind.CHECKLIST_CROSSING, null, null,
            null, null, Duration.ofHours(6));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("workspace").resolve(Ledger.FILE_NAME);
    }

    private static Ledger.Entry fired(int i) {
        Alert a = i % 2 == 0
                ? Evaluator.alert(REGIME, 1_784_800_000_000L + i, "2026-07-" + (10 + i % 20), "regime", "NORMAL",
                        "RISK_OFF", null, null, "checklist", "Regime changed from NORMAL to RISK_OFF")
                : Evaluator.alert(CROSSING, 1_784_900_000_000L + i, "2026-07-23", "us10y change-bp(5)", "below",
                        "above", 17.5 + i, 15.0, "us10y = fred:DGS10 \u2014 10Y up >= 15 bp in 5 days is \"adverse\"\n",
                        "us10y change-bp(5) moved above its checklist threshold 15");
        return new Ledger.Entry(a.timeMillis(), a.id(), Ledger.State.FIRED, null, null, a);
    }

    private static Ledger.Entry delivered(Ledger.Entry fired, String channel) {
        return new Ledger.Entry(fired.timeMillis() + 1, fired.alertId(), Ledger.State.DELIVERED, channel, null, null);
    }

    private static List<Ledger.Entry> entries(int from, int to) {
        List<Ledger.Entry> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(fired(i));
        }
        return out;
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(file(), UTF_8);
    }

    private void write(String text) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text, UTF_8);
    }

    @Test
    void appendedEntriesAreReadBackByANewInstanceInOrderWithEveryField() throws IOException {
        Ledger first = new Ledger(file(), 500, 5_000);
        assertThat(first.load().entries()).isEmpty();
        Ledger.Entry a = fired(0);
        Ledger.Entry b = fired(1);
        List<Ledger.Entry> logged = List.of(a, b, delivered(b, "webhook"),
                new Ledger.Entry(9, b.alertId(), Ledger.State.FAILED, "command", "the command exited with 3", null));
        for (Ledger.Entry e : logged) {
            first.append(e);
        }

        // One line per entry, each a JSON object with the format version; text with a newline
        // in it stays on its line.
        assertThat(lines()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("{\"v\":2,"));
        assertThat(lines().get(1)).contains("\"kind\":\"checklist-crossing\"", "\"threshold\":15.0", "\\n\"");
        assertThat(lines().get(0)).contains("\"threshold\":null", "\"source\":\"checklist\"");

        Ledger.Loaded loaded = new Ledger(file(), 500, 5_000).load();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.entries()).containsExactlyElementsOf(logged);
    }

    @Test
    void loadKeepsTheNewestInOrder() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Ledger.Entry e : entries(0, 1_200)) {
            text.append(Ledger.json(e)).append('\n');
        }
        write(text.toString());

        Ledger.Loaded loaded = new Ledger(file(), 500, 5_000).load();
        assertThat(loaded.entries()).containsExactlyElementsOf(entries(700, 1_200));
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void malformedLinesAreSkippedWithAWarningNamingFileAndLineAndTheFileIsLeftAsItWas() throws IOException {
        String good1 = Ledger.json(fired(1));
        String good2 = Ledger.json(fired(2));
        String good3 = Ledger.json(fired(3));
        String text = good1 + "\n"
                + good1.replace("\"checklist-crossing\"", "\"earthquake\"") + "\n" // line 2: unknown kind
                + "{\"v\":2,\"t\":5,\"alert\":\n" // line 3: bad JSON
                + good2 + "\n"
                + good2.replace("\"subject\":\"regime\",", "") + "\n" // line 5: missing field
                + "\n" // line 6: blank, ignored silently
                + good2.replace("{\"v\":2,", "{\"v\":3,") + "\n" // line 7: a newer format
                + "{\"v\":2,\"t\":6,\"alert\":\"x\",\"state\":\"lost\"}\n" // line 8: unknown state
                + good3 + "\n";
        write(text);

        Ledger.Loaded loaded = new Ledger(file(), 500, 5_000).load();

        assertThat(loaded.entries()).containsExactly(fired(1), fired(2), fired(3));
        assertThat(loaded.warnings()).hasSize(5);
        assertThat(loaded.warnings().get(0)).startsWith(file() + ": line 2 skipped: ").contains("kind", "earthquake");
        assertThat(loaded.warnings().get(1)).startsWith(file() + ": line 3 skipped: ").contains("valid JSON");
        assertThat(loaded.warnings().get(2)).startsWith(file() + ": line 5 skipped: ").contains("subject");
        assertThat(loaded.warnings().get(3)).startsWith(file() + ": line 7 skipped: ").contains("newer Tideline");
        assertThat(loaded.warnings().get(4)).startsWith(file() + ": line 8 skipped: ").contains("state", "lost");
        assertThat(Files.readString(file(), UTF_8)).isEqualTo(text);
    }

    @Test
    void theVersion1LinesOfEarlierDeskViewsArePassedOverSilentlyAndKeptByARewrite() throws IOException {
        String view = "{\"v\":1,\"timeMillis\":5,\"kind\":\"REGIME\",\"asOf\":\"2026-07-10\",\"subject\":\"regime\","
                + "\"previous\":\"NORMAL\",\"current\":\"RISK_OFF\",\"value\":null,\"threshold\":null,"
                + "\"source\":\"checklist\"}";
        String crossing = "{\"v\":1,\"timeMillis\":6,\"kind\":\"THRESHOLD\",\"asOf\":\"2026-07-23\","
                + "\"subject\":\"us10y change-bp(5)\",\"previous\":\"below\",\"current\":\"above\",\"value\":17.5,"
                + "\"threshold\":15.0,\"source\":\"us10y = fred:DGS10\"}";
        write(view + "\n" + Ledger.json(fired(0)) + "\n" + crossing + "\n");

        Ledger ledger = new Ledger(file(), 2, 3);
        Ledger.Loaded loaded = ledger.load();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.entries()).containsExactly(fired(0));

        // Three ledger lines fit; the fourth makes a rewrite, which keeps the old lines first, in order.
        ledger.append(fired(1));
        ledger.append(fired(2));
        assertThat(lines()).hasSize(5);
        ledger.append(fired(3));
        assertThat(lines()).containsExactly(view, crossing, Ledger.json(fired(2)), Ledger.json(fired(3)));
        Ledger.Loaded again = new Ledger(file(), 10, 20).load();
        assertThat(again.warnings()).isEmpty();
        assertThat(again.entries()).containsExactly(fired(2), fired(3));
    }

    @Test
    void manyBadLinesGiveTenWarningsAndOneCountingTheRest() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            text.append("garbage ").append(i).append('\n');
        }
        text.append(Ledger.json(fired(0))).append('\n');
        write(text.toString());

        Ledger.Loaded loaded = new Ledger(file(), 500, 5_000).load();

        assertThat(loaded.entries()).containsExactly(fired(0));
        assertThat(loaded.warnings()).hasSize(Ledger.MAX_WARNINGS + 1);
        assertThat(loaded.warnings().get(9)).contains(": line 10 skipped");
        assertThat(loaded.warnings().get(10))
                .isEqualTo(file() + ": 5 more unreadable lines skipped, the first at line 11");
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextAppendStartsOnALineOfItsOwn() throws IOException {
        Ledger before = new Ledger(file(), 500, 5_000);
        before.append(fired(0));
        before.append(fired(1));
        // A crash in the middle of the third append.
        String third = Ledger.json(fired(2));
        Files.writeString(file(), third.substring(0, third.length() / 2), UTF_8, StandardOpenOption.APPEND);

        Ledger after = new Ledger(file(), 500, 5_000);
        Ledger.Loaded loaded = after.load();
        assertThat(loaded.entries()).containsExactly(fired(0), fired(1));
        assertThat(loaded.warnings()).singleElement().asString()
                .startsWith(file() + ": line 3 skipped: incomplete last line (an interrupted write?), ");

        after.append(fired(3));
        assertThat(lines()).hasSize(4);
        Ledger.Loaded again = new Ledger(file(), 500, 5_000).load();
        assertThat(again.entries()).containsExactly(fired(0), fired(1), fired(3));
        assertThat(again.warnings()).singleElement().asString().startsWith(file() + ": line 3 skipped: ");
    }

    @Test
    void anAppendWithoutALoadFirstAlsoEndsATornLine() throws IOException {
        write(Ledger.json(fired(0)) + "\n{\"v\":2,\"t\":17");

        new Ledger(file(), 500, 5_000).append(fired(1));

        assertThat(new Ledger(file(), 500, 5_000).load().entries()).containsExactly(fired(0), fired(1));
    }

    @Test
    void aWholeLastLineWithoutItsNewlineStillLoads() throws IOException {
        write(Ledger.json(fired(0)) + "\n" + Ledger.json(fired(1)));

        Ledger ledger = new Ledger(file(), 500, 5_000);
        Ledger.Loaded loaded = ledger.load();
        assertThat(loaded.entries()).containsExactly(fired(0), fired(1));
        assertThat(loaded.warnings()).isEmpty();

        ledger.append(fired(2));
        assertThat(new Ledger(file(), 500, 5_000).load().entries()).containsExactly(fired(0), fired(1), fired(2));
    }

    @Test
    void pastMaxLinesTheFileIsRewrittenWithTheNewestInOrder() throws IOException {
        Ledger ledger = new Ledger(file(), 5, 20);
        ledger.load();
        List<Ledger.Entry> all = entries(0, 26);
        for (int i = 0; i < 20; i++) {
            ledger.append(all.get(i));
        }
        assertThat(lines()).hasSize(20);

        ledger.append(all.get(20));
        assertThat(lines()).hasSize(5);
        assertThat(new Ledger(file(), 5, 20).load().entries()).containsExactlyElementsOf(all.subList(16, 21));
        assertThat(Files.exists(file().resolveSibling(Ledger.FILE_NAME + ".tmp"))).isFalse();

        // Appending goes on after the rewrite, counting from the lines kept.
        for (int i = 21; i < 26; i++) {
            ledger.append(all.get(i));
        }
        assertThat(lines()).hasSize(10);
        assertThat(new Ledger(file(), 5, 20).load().entries()).containsExactlyElementsOf(all.subList(21, 26));
    }

    @Test
    void aRewriteDropsUnreadableLinesAndKeepsTheNewestReadableOnes() throws IOException {
        StringBuilder text = new StringBuilder();
        List<Ledger.Entry> all = entries(0, 10);
        for (int i = 0; i < 10; i++) {
            text.append(Ledger.json(all.get(i))).append('\n');
            if (i >= 7) {
                text.append("{broken\n");
            }
        }
        write(text.toString());

        Ledger ledger = new Ledger(file(), 4, 13);
        assertThat(ledger.load().warnings()).hasSize(3);
        ledger.append(fired(99));

        assertThat(lines()).hasSize(4).noneMatch(l -> l.contains("broken"));
        Ledger.Loaded loaded = new Ledger(file(), 4, 13).load();
        assertThat(loaded.entries()).containsExactly(all.get(7), all.get(8), all.get(9), fired(99));
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void aNumberJsonCannotHoldIsWrittenAsNull() throws IOException {
        Alert a = Evaluator.alert(CROSSING, 1L, "2026-07-23", "x level", "below", "above", Double.NaN, 1.0, null,
                "x level moved above");
        Ledger ledger = new Ledger(file(), 500, 5_000);
        ledger.append(new Ledger.Entry(1L, a.id(), Ledger.State.FIRED, null, null, a));

        assertThat(lines()).singleElement().asString().contains("\"value\":null", "\"source\":\"\"");
        assertThat(new Ledger(file(), 500, 5_000).load().entries()).singleElement()
                .satisfies(e -> assertThat(e.alert().value()).isNull());
    }

    @Test
    void aLineWrittenBeforeAlertsHadASourceReadsWithAnEmptySource() throws IOException {
        String old = Ledger.json(fired(0)).replace("\"source\":\"checklist\",", "");
        assertThat(old).doesNotContain("source");
        write(old + "\n");

        assertThat(new Ledger(file(), 500, 5_000).load().entries()).singleElement()
                .satisfies(e -> assertThat(e.alert().source()).isEmpty());
    }
}
