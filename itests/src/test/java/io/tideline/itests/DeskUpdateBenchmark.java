package io.tideline.itests;

import static io.tideline.itests.DeskProbe.desk;
import static io.tideline.itests.DeskProbe.revision;
import static io.tideline.itests.Launch.await;
import static io.tideline.itests.Launch.command;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new daily bar costs the desk, beside the same snapshot made with nothing kept, in one
 * process of the real distribution: {@code serve} on the sample; for each of 14 new days a bar of
 * the S&amp;P (SPY) and of bitcoin is imported from a second process, and 4 s later (no command
 * runs while the desk works) the desk's update is read from {@code desk --json}
 * ({@code computeMicros} and each part's), then {@code desk --recompute}
 * makes the same snapshot with nothing kept. The first 4 days warm the JIT and are not counted.
 * {@code ./test.sh -pl itests -am -Pbenchmarks -Dtest=DeskUpdateBenchmark} (results on standard
 * output, prefixed "BENCH").
 */
@Tag("benchmark")
class DeskUpdateBenchmark {

    private static final int DAYS = 14;
    private static final int WARM_UP = 4;

    @TempDir
    Path work;

    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        Launch.stop(running);
    }

    @Test
    void aNewDailyBarBesideTheSameSnapshotWithNothingKept() throws Exception {
        running = DeskProbe.serveTheSample(work);

        Path folder = Files.createDirectories(work.resolve("bars"));
        LocalDate spy = lastDay("yahoo:SPY");
        LocalDate btc = lastDay("binance:BTCUSDT");
        List<Long> update = new ArrayList<>();
        List<Long> full = new ArrayList<>();
        Map<String, List<Long>> updateParts = new LinkedHashMap<>();
        Map<String, List<Long>> fullParts = new LinkedHashMap<>();
        for (int d = 0; d < DAYS; d++) {
            spy = nextWeekday(spy);
            btc = btc.plusDays(1);
            long revision = revision(work);
            importBar(folder, "spy", spy, "yahoo:SPY", 600 + d);
            importBar(folder, "btc", btc, "binance:BTCUSDT", 78_000 + 100 * d);
            // No command while the desk works: each one starts a client JVM, which would take a core
            // from it. The desk makes its snapshot 1.5 s after the last bar; look after 4 s.
            Thread.sleep(4_000);
            await("the desk's snapshot after day " + d, 60, () -> revision(work) > revision);
            JsonNode snap = desk(work, "update");
            JsonNode again = desk(work, "recompute", "--recompute");
            if (d < WARM_UP) {
                continue;
            }
            update.add(snap.get("computeMicros").asLong());
            full.add(again.get("recomputeMicros").asLong());
            collect(snap.get("partMicros"), updateParts);
            collect(again.get("recomputePartMicros"), fullParts);
        }
        long u = median(update);
        long f = median(full);
        System.out.printf("BENCH desk update after a new daily bar (SPY and BTC): median %.1f ms of %s; the same"
                + " snapshot with nothing kept: median %.1f ms of %s; ratio of medians %.2f%n", u / 1e3, update,
                f / 1e3, full, (double) f / u);
        updateParts.forEach((part, us) -> System.out.printf("BENCH   %s: update median %.1f ms, nothing kept median"
                + " %.1f ms%n", part, median(us) / 1e3,
                fullParts.containsKey(part) ? median(fullParts.get(part)) / 1e3 : Double.NaN));
        assertThat(update).hasSize(DAYS - WARM_UP);
    }

    private static void collect(JsonNode parts, Map<String, List<Long>> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            into.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().asLong());
        }
    }

    private void importBar(Path folder, String name, LocalDate day, String series, double close) throws Exception {
        Files.writeString(folder.resolve(name + ".csv"), "time,open,high,low,close,volume\n" + day + "," + close + ","
                + (close * 1.01) + "," + (close * 0.99) + "," + close + ",1000\n");
        Launch.Outcome o = command(work, "import-" + name, folder, "import", name + ".csv", "--series", series);
        assertThat(o.code()).as(o.err()).isZero();
    }

    private LocalDate lastDay(String series) throws Exception {
        Launch.Outcome o = command(work, "show", null, "series", "show", series, "--from", "2026-01-01");
        assertThat(o.code()).as(o.err()).isZero();
        String last = o.out().lines().filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0)) && l.contains(","))
                .reduce((a, b) -> b).orElseThrow();
        return LocalDate.parse(last.substring(0, 10));
    }

    private static LocalDate nextWeekday(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (n.getDayOfWeek() == DayOfWeek.SATURDAY || n.getDayOfWeek() == DayOfWeek.SUNDAY) {
            n = n.plusDays(1);
        }
        return n;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
