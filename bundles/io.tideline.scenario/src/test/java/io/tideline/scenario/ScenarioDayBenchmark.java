package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.scenario.api.ScenarioReport;
import io.tideline.support.testing.InMemoryEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One new daily bar → the scenario report of that day, on the sample at its date (2026-02-06): the
 * whole report (the indicator graph over all history, the conditions, the odds fitted on every
 * earlier day with an outcome, what to watch, the analogue library) beside the same report with
 * the pack's own odds only (the pack without its outcome: no fit), and beside the latest checklist
 * verdict's full recompute measured the same way in the regime bundle. Median of {@value #RUNS}
 * runs after {@value #WARMUP} warm-up runs; the in-memory engine over the real indicator classes.
 * Not part of the default test run (tag {@code benchmark}); asserts nothing about time. Writes
 * {@code target/benchmark-scenario-day.txt}. Run with
 * {@code mvn -B -o test -pl bundles/io.tideline.scenario -Pbenchmarks}.
 */
@Tag("benchmark")
class ScenarioDayBenchmark {

    private static final int WARMUP = 10;
    private static final int RUNS = 30;
    private static final LocalDate DAY = LocalDate.parse("2026-02-06");

    @TempDir
    Path dir;

    @Test
    void the_report_of_one_day_with_and_without_fitting() throws Exception {
        InMemoryEngine sample = InMemoryEngine.sample();
        ScenarioComponent fitted = ScenarioComponent.of(sample, sample, dir.resolve("none.json"), null);
        String d = PackLoaderTest.defaultsText();
        Path noOutcome = dir.resolve("no-outcome.json");
        Files.writeString(noOutcome, d.substring(0, d.indexOf("  \"outcome\": {")) + d.substring(d.indexOf("  \"analogues\": {")));
        ScenarioComponent packOnly = ScenarioComponent.of(sample, sample, noOutcome, null);
        ScenarioReport a = fitted.evaluate(DAY, null);
        ScenarioReport b = packOnly.evaluate(DAY, null);
        assertThat(a.oddsBasis()).startsWith("fitted on");
        assertThat(b.oddsBasis()).startsWith("the pack's likelihood ratios");
        assertThat(a.scenarios().get(0).packProbability()).isEqualTo(b.scenarios().get(0).probability());

        double fittedMs = median(() -> fitted.evaluateAfresh(DAY, null));
        double packMs = median(() -> packOnly.evaluateAfresh(DAY, null));
        String report = String.format(Locale.ROOT, """
                scenario report for %s (sample, in-memory engine, median of %d runs)
                with odds fitted on history (shown):  %8.2f ms
                with the pack's own odds only:         %8.2f ms
                ratio fitted / pack-only:              %8.2f x
                """, DAY, RUNS, fittedMs, packMs, fittedMs / packMs);
        System.out.print(report);
        Files.writeString(Path.of("target/benchmark-scenario-day.txt"), report);
    }

    private static double median(Supplier<Object> run) {
        for (int i = 0; i < WARMUP; i++) {
            run.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
