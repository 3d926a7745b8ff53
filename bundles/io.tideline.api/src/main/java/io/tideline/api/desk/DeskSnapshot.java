package io.tideline.api.desk;

import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.ScenarioReport;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the desk knows of the newest data at one moment, immutable: what views render without
 * computing. A part the desk could not make is {@code null} and its reason is in {@link #problems}
 * (a service not running, an unbound role, a failure), so a missing input never looks like a calm
 * one.
 *
 * @param revision increases with every snapshot published; 0 before the first
 * @param computedMillis when it was made, epoch ms UTC (0 before the first)
 * @param computeNanos the computation that made it, in nanoseconds of the desk's own thread
 * @param verdict the latest checklist verdict, or null
 * @param timeline one verdict per day for the {@link Desk#TIMELINE_DAYS} days ending at the
 *        verdict's day, or empty
 * @param scenarios the scenario report of the verdict's day (no portfolio), or null
 * @param scenariosDayBefore the scenario report of the calendar day before, or null
 * @param board the correlation matrix of {@link Desk#BOARD_ROLES} over {@link Desk#BOARD_WINDOW}
 *        bars as of the verdict's day, or null
 * @param pair the rolling correlation of {@link Desk#BOARD_PAIR} over the board window for
 *        {@link Desk#TIMELINE_DAYS} days, or null
 * @param readings the live indicator readings, in the desk's order
 * @param problems what could not be made and why, in plain words; empty when all is there
 * @param partMicros what each part cost, in microseconds, by part ({@code verdict}, {@code timeline},
 *        {@code scenarios}, {@code dayBefore}, {@code board}, {@code pair}, {@code live}), in that order
 */
public record DeskSnapshot(long revision, long computedMillis, long computeNanos, Verdict verdict,
        List<Verdict> timeline, ScenarioReport scenarios, ScenarioReport scenariosDayBefore,
        CorrelationMatrix board, Curve pair, List<LiveReading> readings, List<String> problems,
        Map<String, Long> partMicros) {

    /** Copies the lists and the map (keeping its order). */
    public DeskSnapshot {
        timeline = List.copyOf(timeline);
        readings = List.copyOf(readings);
        problems = List.copyOf(problems);
        partMicros = Collections.unmodifiableMap(new LinkedHashMap<>(partMicros));
    }

    /** The snapshot before the desk made any: revision 0, holding nothing. */
    public static DeskSnapshot none() {
        return new DeskSnapshot(0, 0, 0, null, List.of(), null, null, null, null, List.of(),
                List.of("the desk has not computed anything yet"), Map.of());
    }

    /** The day it is of (the verdict's), or null when it holds no verdict. */
    public LocalDate day() {
        return verdict == null ? null : verdict.day();
    }
}
