package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.api.command.CommandRequest;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.support.testing.InMemoryEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenarios score}: the arithmetic on a hand-computed case, and the walk over the sample. */
class ScoreTest {

    private static InMemoryEngine sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        sample = InMemoryEngine.sample();
    }

    @Test
    void brierBaseRateAndSkillMatchAHandComputedCase() {
        // Horizon 1: day i's base rate counts the outcomes of days 0 .. i-1, Laplace-smoothed.
        // Day 0: base 1/2, 1/2.  Day 1 (A known): 2/3, 1/3.  Day 2 (A, B known): 2/4, 2/4.
        // A's Brier: ((.8-1)^2 + (.4-0)^2 + (.5-1)^2) / 3 = (.04 + .16 + .25) / 3 = .15
        // A's base:  ((.5-1)^2 + (2/3-0)^2 + (.5-1)^2) / 3 = (.25 + 4/9 + .25) / 3 = .314814...
        List<Score.ScenarioScore> s = Score.score(List.of("A", "B"),
                new double[][] {{0.8, 0.2}, {0.4, 0.6}, {0.5, 0.5}}, new int[] {0, 1, 0}, new int[] {0, 1, 2}, 1, 0);
        Score.ScenarioScore a = s.get(0);
        assertThat(a.brier()).isCloseTo(0.15, within(1e-12));
        assertThat(a.baseRateBrier()).isCloseTo((0.25 + 4.0 / 9 + 0.25) / 3, within(1e-12));
        assertThat(a.skill()).isCloseTo(1 - 0.15 / ((0.25 + 4.0 / 9 + 0.25) / 3), within(1e-12));
        assertThat(a.beatsBaseRate()).isTrue();
        assertThat(a.observedRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.meanOdds()).isCloseTo(1.7 / 3, within(1e-12));
        // Deciles: .4 said once (did not come), .5 once (came), .8 once (came).
        assertThat(a.reliability()).extracting(Score.Bucket::from).containsExactly(0.4, 0.5, 0.8);
        assertThat(a.reliability()).extracting(Score.Bucket::observed).containsExactly(0.0, 1.0, 1.0);
        // B mirrors A here: (.2-0)^2, (.6-1)^2, (.5-0)^2 and base (.5)^2, (1/3-1)^2, (.5)^2.
        assertThat(s.get(1).brier()).isCloseTo(0.15, within(1e-12));
        assertThat(s.get(1).baseRateBrier()).isCloseTo(a.baseRateBrier(), within(1e-12));
    }

    @Test
    void daysBeforeTheStartTeachTheBaseRateOnlyAndAnOutcomeIsKnownHorizonCalendarBarsLater() {
        // Bars 0, 1 and 3 have outcomes (bar 2 has none), horizon 2, scored from the second day.
        // Day 1 (bar 1): nothing known yet (0 + 2 > 1): base 1/2, 1/2.
        // Day 2 (bar 3): bars 0 and 1 are known (0 + 2 <= 3, 1 + 2 <= 3): A once, B once: base 2/4, 2/4.
        // A's Brier over days 1 and 2: ((.4-0)^2 + (.5-1)^2) / 2 = .205; base ((.5-0)^2 + (.5-1)^2) / 2 = .25.
        List<Score.ScenarioScore> s = Score.score(List.of("A", "B"),
                new double[][] {{0.8, 0.2}, {0.4, 0.6}, {0.5, 0.5}}, new int[] {0, 1, 0}, new int[] {0, 1, 3}, 2, 1);
        Score.ScenarioScore a = s.get(0);
        assertThat(a.days()).isEqualTo(2);
        assertThat(a.brier()).isCloseTo(0.205, within(1e-12));
        assertThat(a.baseRateBrier()).isCloseTo(0.25, within(1e-12));
        assertThat(a.observedRate()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aForecastNoBetterThanTheBaseRateIsSaidToBeSo() {
        // Always 50/50 while B came every day: the base rate learns B, the odds do not.
        double[][] odds = new double[40][];
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            odds[i] = new double[] {0.5, 0.5};
            labels[i] = 1;
        }
        List<Score.ScenarioScore> s = Score.score(List.of("A", "B"), odds, labels,
                java.util.stream.IntStream.range(0, 40).toArray(), 5, 0);
        assertThat(s.get(1).skill()).isNegative();
        assertThat(s.get(1).beatsBaseRate()).isFalse();
    }

    @Test
    void theSampleIsScoredDayByDayWithTheOddsTheOneDayReportGives() {
        ScenarioComponent c = ScenarioComponent.of(sample, sample, dir.resolve("none.json"), null);
        // the component reads each role by the default availability rules: so does this walk
        Analysis analysis = new Analysis(sample, c.current().pack(), role -> sample.get(role).isPresent(),
                io.tideline.scenario.api.CascadeParams.defaults(),
                io.tideline.support.series.Availability.defaults().byRole(sample::get));
        Score.Report r = Score.run(analysis, LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31));

        assertThat(r.days()).isGreaterThan(1_500);
        assertThat(r.from()).startsWith("2019-01");
        assertThat(r.coverage()).isBetween(0.0, 1.0);
        assertThat(r.scenarios()).extracting(Score.ScenarioScore::id).containsExactly("A", "B", "C");
        assertThat(r.scenarios().stream().mapToDouble(Score.ScenarioScore::observedRate).sum())
                .isCloseTo(1.0, within(1e-9));
        for (Score.ScenarioScore s : r.scenarios()) {
            assertThat(s.brier()).isBetween(0.0, 1.0);
            assertThat(s.reliability().stream().mapToInt(Score.Bucket::days).sum()).isEqualTo(r.days());
            assertThat(s.beatsBaseRate()).isEqualTo(s.skill() > 0);
        }

        // The walk's odds on a day are the one-day report's (no look-ahead either way): scored on that day
        // alone, a column's mean odds are its odds on the day, the pack's and the fitted ones (shown).
        ScenarioReport one = c.evaluate(LocalDate.of(2020, 3, 16), null);
        Score.Report day = Score.run(analysis, LocalDate.of(2020, 3, 16), LocalDate.of(2020, 3, 16));
        assertThat(day.days()).isEqualTo(1);
        List<ScenarioResult> said = one.scenarios();
        for (int s = 0; s < said.size(); s++) {
            assertThat(day.pack().get(s).meanOdds()).as(said.get(s).id())
                    .isCloseTo(said.get(s).packProbability(), within(1e-12));
            assertThat(day.scenarios().get(s).meanOdds()).as(said.get(s).id())
                    .isCloseTo(said.get(s).probability(), within(1e-12));
        }
    }

    @Test
    void theOutcomeIsThePacksRuleAndItsTailRateMatchesSpyCountedByHand() throws Exception {
        List<String[]> rows;
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(InMemoryEngine.DATA.resolve("yahoo/SPY.csv"))) {
            rows = lines.skip(1).map(l -> l.split(",")).toList();
        }
        for (double fall : new double[] {0.05, 0.10}) {
            // the pack says what B means; here with the default 5% and with 10%
            java.nio.file.Path file = dir.resolve("pack-" + fall + ".json");
            java.nio.file.Files.writeString(file, PackLoaderTest.defaultsText().replace(
                    "\"comparison\": \"<=\", \"threshold\": -0.05", "\"comparison\": \"<=\", \"threshold\": " + -fall));
            ScenarioComponent c = ScenarioComponent.of(sample, sample, file, null);
            Analysis analysis = new Analysis(sample, c.current().pack(), role -> sample.get(role).isPresent(),
                    io.tideline.scenario.api.CascadeParams.defaults());
            Score.Report r = Score.run(analysis, LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 31));
            // by hand: the days of 2019-2024 on which a close of the next 20 rows is `fall` or more below the day's
            int days = 0;
            int tail = 0;
            for (int i = 0; i + 20 < rows.size(); i++) {
                String day = rows.get(i)[0];
                if (day.compareTo("2019-01-01") < 0 || day.compareTo("2024-12-31") > 0) {
                    continue;
                }
                days++;
                double close = Double.parseDouble(rows.get(i)[1]);
                for (int j = i + 1; j <= i + 20; j++) {
                    if (Double.parseDouble(rows.get(j)[1]) <= close * (1 - fall)) {
                        tail++;
                        break;
                    }
                }
            }
            assertThat(r.days()).isEqualTo(days);
            Score.ScenarioScore b = r.scenarios().stream().filter(x -> x.id().equals("B")).findFirst().orElseThrow();
            assertThat(b.observedRate()).as("B with a %.0f%% fall", 100 * fall).isCloseTo((double) tail / days, within(1e-12));
            assertThat(r.outcome()).startsWith("over the next 20 trading days: B if the S&P 500 closes");
        }
    }

    @Test
    void aPackThatStatesNoOutcomeIsNotScoredAndSaysWhy() throws Exception {
        String d = PackLoaderTest.defaultsText();
        java.nio.file.Path file = dir.resolve("no-outcome.json");
        java.nio.file.Files.writeString(file, d.substring(0, d.indexOf("  \"outcome\": {"))
                + d.substring(d.indexOf("  \"analogues\": {")));
        ScenarioComponent c = ScenarioComponent.of(sample, sample, file, null);
        assertThat(c.current().pack().outcome()).isNull();
        Analysis analysis = new Analysis(sample, c.current().pack(), role -> sample.get(role).isPresent(),
                io.tideline.scenario.api.CascadeParams.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Score.run(analysis, LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 12, 31))).hasMessageContaining("states no outcome");
    }

    @Test
    void theMeasuresOfAnOutcomeTestOverAPath() {
        double[] path = {100, 97, 104, 94, 101};
        assertThat(Outcomes.measure("return", path)).isCloseTo(0.01, within(1e-12));
        assertThat(Outcomes.measure("lowest-return", path)).isCloseTo(-0.06, within(1e-12));
        assertThat(Outcomes.measure("highest-return", path)).isCloseTo(0.04, within(1e-12));
        assertThat(Outcomes.measure("change", new double[] {4.25, 4.30, 4.12})).isCloseTo(-0.13, within(1e-12));
        assertThat(Outcomes.measure("lowest-return", new double[] {100, 97, Double.NaN, 99})).isNaN();
        assertThat(Outcomes.measure("return", new double[] {0, 1})).isNaN();
    }

    @Test
    void theCommandPrintsTheTableAndTheJsonKeys() {
        ScenarioComponent c = ScenarioComponent.of(sample, sample, dir.resolve("none.json"), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ScenariosCommand(c).run(new CommandRequest(List.of("score", "--from", "2022-01-01", "--to", "2022-12-31", "--json"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"scenarios\":[{\"id\":\"A\"", "\"pack\":[{\"id\":\"A\"", "\"brier\":",
                "\"baseRateBrier\":", "\"skill\":", "\"reliability\":[", "\"coverage\":", "\"days\":");

        out.reset();
        code = new ScenariosCommand(c).run(new CommandRequest(List.of("score", "--from", "2022-12-31", "--to", "2022-01-01"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--to 2022-01-01 is before --from 2022-12-31");
    }
}
