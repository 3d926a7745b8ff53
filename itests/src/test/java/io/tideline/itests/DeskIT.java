package io.tideline.itests;

import static io.tideline.itests.DeskProbe.desk;
import static io.tideline.itests.DeskProbe.reading;
import static io.tideline.itests.DeskProbe.revision;
import static io.tideline.itests.Launch.await;
import static io.tideline.itests.Launch.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk in the real distribution, without a window: {@code serve} on the sample makes a
 * snapshot (verdict, scenario odds, live readings), and a bar imported from a second process into
 * the series bound to {@code btc} gives a new snapshot of the new day whose live readings are of
 * that bar; the feeds are listed with their next run; {@code desk --recompute} computes the same
 * with nothing kept beside it.
 */
class DeskIT {

    @TempDir
    Path work;

    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        Launch.stop(running);
    }

    @Test
    void aBarImportedIntoARunningServeGivesANewSnapshotOfItsDay() throws Exception {
        running = DeskProbe.serveTheSample(work);

        JsonNode first = desk(work, "first");
        assertThat(first.get("verdict").get("regime").asText()).isNotEmpty();
        assertThat(first.get("scenarioOdds").size()).isEqualTo(3);
        JsonNode btcVol = reading(first, "btc.vol20");
        assertThat(btcVol.get("value").asDouble()).as("BTC's 20-day volatility, annualised").isBetween(0.05, 3.0);
        String lastBar = btcVol.get("time").asText().substring(0, 10);
        // The feeds as the scheduler runs them: under serve every feed has a next run.
        JsonNode fred = null;
        for (JsonNode f : first.get("feeds")) {
            fred = f.get("source").asText().equals("fred") ? f : fred;
        }
        assertThat(fred).as("the FRED feed in %s", first.get("feeds")).isNotNull();
        assertThat(fred.get("nextRun").isNull()).as("serve schedules its feeds").isFalse();
        long revision = first.get("revision").asLong();

        // The next day's bar of the series btc is bound to, imported from a second process.
        java.time.LocalDate next = java.time.LocalDate.parse(lastBar).plusDays(1);
        Path folder = Files.createDirectories(work.resolve("elsewhere"));
        Files.writeString(folder.resolve("next.csv"), "time,open,high,low,close,volume\n" + next
                + ",78000,79000,77000,78100.5,30000\n");
        Launch.Outcome imported = command(work, "import", folder, "import", "next.csv", "--series", "binance:BTCUSDT");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("1 new");

        await("a new snapshot after the import", 60, () -> revision(work) > revision);
        JsonNode after = desk(work, "after");
        assertThat(reading(after, "btc.vol20").get("time").asText()).startsWith(next.toString());
        assertThat(reading(after, "btc.drawdown").get("time").asText()).startsWith(next.toString());
        assertThat(after.get("partMicros").has("scenarios")).isTrue();

        Launch.Outcome full = command(work, "recompute", null, "desk", "--recompute");
        assertThat(full.code()).as(full.err()).isZero();
        assertThat(full.out()).contains("the same with nothing kept:");
    }
}
