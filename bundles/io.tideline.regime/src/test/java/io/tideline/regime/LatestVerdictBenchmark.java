package io.tideline.regime;

import io.tideline.support.series.Availability;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.regime.api.Verdict;
import io.tideline.support.testing.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One new daily bar → the latest verdict, on the sample at its date (2026-02-06), in one run:
 * today's full recompute (the graph evaluated, every day walked from the equity index's first
 * day) beside the incremental path (the graph evaluated, the walk of the day before carried on by
 * one day), and the part of the incremental path that does not depend on the new days (the same
 * call with no new day: graph, readings, prefix check). Median of {@value #RUNS} runs after
 * {@value #WARMUP} warm-up runs each; the engine is the tests' in-memory engine over the real
 * indicator classes. Then the checklist view's year-long timeline after that bar, read from the
 * kept walk beside a full replay, and the view's refresh after the bar (latest verdict, then its
 * timeline) beside the same with the timeline replayed in full. Not part of the default test run
 * (tag {@code benchmark}); it asserts that the paths give the same verdicts, never a time. Writes
 * {@code target/benchmark-latest-verdict.txt}.
 * Run with {@code mvn -B -o test -pl bundles/io.tideline.regime -Pbenchmarks}.
 */
@Tag("benchmark")
class LatestVerdictBenchmark {

    private static final int WARMUP = 10;
    private static final int RUNS = 30;
    private static final LocalDate DAY = LocalDate.parse("2026-02-06");
    /** The checklist view's timeline: a year of days ending on the latest verdict's day. */
    private static final int TIMELINE_DAYS = 365;

    @Test
    void one_new_daily_bar_incremental_beside_a_full_recompute() throws IOException {
        InMemoryEngine engine = InMemoryEngine.sample();
        Checks checks = TestChecks.sample(engine);
        long now = checks.decision(DAY);
        Checks.Walk before = checks.latest(checks.decision(DAY.minusDays(1)), null);
        Checks.Walk today = checks.latest(now, before);
        assertThat(today.full()).as("the day before's walk is carried on").isFalse();
        assertThat(today.walked()).isEqualTo(1);
        Verdict full = checks.latest(now);
        assertThat(today.verdict()).isEqualTo(full);
        int allDays = checks.latest(now, null).walked();

        double fullMs = median(() -> checks.latest(now));
        double incrementalMs = median(() -> checks.latest(now, before));
        double fixedMs = median(() -> checks.latest(now, today));

        // A burst as the component sees it: a dozen announcements, then three callers (its own
        // recheck, the desk's verdict, the desk's alert check); before, each caller recomputed.
        LatestVerdict.Key key = new LatestVerdict.Key(checks.rules(), Availability.defaults(), java.util.Map.of());
        long nextDay = DAY.toEpochDay() * Availability.DAY;
        double burstMs = medianOf(() -> {
            LatestVerdict latest = new LatestVerdict();
            latest.latest(key, () -> checks, "before", checks.decision(DAY.minusDays(1)));
            long t0 = System.nanoTime();
            for (int k = 0; k < 12; k++) {
                latest.appended(nextDay);
            }
            for (int k = 0; k < 3; k++) {
                latest.latest(key, () -> checks, "after", now);
            }
            return System.nanoTime() - t0;
        });
        double oldBurstMs = 3 * fullMs;

        // The checklist view's year-long timeline after the new bar: replay(end - 364, end) with end
        // the latest verdict's day, read from the kept walk beside today's full replay.
        LocalDate end = today.last();
        LocalDate from = end.minusDays(TIMELINE_DAYS - 1L);
        LatestVerdict kept = new LatestVerdict();
        kept.latest(key, () -> checks, "before", checks.decision(DAY.minusDays(1)));
        kept.latest(key, () -> checks, "after", now);
        List<Verdict> fullTimeline = checks.replay(from, end);
        assertThat(kept.replay(key, () -> checks, "after", now, from, end).verdicts()).isEqualTo(fullTimeline);
        assertThat(kept.keptReplays()).as("the timeline is read from the kept walk").isEqualTo(1);
        double keptTimelineMs = median(() -> kept.replay(key, () -> checks, "after", now, from, end));
        double fullTimelineMs = median(() -> checks.replay(from, end));
        // What the view costs after the bar: the latest verdict, then its timeline.
        double viewMs = medianOf(() -> {
            LatestVerdict latest = new LatestVerdict();
            latest.latest(key, () -> checks, "before", checks.decision(DAY.minusDays(1)));
            long t0 = System.nanoTime();
            latest.appended(nextDay);
            latest.latest(key, () -> checks, "after", now);
            latest.replay(key, () -> checks, "after", now, from, end);
            return System.nanoTime() - t0;
        });
        double oldViewMs = incrementalMs + fullTimelineMs;

        String report = String.format(Locale.ROOT, """
                latest verdict on %s after one new daily bar (sample, in-memory engine, median of %d runs)
                full recompute:            %8.2f ms (%d days judged)
                incremental (one new day): %8.2f ms (1 day judged)
                  of which graph, readings and prefix check (no new day): %8.2f ms
                ratio full / incremental:  %8.1f x
                a burst (12 announcements, 3 callers): %8.2f ms, before 3 full recomputes %8.2f ms
                365-day timeline %s..%s after the new bar:
                  full replay:             %8.2f ms (%d days judged)
                  kept (read from the walk): %8.4f ms (0 days judged)
                  ratio full / kept:       %8.0f x
                the view after the new bar (latest verdict, then its timeline): %8.2f ms,
                  with the timeline replayed in full (incremental + full replay): %8.2f ms
                """, DAY, RUNS, fullMs, allDays, incrementalMs, fixedMs, fullMs / incrementalMs, burstMs, oldBurstMs,
                from, end, fullTimelineMs, end.toEpochDay() - today.anchor().toEpochDay() + 1, keptTimelineMs,
                fullTimelineMs / keptTimelineMs, viewMs, oldViewMs);
        System.out.print(report);
        Files.writeString(Path.of("target/benchmark-latest-verdict.txt"), report);
    }

    private static double median(Supplier<?> call) {
        return medianOf(() -> {
            long t0 = System.nanoTime();
            call.get();
            return System.nanoTime() - t0;
        });
    }

    /** The median of what {@code timed} returns (nanoseconds it measured itself), in ms. */
    private static double medianOf(java.util.function.LongSupplier timed) {
        for (int i = 0; i < WARMUP; i++) {
            timed.getAsLong();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            ms[i] = timed.getAsLong() / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
