package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.support.testing.InMemoryEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.ConditionResult;
import io.tideline.scenario.api.ConditionState;
import io.tideline.scenario.api.Portfolio;
import io.tideline.scenario.api.Position;
import io.tideline.scenario.api.PositionPnl;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service and the command over the sample data (product/src/dist/data/sample in the repository), with the real indicators. */
class ScenarioComponentTest {

    private static InMemoryEngine sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        sample = InMemoryEngine.sample();
    }

    private ScenarioComponent component() {
        return ScenarioComponent.of(sample, sample, dir.resolve("workspace/scenarios.json"), dir.resolve("deploy"));
    }

    private record Out(int code, String out, String err) {
    }

    private static Out run(Command c, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            code = c.run(new CommandRequest(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static double sum(ScenarioReport r) {
        return r.scenarios().stream().mapToDouble(ScenarioResult::probability).sum();
    }

    @Test
    void theCovidShockTiltsTheOddsToTheTighteningScenarioAndTheFallUnderWayIsNoAnalogueOfItself() {
        ScenarioReport r = component().evaluate(LocalDate.of(2020, 3, 20), null);
        assertThat(r.asOf()).isEqualTo("2020-03-20");
        assertThat(sum(r)).isCloseTo(1.0, within(1e-12));
        // the pack's own ratios put B (tightening) far above A; fitted on the 1,543 days before, the same
        // evidence says the next 20 days are more often not a further 5% fall: the odds shown are the fitted ones
        ScenarioResult b = r.scenario("B").orElseThrow();
        assertThat(b.packProbability()).isGreaterThan(0.9).isGreaterThan(r.scenario("A").orElseThrow().packProbability());
        // FRED's 10Y of a day is known the next business day: the first day (2014-01-02) has no 10Y known
        // by its end, and the outcome of 2020-02-21 needs the 10Y of 2020-03-20, not known yet on that day
        assertThat(r.oddsBasis()).startsWith("fitted on 1,543 past days with an outcome (2014-01-03 to 2020-02-20;");
        for (ScenarioResult s : r.scenarios()) {
            assertThat(s.probability()).isBetween(FittedOdds.FLOOR, 1 - 2 * FittedOdds.FLOOR);
            assertThat(s.prior()).isBetween(FittedOdds.FLOOR, 1 - 2 * FittedOdds.FLOOR);
        }
        assertThat(r.scenarios().stream().mapToDouble(ScenarioResult::prior).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(r.expectedPnl()).isNull();
        // every watch item's flipped odds also sum to 1, and the list is sorted nearest first
        r.watch().forEach(w -> assertThat(w.ifFlipped().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-12)));
        for (int i = 1; i < r.watch().size(); i++) {
            assertThat(r.watch().get(i).distance()).isGreaterThanOrEqualTo(r.watch().get(i - 1).distance());
        }
        // the analogues are past falls found in the data, the nearest 8, nearest first; the crash under way
        // (and anything within the pack's 60 excluded days) is the present, not an analogue
        assertThat(r.analogues()).hasSize(8);
        for (int i = 1; i < r.analogues().size(); i++) {
            assertThat(r.analogues().get(i).distance()).isGreaterThanOrEqualTo(r.analogues().get(i - 1).distance());
        }
        assertThat(r.analogues()).allSatisfy(a -> {
            assertThat(LocalDate.parse(a.date())).isBefore(LocalDate.of(2020, 1, 20));
            assertThat(a.next()).containsKey("spx"); // what followed is known for every analogue
        });
    }

    @Test
    void theAnalogueLibraryFindsTheCovidFallInTheDataWithWhatFollowedReadFromTheFile() throws Exception {
        // every episode reported, so the COVID fall is there whatever its distance
        Path workspace = Files.createDirectories(dir.resolve("workspace")).resolve("scenarios.json");
        Files.writeString(workspace, PackLoaderTest.defaultsText().replace("\"show\": 8", "\"show\": 100"));
        ScenarioReport r = component().evaluate(LocalDate.of(2021, 1, 15), null);
        assertThat(r.warnings()).isEmpty();
        // the first close at least 7% below the highest of the last 60 closes, from SPY.csv by hand
        List<String[]> rows;
        try (Stream<String> lines = Files.lines(InMemoryEngine.DATA.resolve("yahoo/SPY.csv"))) {
            rows = lines.skip(1).map(l -> l.split(",")).toList();
        }
        int first = -1;
        for (int i = 59; i < rows.size() && first < 0; i++) {
            double high = 0;
            for (int k = i - 59; k <= i; k++) {
                high = Math.max(high, Double.parseDouble(rows.get(k)[1]));
            }
            if (rows.get(i)[0].startsWith("2020-") && Double.parseDouble(rows.get(i)[1]) / high - 1 <= -0.07) {
                first = i;
            }
        }
        String day = rows.get(first)[0];
        var covid = r.analogues().stream().filter(a -> a.date().equals(day)).findFirst().orElseThrow();
        assertThat(covid.episode()).startsWith("spx -7% from its 60-bar high; deepest -3").contains("(COVID crash)");
        // what followed: SPY's return over the next 20 trading days
        assertThat(covid.next().get("spx")).isCloseTo(
                Double.parseDouble(rows.get(first + 20)[1]) / Double.parseDouble(rows.get(first)[1]) - 1, within(1e-12));
        // nothing after the day, and the same library as of a later day still has it with the same day
        assertThat(r.analogues()).allSatisfy(a -> assertThat(LocalDate.parse(a.date())).isBefore(LocalDate.of(2020, 11, 16)));
        assertThat(component().evaluate(LocalDate.of(2022, 6, 30), null).analogues()).extracting(a -> a.date())
                .contains(day);
    }

    @Test
    void anUnboundRoleMakesItsConditionsUnknownWithoutMovingTheOdds() {
        ScenarioComponent c = ScenarioComponent.of(sample.without("hy.spread"), sample.without("hy.spread"),
                dir.resolve("none.json"), null);
        ScenarioReport r = c.evaluate(LocalDate.of(2020, 3, 20), null);
        ConditionResult credit = r.scenario("B").orElseThrow().conditions().stream()
                .filter(k -> k.id().equals("credit.widening")).findFirst().orElseThrow();
        assertThat(credit.state()).isEqualTo(ConditionState.UNKNOWN);
        assertThat(credit.value()).isNull();
        assertThat(credit.factor()).isEqualTo(1.0);
        assertThat(credit.reason()).isEqualTo("role hy.spread is not bound");
        assertThat(sum(r)).isCloseTo(1.0, within(1e-12));
        // with it bound and MET (135 bp on 2020-03-20 is far above 50), B's odds are 2.5x / 0.6x / 0.7x of these
        ScenarioReport full = component().evaluate(LocalDate.of(2020, 3, 20), null);
        assertThat(full.conditions().stream().filter(k -> k.id().equals("credit.widening")).findFirst().orElseThrow()
                .state()).isEqualTo(ConditionState.MET);
        double oddsBA = r.scenario("B").get().packProbability() / r.scenario("A").get().packProbability();
        double fullBA = full.scenario("B").get().packProbability() / full.scenario("A").get().packProbability();
        assertThat(fullBA / oddsBA).isCloseTo(2.5 / 0.6, within(1e-9));
        // fitted, an unknown condition counts for nothing either: the shown odds differ only through its vote
        assertThat(sum(r)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void thePortfolioPnlEqualsTheHandComputedNumbers() throws Exception {
        double btc = binanceClose("2025-04-08");
        Portfolio book = Portfolio.of(Position.ofQuantity("btc", 2).withLeverage(3), Position.ofNotional("spx", 100_000),
                Position.ofQuantity("btc", 1).withLeverage(25));
        ScenarioReport r = component().evaluate(LocalDate.of(2025, 4, 8), book);
        double bMove = -Cascade.run(CascadeParams.defaults().withShock(0.03)).amplifiedMove();
        assertThat(bMove).isLessThan(-1 / 25.0); // the cascade takes B's 3% past the 25x position's 4% margin
        double[] expectedPnl = {
            2 * btc * 0.05 + 100_000 * 0.03 + btc * 0.05,
            2 * btc * bMove + 100_000 * -0.08 - btc / 25, // the 25x position loses its whole margin in B
            2 * btc * 0.18 + 100_000 * 0.07 + btc * 0.18};
        double expected = 0;
        double worst = Double.POSITIVE_INFINITY;
        for (int s = 0; s < 3; s++) {
            ScenarioResult sc = r.scenarios().get(s);
            assertThat(sc.pnl()).as(sc.id()).isCloseTo(expectedPnl[s], within(1e-6));
            expected += sc.probability() * expectedPnl[s];
            worst = Math.min(worst, expectedPnl[s]);
        }
        PositionPnl degen = r.scenario("B").get().positions().get(2);
        assertThat(degen.liquidated()).isTrue();
        assertThat(r.scenario("B").get().shocks().get("btc")).isEqualTo(bMove);
        assertThat(r.expectedPnl()).isCloseTo(expected, within(1e-6));
        assertThat(r.worstCase()).isEqualTo(worst);
        assertThat(r.worstScenario()).isEqualTo("B");
    }

    @Test
    void theJsonDocumentHasTheDocumentedShape() throws Exception {
        Path book = Files.writeString(dir.resolve("book.csv"), "role,quantity,notional,leverage\nbtc,2,,3\nspx,,100000,\n");
        Out o = run(new ScenariosCommand(component()), "--as-of", "2025-04-08", "--portfolio", book.toString(), "--json");
        assertThat(o.code).as(o.err).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(o.out);
        assertThat(doc.get("asOf").asText()).isEqualTo("2025-04-08");
        assertThat(List.of("asOf", "scenarios", "expectedPnl", "worstCase", "watch", "analogues"))
                .allMatch(doc::has);
        double total = 0;
        for (JsonNode s : doc.get("scenarios")) {
            assertThat(List.of("id", "name", "probability", "conditions", "shocks", "pnl")).allMatch(s::has);
            total += s.get("probability").asDouble();
            for (JsonNode c : s.get("conditions")) {
                assertThat(List.of("id", "state", "value", "threshold")).allMatch(c::has);
                assertThat(c.get("state").asText()).isIn("MET", "NOT_MET", "UNKNOWN");
            }
            double pnl = 0;
            for (JsonNode p : s.get("positions")) {
                pnl += p.get("exposure").asDouble() * s.get("shocks").get(p.get("role").asText()).asDouble();
            }
            assertThat(s.get("pnl").asDouble()).isCloseTo(pnl, within(1e-6));
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
        JsonNode a = doc.get("analogues").get(0);
        assertThat(a.has("episode") && a.has("distance")).isTrue();
        assertThat(doc.get("watch").get(0).has("conditionId")).isTrue();

        Out text = run(new ScenariosCommand(component()), "--as-of", "2025-04-08", "--portfolio", book.toString());
        assertThat(text.out).contains("Scenarios as of 2025-04-08").contains("Watch").contains("probability-weighted P&L")
                .contains("Historical analogues");
    }

    @Test
    void badArgumentsAndABadPortfolioAreReported() throws IOException {
        assertThat(run(new ScenariosCommand(component()), "--as-of", "2025-13-01").code).isEqualTo(Command.USAGE);
        assertThat(run(new ScenariosCommand(component()), "--frobnicate").err).contains("unknown argument --frobnicate").contains("usage:");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "role,quantity\nbtc,two\n");
        Out o = run(new ScenariosCommand(component()), "--portfolio", bad.toString());
        assertThat(o.code).isEqualTo(Command.USAGE);
        assertThat(o.err).contains("bad.csv:2: quantity: expected a number, got 'two'");
        assertThat(o.out).isEmpty();
    }

    /** One refused portfolio: exit 2, one line naming file:line and field, nothing printed on standard output. */
    private Out refusedPortfolio(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Out o = run(new ScenariosCommand(component()), "--portfolio", file.toString());
        assertThat(o.code).as(o.err).isEqualTo(Command.USAGE);
        assertThat(o.out).isEmpty();
        assertThat(o.err.strip().lines()).singleElement().asString().startsWith("scenarios: " + file + ":");
        return o;
    }

    @Test
    void aPortfolioRoleNoScenarioMovesIsRefusedWithTheRolesThatAreMoved() throws IOException {
        Out o = refusedPortfolio("doge.csv", "role,notional\nbtc,1000\ndoge,5000\n");
        assertThat(o.err).contains("doge.csv:3: role: expected a role the scenarios move (spx, ndx, software, gold,"
                + " dollar, btc, eth), got 'doge', whose P&L would be 0 in every scenario");
        Out json = refusedPortfolio("doge.json", "{\"positions\": [\n {\"role\": \"btc\", \"notional\": 1},\n"
                + " {\"role\": \"doge\", \"notional\": 1}\n]}\n");
        assertThat(json.err).contains("doge.json:3: $.positions[1].role: expected a role the scenarios move");
        Out twice = refusedPortfolio("twice.json", "{\"positions\": [\n {\"role\": \"btc\", \"notional\": 1},\n"
                + " {\"role\": \"btc\", \"quantity\": 1}\n]}\n");
        assertThat(twice.err).contains("twice.json:3: $.positions[1].role: 'btc' is given twice (lines 2 and 3)");
    }

    @Test
    void aRoleGivenTwiceIsRefusedWithBothLines() throws IOException {
        Out o = refusedPortfolio("twice.csv", "role,quantity,notional\nbtc,1,\nspx,,100\nbtc,,500\n");
        assertThat(o.err).contains("twice.csv:4: role: 'btc' is given twice (lines 2 and 4); expected one position"
                + " per role");
    }

    @Test
    void aNotionalBeyondTenTrillionIsRefused() throws IOException {
        Out o = refusedPortfolio("huge.csv", "role,notional\nbtc,1e300\n");
        assertThat(o.err).contains("huge.csv:2: notional: expected a size of at most 1e13 either way (10 trillion),"
                + " got 1.0E300");
        Out q = refusedPortfolio("short.json", "{\"positions\": [{\"role\": \"spx\", \"quantity\": -2e13}]}");
        assertThat(q.err).contains("short.json:1: $.positions[0].quantity: expected a size of at most 1e13");
        Out nan = refusedPortfolio("nan.csv", "role,notional\nbtc,NaN\n");
        assertThat(nan.err).contains("nan.csv:2: notional: expected a number, got 'NaN'");
    }

    @Test
    void onTheSamplesLatestDayTheThinEvidenceIsSaidAndPullsTheOddsTowardThePrior() throws Exception {
        ScenarioReport r = component().evaluate(null, null);
        assertThat(r.gaps()).isNotEmpty();
        // every gap is warned of, and so is the funding the cascade could not read (once for BTC and ETH)
        assertThat(r.warnings()).hasSize(r.gaps().size() + 1).contains("the cascade reads no funding from btc.funding"
                + " (stale since 2026-02-12): neutral funding stands in");
        for (io.tideline.scenario.api.EvidenceGap g : r.gaps()) {
            assertThat(3 * g.unknown()).isGreaterThan(g.conditions());
            assertThat(g.weight()).isCloseTo((g.conditions() - g.unknown()) / (double) g.conditions(), within(1e-12));
            assertThat(r.warnings()).contains(g.message());
            assertThat(g.message()).startsWith(g.scenario() + ": " + g.unknown() + " of " + g.conditions()
                    + " conditions unknown (").contains("stale since ").endsWith("odds pulled toward the prior"
                    + " (evidence counted at " + Math.round(100 * g.weight()) + "%)");
        }
        long unknown = r.conditions().stream().filter(c -> c.state() == ConditionState.UNKNOWN).count();
        assertThat(unknown).isEqualTo(7);
        Out text = run(new ScenariosCommand(component()), "--latest");
        assertThat(text.code).isZero();
        assertThat(text.out).contains("  ! " + r.gaps().get(0).message());
        assertThat(text.err).as("said once, in the report").doesNotContain(r.gaps().get(0).message());
        Out json = run(new ScenariosCommand(component()), "--latest", "--json");
        assertThat(json.err).contains("scenarios: " + r.gaps().get(0).message());
        JsonNode doc = JsonMapper.builder().build().readTree(json.out);
        assertThat(doc.get("warnings").get(0).asText()).isEqualTo(r.gaps().get(0).message());
        assertThat(doc.get("gaps").get(0).get("scenario").asText()).isEqualTo(r.gaps().get(0).scenario());
    }

    @Test
    void aScenarioWhoseFitHasNotBeatenItsBaseRateSaysItsOddsAreTheBaseRate() throws Exception {
        // In 2024 the fitted C has lost to its base rate on the past days (weight 0), A has not.
        ScenarioReport r = component().evaluate(LocalDate.of(2024, 6, 3), null);
        String weights = r.oddsBasis().substring(r.oddsBasis().indexOf("by its past forecasts: "));
        for (ScenarioResult s : r.scenarios()) {
            assertThat(s.fitWeight()).as(s.id()).isNotNull();
            assertThat(weights).contains(s.id() + " " + Math.round(100 * s.fitWeight()) + "%");
            assertThat(s.onBaseRate()).isEqualTo(s.fitWeight() == 0);
        }
        assertThat(r.scenario("C").orElseThrow().onBaseRate()).isTrue();
        assertThat(r.scenario("A").orElseThrow().onBaseRate()).isFalse();
        Out text = run(new ScenariosCommand(component()), "--as-of", "2024-06-03");
        assertThat(text.out).contains("  ! C: odds are the base rate; the conditions have not beaten it in past"
                + " forecasts (weight of the fit 0%), so today's readings do not move them")
                .doesNotContain("A: odds are the base rate");
        JsonNode doc = JsonMapper.builder().build().readTree(run(new ScenariosCommand(component()), "--as-of",
                "2024-06-03", "--json").out);
        assertThat(doc.get("scenarios").get(2).get("fitWeight").asDouble()).isZero();
        assertThat(doc.get("scenarios").get(0).get("fitWeight").asDouble()).isPositive();
    }

    /** One refused cascade: exit 2, the first line names the option, the value and what was expected; nothing run. */
    private String refusedCascade(String... args) {
        Out o = run(new CascadeCommand(component()), args);
        assertThat(o.code).as(o.err).isEqualTo(Command.USAGE);
        assertThat(o.out).isEmpty();
        String first = o.err.lines().findFirst().orElseThrow();
        assertThat(first).startsWith("cascade: ");
        return first;
    }

    @Test
    void aSignedShockIsRefusedSayingThatAShockIsAFallWithoutASign() {
        assertThat(refusedCascade("--shock", "-3")).isEqualTo("cascade: --shock '-3': expected the fall in percent"
                + " without a sign, in (0, 90], e.g. --shock 3 for a 3% fall (a shock is always a fall; give no sign)");
        assertThat(refusedCascade("--shock", "+3")).contains("--shock '+3': expected the fall in percent without a sign");
        assertThat(refusedCascade("--shock", "0")).contains("--shock '0': expected the fall in percent without a sign,"
                + " in (0, 90]");
        assertThat(refusedCascade("--shock", "95%")).contains("--shock '95%': expected");
        assertThat(run(new CascadeCommand(component()), "--shock", "3%").code).isZero();
    }

    @Test
    void aMarginAtOrAboveTheMostLeveragedBucketsOneOverLeverageIsRefused() {
        // the most leveraged default bucket is 100x: above a 1% margin it would be liquidated before any fall
        assertThat(refusedCascade("--shock", "3", "--margin", "10")).isEqualTo("cascade: --margin '10': expected a"
                + " maintenance margin in percent in [0, 1.00), below 1/leverage of the most leveraged bucket (100x);"
                + " at or above it that bucket is liquidated before any fall");
        assertThat(refusedCascade("--shock", "3", "--margin", "1")).contains("--margin '1'");
        assertThat(refusedCascade("--shock", "3", "--margin", "-0.5")).contains("--margin '-0.5'");
        assertThat(run(new CascadeCommand(component()), "--shock", "3", "--margin", "0.9").code).isZero();
    }

    @Test
    void anOpenInterestOrDepthBeyondTenTrillionAndNonNumbersAreRefused() {
        assertThat(refusedCascade("--oi", "1e300", "--shock", "3")).isEqualTo("cascade: --oi '1e300': expected a"
                + " positive amount of USD of at most 1e13 (10 trillion), e.g. 30e9 or 30bn");
        assertThat(refusedCascade("--shock", "3", "--depth", "2e13")).contains("--depth '2e13': expected a positive"
                + " amount of USD of at most 1e13");
        assertThat(refusedCascade("--oi", "-30bn", "--shock", "3")).contains("--oi '-30bn': expected a positive amount");
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "0x1p3"}) {
            assertThat(refusedCascade("--oi", bad, "--shock", "3")).isEqualTo("cascade: --oi '" + bad + "' is not a"
                    + " number (expected a finite decimal number such as 3 or 1.5e9)");
            assertThat(refusedCascade("--shock", bad)).contains("--shock '" + bad + "'");
        }
        assertThat(refusedCascade("--shock", "3", "--leverage", "NaN")).contains("--leverage 'NaN' is not a number");
        assertThat(refusedCascade("--shock", "3", "--leverage", "5000")).contains("--leverage '5000': expected a mean"
                + " leverage in [1, 1000]");
        assertThat(refusedCascade("--shock", "3", "--dispersion", "1")).contains("--dispersion '1': expected a"
                + " dispersion in [0, 1)");
        assertThat(refusedCascade("--shock", "3", "--refill", "1")).isEqualTo("cascade: --refill '1': expected a share"
                + " of the consumed depth in [0, 1), e.g. 0.3");
        assertThat(refusedCascade("--shock", "3", "--funding", "5000")).isEqualTo("cascade: --funding '5000': expected"
                + " an annualised funding rate in percent in [-1000, 1000], e.g. 52 for 52% a year");
        assertThat(refusedCascade("--shock", "3", "--funding", "Infinity")).contains("--funding 'Infinity' is not a"
                + " number");
        assertThat(refusedCascade("--shock", "3", "--oi-ratio", "0")).isEqualTo("cascade: --oi-ratio '0': expected the"
                + " open interest over its 90-day mean, in (0, 100], e.g. 1.25");
        assertThat(refusedCascade("--shock", "3", "--oi-ratio", "NaN")).contains("--oi-ratio 'NaN' is not a number");
        String longValue = "9".repeat(500);
        assertThat(refusedCascade("--oi", longValue, "--shock", "3")).contains("… (500 characters)").hasSizeLessThan(300);
        assertThat(run(new CascadeCommand(component()), "--oi", "1e13", "--shock", "3").code).isZero();
    }

    @Test
    void aPackFileOverridesTheDefaultAndABrokenOneLeavesThePreviousInForce() throws Exception {
        ScenarioComponent c = component();
        String defaults = PackLoaderTest.defaultsText();
        // a pack's priors show in the odds its own ratios give (the shown odds are fitted, from the base rate)
        ScenarioReport def = c.evaluate(LocalDate.of(2025, 4, 8), null);
        Path workspace = Files.createDirectories(dir.resolve("workspace")).resolve("scenarios.json");
        Files.writeString(workspace, defaults.replace("\"prior\": 0.5", "\"prior\": 0.6"));
        ScenarioReport r = c.evaluate(LocalDate.of(2025, 4, 8), null);
        assertThat(r.pack()).isEqualTo(workspace.toString());
        assertThat(packOdds(r, "A", "B")).isCloseTo(packOdds(def, "A", "B") * 0.6 / 0.5, within(1e-9));

        Files.writeString(workspace, defaults.replace("\"threshold\": 25,", "\"threshold\": \"high\","));
        Files.setLastModifiedTime(workspace, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        r = c.evaluate(LocalDate.of(2025, 4, 8), null);
        assertThat(r.pack()).isEqualTo(workspace.toString());
        assertThat(packOdds(r, "A", "B")).isCloseTo(packOdds(def, "A", "B") * 0.6 / 0.5, within(1e-9));
        assertThat(r.warnings()).singleElement().asString().contains(workspace.toString())
                .contains("$.scenarios[1].conditions[0].threshold").contains("stays in force");
        Out o = run(new ScenariosCommand(c), "--as-of", "2025-04-08");
        assertThat(o.code).isZero();
        assertThat(o.err).contains("$.scenarios[1].conditions[0].threshold");

        Path deploy = Files.createDirectories(dir.resolve("deploy")).resolve("desk.scenarios.json");
        Files.writeString(deploy, defaults.replace("\"prior\": 0.2", "\"prior\": 0.4"));
        r = c.evaluate(LocalDate.of(2025, 4, 8), null);
        assertThat(r.pack()).isEqualTo(deploy.toString());
        assertThat(r.warnings()).isEmpty();
        assertThat(packOdds(r, "C", "B")).isCloseTo(packOdds(def, "C", "B") * 0.4 / 0.2, within(1e-9));

        Files.delete(deploy);
        Files.delete(workspace);
        r = c.evaluate(LocalDate.of(2025, 4, 8), null);
        assertThat(r.pack()).startsWith("default");
        assertThat(packOdds(r, "A", "B")).isCloseTo(packOdds(def, "A", "B"), within(1e-12));
    }

    /** The odds of {@code x} against {@code y} by the pack's own ratios. */
    private static double packOdds(ScenarioReport r, String x, String y) {
        return r.scenario(x).orElseThrow().packProbability() / r.scenario(y).orElseThrow().packProbability();
    }

    @Test
    void theCascadeCommandPrintsTheCalibratedCase() throws Exception {
        Out o = run(new CascadeCommand(component()), "--oi", "30bn", "--shock", "3", "--json");
        assertThat(o.code).as(o.err).isZero();
        assertThat(o.out).startsWith("{\"initialMove\":0.03,\"amplifiedMove\":");
        JsonNode doc = JsonMapper.builder().build().readTree(o.out);
        CascadeResult expected = Cascade.run(CascadeParams.defaults().withShock(0.03));
        for (String field : List.of("initialMove", "amplifiedMove", "amplification", "rounds", "path",
                "liquidatedNotional", "remainingNotional", "openInterest", "converged", "params", "p10", "p50", "p90")) {
            assertThat(doc.has(field)).as(field).isTrue();
        }
        assertThat(doc.get("p10").asDouble()).isEqualTo(expected.p10());
        assertThat(doc.get("p50").asDouble()).isEqualTo(expected.p50());
        assertThat(doc.get("p90").asDouble()).isEqualTo(expected.p90());
        assertThat(doc.get("p10").asDouble()).isLessThanOrEqualTo(doc.get("p50").asDouble());
        assertThat(doc.get("params").get("crowding").get("oiRatio").asDouble()).isEqualTo(1);
        // crowded: funding at the sample's 95th percentile, open interest 25% above its 90-day mean
        Out crowded = run(new CascadeCommand(component()), "--shock", "3", "--funding", "52.5", "--oi-ratio", "1.25", "--json");
        assertThat(crowded.code).as(crowded.err).isZero();
        JsonNode c = JsonMapper.builder().build().readTree(crowded.out);
        assertThat(c.get("p50").asDouble()).isGreaterThan(doc.get("p50").asDouble()).isBetween(0.08, 0.12);
        // ETH has its own open interest and depth unless given
        JsonNode eth = JsonMapper.builder().build().readTree(run(new CascadeCommand(component()), "--asset", "eth", "--shock", "4",
                "--json").out);
        assertThat(eth.get("openInterest").asDouble()).isEqualTo(Cascade.ETH_OPEN_INTEREST);
        assertThat(eth.get("params").get("depth").asDouble()).isEqualTo(Cascade.ETH_DEPTH);
        JsonNode ethGiven = JsonMapper.builder().build().readTree(run(new CascadeCommand(component()), "--depth", "1bn", "--asset",
                "ETH", "--shock", "4", "--json").out);
        assertThat(ethGiven.get("params").get("depth").asDouble()).isEqualTo(1e9);
        assertThat(refusedCascade("--asset", "doge", "--shock", "3")).isEqualTo("cascade: --asset 'doge': expected btc"
                + " or eth");
        Out text = run(new CascadeCommand(component()), "--shock", "3", "--refill", "0.5", "--funding", "-20");
        assertThat(text.out).contains("Over 500 markets of uncertain depth and leverage: p10 ")
                .contains("refill 0.50 a round").contains("crowding 0.00");
        Out t = run(new CascadeCommand(component()), "--oi", "30e9", "--shock", "2%", "--depth", "1.5e9", "--leverage", "12");
        assertThat(t.out).contains("Initial fall 2.00% ->").contains("round");
        assertThat(run(new CascadeCommand(component()), "--oi", "30e9").err).contains("--shock PCT is required");
        assertThat(run(new CascadeCommand(component()), "--shock", "3", "--depth", "-5").code).isEqualTo(Command.USAGE);
    }

    /** SPY's close of a day, read from the sample file directly. */
    private static double close(String day) {
        return column("yahoo/SPY.csv", day, 1);
    }

    private static double binanceClose(String day) {
        long t = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return column("binance/BTCUSDT_1d.csv", Long.toString(t), 4);
    }

    private static double column(String file, String key, int col) {
        try (Stream<String> lines = Files.lines(InMemoryEngine.DATA.resolve(file))) {
            return lines.filter(l -> l.startsWith(key + ",")).mapToDouble(l -> Double.parseDouble(l.split(",")[col]))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The 10Y yields of the sample's FRED files by day (the later file wins where both have a day). */
    private static java.util.TreeMap<LocalDate, Double> tenYear() throws IOException {
        java.util.TreeMap<LocalDate, Double> y = new java.util.TreeMap<>();
        for (String f : List.of("fred/DGS10.csv", "fred-2021-2026/DGS10.csv")) {
            try (Stream<String> lines = Files.lines(InMemoryEngine.DATA.resolve(f))) {
                lines.skip(1).map(l -> l.split(",")).filter(c -> c.length > 1 && !c[1].isBlank() && !c[1].equals("."))
                        .forEach(c -> y.put(LocalDate.parse(c[0]), Double.parseDouble(c[1])));
            }
        }
        return y;
    }

    @Test
    void aFredValueIsNotReadOnItsOwnObservationDayButTheNextBusinessDay() throws Exception {
        // rates.stable reads |10Y change over 20 bars| in bp; FRED posts a day's yield the next business day
        java.util.TreeMap<LocalDate, Double> y = tenYear();
        LocalDate monday = LocalDate.of(2020, 3, 16);
        List<LocalDate> days = List.copyOf(y.headMap(monday, true).keySet());
        int n = days.size();
        assertThat(days.get(n - 1)).isEqualTo(monday);
        // on Monday the last yield known is Friday's (the bar before), on Tuesday Monday's
        double onMonday = Math.abs(y.get(days.get(n - 2)) - y.get(days.get(n - 22))) * 100;
        double onTuesday = Math.abs(y.get(days.get(n - 1)) - y.get(days.get(n - 21))) * 100;
        assertThat(onMonday).as("the test needs a day whose own yield would change the reading")
                .isNotCloseTo(onTuesday, within(1.0));
        assertThat(rateReading(monday)).isCloseTo(onMonday, within(1e-9));
        assertThat(rateReading(monday.plusDays(1))).isCloseTo(onTuesday, within(1e-9));
    }

    private double rateReading(LocalDate day) {
        ConditionResult c = component().evaluate(day, null).scenario("A").orElseThrow().conditions().stream()
                .filter(k -> k.id().equals("rates.stable")).findFirst().orElseThrow();
        return c.value();
    }

    /** The sample's BTCUSDT funding of a day (per 8 hours, a fraction), read from the file. */
    private static double fundingOf(String day) throws IOException {
        try (Stream<String> lines = Files.lines(InMemoryEngine.DATA.resolve(
                "crypto/binance_btcusdt_funding_daily.csv"))) {
            return lines.filter(l -> l.startsWith(day + ",")).mapToDouble(l -> Double.parseDouble(l.split(",")[1]))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void theCascadeStartsFromTheDaysFundingAsAvailableByItsEndAndRunsFurtherWhenItIsCrowded() throws Exception {
        LocalDate friday = LocalDate.of(2021, 4, 16);
        // a daily funding bar closes at midnight: on the 16th the last one known is the 15th's (98% a year),
        // not the 16th's own (126%)
        double known = fundingOf("2021-04-15") * 3 * 365;
        assertThat(fundingOf("2021-04-16") * 3 * 365).as("the test needs a day whose own value differs")
                .isNotCloseTo(known, within(0.1));
        CascadeState s = component().cascadeState("btc", friday);
        assertThat(s.funding().observed()).isEqualTo(LocalDate.of(2021, 4, 15));
        assertThat(s.funding().value()).isCloseTo(known, within(1e-12));
        assertThat(s.openInterest().missing()).isEqualTo("not bound");
        assertThat(s.oiRatio()).isNaN();
        assertThat(s.warnings()).isEmpty();
        assertThat(s.text()).startsWith("btc as of 2021-04-16: funding 98.1% a year (btc.funding, 2021-04-15);"
                + " open interest btc.oi not bound: the default and a ratio of 1 stand in");

        // scenario B's BTC fall runs through that crowding: further than from the uncrowded default
        ScenarioReport r = component().evaluate(friday, null);
        CascadeResult b = r.scenario("B").orElseThrow().cascade().get("btc");
        assertThat(b.params().crowding().fundingAnnual()).isCloseTo(known, within(1e-12));
        assertThat(b.params().crowding().oiRatio()).isEqualTo(1);
        CascadeResult uncrowded = Cascade.run(CascadeParams.defaults().withShock(b.initialMove()));
        assertThat(b.p50()).isGreaterThan(uncrowded.p50());
        assertThat(r.scenario("B").orElseThrow().shocks().get("btc")).isEqualTo(-b.amplifiedMove());
        // ETH has no funding of its own in the sample: BTC's stands in, and the state says so
        CascadeState eth = component().cascadeState("eth", friday);
        assertThat(eth.funding().role()).isEqualTo("btc.funding");
        assertThat(eth.text()).contains("BTC's standing in: eth.funding not bound");
        assertThat(r.scenario("B").orElseThrow().cascade().get("eth").params().openInterest())
                .isEqualTo(Cascade.ETH_OPEN_INTEREST);

        // the command reads the same state, and an option given overrides it
        Out json = run(new CascadeCommand(component()), "--shock", "3", "--as-of", "2021-04-16", "--json");
        assertThat(json.code).as(json.err).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(json.out);
        assertThat(doc.get("state").get("funding").get("value").asDouble()).isCloseTo(known, within(1e-12));
        assertThat(doc.get("state").get("funding").get("observed").asText()).isEqualTo("2021-04-15");
        assertThat(doc.get("state").get("oiRatio").isNull()).isTrue();
        assertThat(doc.get("p50").asDouble()).isEqualTo(Cascade.run(s.apply(CascadeParams.defaults())
                .withShock(0.03)).p50());
        JsonNode given = JsonMapper.builder().build().readTree(run(new CascadeCommand(component()), "--shock", "3",
                "--as-of", "2021-04-16", "--funding", "10.95", "--json").out);
        assertThat(given.get("p50").asDouble()).isEqualTo(Cascade.run(CascadeParams.defaults().withShock(0.03)).p50());
        JsonNode none = JsonMapper.builder().build().readTree(run(new CascadeCommand(component()), "--shock", "3",
                "--uncrowded", "--json").out);
        assertThat(none.get("state").isNull()).isTrue();
        assertThat(none.get("p50").asDouble()).isEqualTo(given.get("p50").asDouble());
        Out text = run(new CascadeCommand(component()), "--shock", "3", "--as-of", "2021-04-16");
        assertThat(text.out).startsWith("Market state: btc as of 2021-04-16: funding 98.1% a year");
        assertThat(refusedCascade("--shock", "3", "--uncrowded", "--latest")).isEqualTo("cascade: --uncrowded reads no"
                + " market state, so it takes no day: drop --latest");
        assertThat(refusedCascade("--shock", "3", "--as-of", "2021-13-01")).contains("--as-of '2021-13-01' is not a"
                + " date");
    }

    @Test
    void staleFundingIsNotReadAndTheReportAndTheCommandSaySo() {
        // the sample's funding ends on 2026-02-12; the pack counts a value older than 10 days as no data
        LocalDate late = LocalDate.of(2026, 3, 20);
        CascadeState s = component().cascadeState("btc", late);
        assertThat(s.funding().known()).isFalse();
        assertThat(s.funding().missing()).isEqualTo("stale since 2026-02-12");
        assertThat(s.apply(CascadeParams.defaults()).crowding()).isEqualTo(CascadeParams.defaults().crowding());
        String warning = "the cascade reads no funding from btc.funding (stale since 2026-02-12): neutral funding"
                + " stands in";
        assertThat(s.warnings()).containsExactly(warning);
        assertThat(component().evaluate(late, null).warnings()).contains(warning);
        Out o = run(new CascadeCommand(component()), "--shock", "3", "--as-of", "2026-03-20");
        assertThat(o.code).isZero();
        assertThat(o.err).contains("cascade: " + warning);
        assertThat(o.out).contains("funding btc.funding stale since 2026-02-12: neutral stands in");
    }

    @Test
    void perpetualOpenInterestSetsTheNotionalAndItsRatioToTheNinetyDayMean() throws Exception {
        // a constructed btc.oi in USD: 20bn a day for 120 days, then 30bn on the last
        long start = LocalDate.of(2021, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        int n = 121;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * 86_400_000L;
            v[i] = i == n - 1 ? 30e9 : 20e9;
        }
        InMemoryEngine e = InMemoryEngine.sample().put("btc.oi", t, v);
        ScenarioComponent c = ScenarioComponent.of(e, e, dir.resolve("workspace/scenarios.json"), dir.resolve("deploy"));
        // the last bar (2021-05-01) is known the day after its open, on 2021-05-02
        LocalDate day = LocalDate.of(2021, 5, 2);
        CascadeState s = c.cascadeState("btc", day);
        assertThat(s.openInterest().value()).isEqualTo(30e9);
        assertThat(s.openInterest().observed()).isEqualTo(LocalDate.of(2021, 5, 1));
        // the mean of the 90 daily values in (t - 90 days, t]: 89 at 20bn and the last at 30bn
        assertThat(s.oiRatio()).isCloseTo(30 / ((89 * 20 + 30) / 90.0), within(1e-12));
        CascadeParams p = s.apply(CascadeParams.defaults());
        assertThat(p.openInterest()).isEqualTo(30e9);
        assertThat(p.crowding().oiRatio()).isCloseTo(s.oiRatio(), within(1e-15));
        assertThat(Cascade.run(p.withShock(0.03)).p50()).isGreaterThan(
                Cascade.run(CascadeParams.defaults().withOpenInterest(30e9).withShock(0.03)).p50());
        // twenty days of history are too few for a 90-day mean: the open interest counts, its ratio stands at 1
        CascadeState young = c.cascadeState("btc", LocalDate.of(2021, 1, 21));
        assertThat(young.openInterest().value()).isEqualTo(20e9);
        assertThat(young.oiRatio()).isNaN();
        assertThat(young.oiRatioReason()).isEqualTo("btc.oi holds 19 days of history, under the 30 its 90-day mean"
                + " needs");
        assertThat(young.warnings()).containsExactly("the cascade takes the open interest of btc.oi at its mean: btc.oi"
                + " holds 19 days of history, under the 30 its 90-day mean needs");
        assertThat(young.apply(CascadeParams.defaults()).crowding().oiRatio()).isEqualTo(1);
    }
}
