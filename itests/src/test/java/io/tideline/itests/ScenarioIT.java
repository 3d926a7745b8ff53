package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * Scenario analysis over the sample workspace, through the 'scenarios' and 'cascade' commands, in
 * the framework. The JSON is parsed with Jackson into plain maps and lists.
 */
class ScenarioIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return JSON.readValue(text, Map.class);
    }

    /**
     * A bundle with no code that ships the built-in pack with other priors (A 0.2, B 0.6, C 0.2)
     * as {@code packs/desk.json}, named by its manifest.
     */
    /** Scenario x's odds against scenario y's by the pack's own ratios. */
    private static double packOdds(Map<String, Object> report, int x, int y) {
        List<Map<String, Object>> scenarios = list(report.get("scenarios"));
        return num(scenarios.get(x).get("packProbability")) / num(scenarios.get(y).get("packProbability"));
    }

    private static Path packBundle(Path jar) throws Exception {
        Path scenarioJar;
        try (var files = Files.list(Dist.HOME.resolve("bundles"))) {
            scenarioJar = files.filter(p -> p.getFileName().toString().startsWith("io.tideline.scenario"))
                    .findFirst().orElseThrow();
        }
        com.fasterxml.jackson.databind.node.ObjectNode pack;
        try (var zip = new java.util.zip.ZipFile(scenarioJar.toFile())) {
            pack = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                    zip.getInputStream(zip.getEntry("packs/default-scenarios.json")));
        }
        double[] priors = {0.2, 0.6, 0.2};
        for (int i = 0; i < 3; i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) pack.path("scenarios").get(i)).put("prior", priors[i]);
        }
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        var a = m.getMainAttributes();
        a.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "com.acme.desk.pack");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Tideline-Scenario-Pack", "packs/desk.json");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new java.util.jar.JarEntry("packs/desk.json"));
            out.write(JSON.writeValueAsBytes(pack));
            out.closeEntry();
        }
        return jar;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void scenariosAndTheCascadeOnTheSampleWorkspace() throws Exception {
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();

            // the latest day, no portfolio: the documented shape, probabilities summing to 1
            Dist.Result latest = Dist.run(context, "scenarios", "--json");
            assertThat(latest.code()).as(latest.err()).isZero();
            Map<String, Object> doc = json(latest.out());
            assertThat(doc).containsKeys("asOf", "scenarios", "expectedPnl", "worstCase", "watch", "analogues");
            assertThat(doc.get("expectedPnl")).isNull();
            List<Map<String, Object>> scenarios = list(doc.get("scenarios"));
            assertThat(scenarios).extracting(s -> s.get("id")).containsExactly("A", "B", "C");
            assertThat(scenarios.stream().mapToDouble(s -> num(s.get("probability"))).sum()).isCloseTo(1.0, within(1e-9));
            for (Map<String, Object> s : scenarios) {
                assertThat(s).containsKeys("id", "name", "probability", "conditions", "shocks", "pnl");
                for (Map<String, Object> c : list(s.get("conditions"))) {
                    assertThat(c).containsKeys("id", "state", "value", "threshold");
                    assertThat(c.get("state")).isIn("MET", "NOT_MET", "UNKNOWN");
                }
            }

            // a day of the tariff shock with a portfolio file: P&L consistent with the printed shocks
            Path book = Files.writeString(work.resolve("book.json"), """
                    {"positions": [
                      {"role": "btc", "quantity": 2, "leverage": 3},
                      {"role": "spx", "notional": 100000},
                      {"role": "eth", "quantity": 10, "leverage": 25}
                    ]}
                    """);
            Dist.Result day = Dist.run(context, "scenarios", "--as-of", "2025-04-08", "--portfolio", book.toString(),
                    "--json");
            assertThat(day.code()).as(day.err()).isZero();
            Map<String, Object> r = json(day.out());
            assertThat(r.get("asOf")).isEqualTo("2025-04-08");
            double expected = 0;
            double worst = Double.POSITIVE_INFINITY;
            for (Map<String, Object> s : list(r.get("scenarios"))) {
                Map<String, Object> shocks = map(s.get("shocks"));
                double pnl = 0;
                for (Map<String, Object> p : list(s.get("positions"))) {
                    double exposure = num(p.get("exposure"));
                    double leverage = p.get("role").equals("btc") ? 3 : p.get("role").equals("eth") ? 25 : 1;
                    double move = num(shocks.get(p.get("role")));
                    double v = Math.max(exposure * move, leverage > 1 ? -exposure / leverage : Double.NEGATIVE_INFINITY);
                    assertThat(num(p.get("pnl"))).as("%s %s", s.get("id"), p.get("role")).isCloseTo(v, within(1e-6));
                    pnl += v;
                }
                assertThat(num(s.get("pnl"))).isCloseTo(pnl, within(1e-6));
                expected += num(s.get("probability")) * pnl;
                worst = Math.min(worst, pnl);
            }
            assertThat(num(r.get("expectedPnl"))).isCloseTo(expected, within(1e-6));
            assertThat(num(r.get("worstCase"))).isCloseTo(worst, within(1e-6));
            // scenario B's crypto falls are amplified by the cascade; the 25x ETH position is liquidated there
            Map<String, Object> b = list(r.get("scenarios")).get(1);
            // (uncrowded, the default state, B's 3% trigger becomes a median market's 4-5%: docs/cascade.md)
            assertThat(num(map(b.get("shocks")).get("btc"))).isLessThan(-0.03).isGreaterThan(-0.12);
            assertThat(list(b.get("positions")).get(2).get("liquidated")).isEqualTo(true);
            List<Map<String, Object>> analogues = list(r.get("analogues"));
            assertThat(analogues).isNotEmpty();
            assertThat(analogues.get(0)).containsKeys("episode", "distance");
            for (int i = 1; i < analogues.size(); i++) {
                assertThat(num(analogues.get(i).get("distance"))).isGreaterThanOrEqualTo(
                        num(analogues.get(i - 1).get("distance")));
            }
            assertThat(list(r.get("watch"))).isNotEmpty();

            Dist.Result text = Dist.run(context, "scenarios", "--as-of", "2025-04-08", "--portfolio", book.toString());
            assertThat(text.out()).contains("Scenarios as of 2025-04-08").contains("probability-weighted P&L");

            // the cascade alone: the calibrated case, conservation, and a bad argument; crowded (funding at
            // the sample's 95th percentile, open interest 25% above its 90-day mean) a 3% fall becomes 8-12%
            Dist.Result cascade = Dist.run(context, "cascade", "--oi", "30e9", "--shock", "3", "--json");
            assertThat(cascade.code()).as(cascade.err()).isZero();
            Map<String, Object> c = json(cascade.out());
            assertThat(num(c.get("amplifiedMove"))).isBetween(0.03, 0.08);
            assertThat(num(c.get("p10"))).isLessThanOrEqualTo(num(c.get("p50")));
            assertThat(num(c.get("p50"))).isLessThanOrEqualTo(num(c.get("p90")));
            Dist.Result crowded = Dist.run(context, "cascade", "--oi", "30e9", "--shock", "3", "--funding", "52.5",
                    "--oi-ratio", "1.25", "--json");
            assertThat(num(json(crowded.out()).get("p50"))).isBetween(0.08, 0.12);
            assertThat(num(c.get("liquidatedNotional")) + num(c.get("remainingNotional"))).isCloseTo(30e9, within(1.0));
            Dist.Result bigger = Dist.run(context, "cascade", "--oi", "30e9", "--shock", "5", "--json");
            assertThat(num(json(bigger.out()).get("amplifiedMove"))).isGreaterThan(num(c.get("amplifiedMove")));
            // the day's market from the store: on 2021-04-16 the last funding known is the 15th's (0.0896% per
            // 8 hours in the sample's file, 98% a year), crowded, so a 3% fall runs further than uncrowded
            Map<String, Object> crowdedDay = json(Dist.run(context, "cascade", "--shock", "3", "--as-of",
                    "2021-04-16", "--json").out());
            Map<String, Object> funding = map(map(crowdedDay.get("state")).get("funding"));
            assertThat(funding.get("observed")).isEqualTo("2021-04-15");
            assertThat(num(funding.get("value"))).isCloseTo(0.000895803333333333 * 3 * 365, within(1e-9));
            Map<String, Object> calm = json(Dist.run(context, "cascade", "--shock", "3", "--uncrowded", "--json").out());
            assertThat(calm.get("state")).isNull();
            assertThat(num(crowdedDay.get("p50"))).isGreaterThan(num(calm.get("p50")));
            Dist.Result bad = Dist.run(context, "cascade", "--oi", "lots", "--shock", "3");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).contains("--oi 'lots' is not a number");

            // a pack shipped inside a bundle (manifest header Tideline-Scenario-Pack): hot-deployed,
            // in force while the bundle is installed, gone with it
            Map<String, Object> builtIn = json(Dist.run(context, "scenarios", "--as-of", "2025-04-08", "--json").out());
            Path packBundle = packBundle(work.resolve("desk-pack.jar"));
            Dist.drop(packBundle, work.resolve("deploy"), "desk-pack.jar");
            Dist.await("the bundle's pack in force", () -> Dist.run(context, "scenarios", "--as-of", "2025-04-08",
                    "--json").out().contains("bundle com.acme.desk.pack"));
            Map<String, Object> fromBundle = json(Dist.run(context, "scenarios", "--as-of", "2025-04-08", "--json").out());
            // the shown odds are fitted on history (their prior is the base rate); the pack's own odds
            // (packProbability) carry its priors: B against A moves by (0.6 / 0.2) / (0.3 / 0.5) = 5
            assertThat(packOdds(fromBundle, 1, 0) / packOdds(builtIn, 1, 0)).as("B's prior in the bundle's pack")
                    .isCloseTo(5.0, within(1e-9));
            Files.delete(work.resolve("deploy/desk-pack.jar"));
            Dist.await("the built-in pack back", () -> Dist.run(context, "scenarios", "--as-of", "2025-04-08",
                    "--json").out().contains("\"pack\":\"default"));

            // a broken pack in deploy/ is refused with its JSON path; the built-in one stays in force
            Files.createDirectories(work.resolve("deploy"));
            Dist.write(work.resolve("deploy"), "desk.scenarios.json", "{\"version\": 1, \"name\": \"desk\", "
                    + "\"maxStaleDays\": 10, \"scenarios\": [{\"id\": \"A\", \"name\": \"a\", \"description\": \"d\", "
                    + "\"prior\": 1, \"conditions\": [{\"id\": \"x\", \"text\": \"t\", \"indicator\": \"sma\", "
                    + "\"inputs\": [\"spx\"], \"comparison\": \"<\", \"threshold\": \"low\", \"likelihood\": {\"A\": 2}}],"
                    + " \"shocks\": {}}], \"analogues\": {}}");
            Dist.Result refused = Dist.run(context, "scenarios", "--as-of", "2025-04-08");
            assertThat(refused.code()).isZero();
            assertThat(refused.err()).contains("desk.scenarios.json").contains("$.scenarios[0].conditions[0].threshold")
                    .contains("stays in force");
            assertThat(refused.out()).contains("Liquidity tightening shock");
            Files.delete(work.resolve("deploy/desk.scenarios.json"));
            Dist.await("the built-in pack back", () -> Dist.run(context, "scenarios", "--as-of", "2025-04-08",
                    "--json").out().contains("\"pack\":\"default"));

            // a signed shock is refused in one line, with exit 2, before the model runs
            Dist.Result signed = Dist.run(context, "cascade", "--shock", "-3");
            assertThat(signed.code()).isEqualTo(2);
            assertThat(signed.out()).isEmpty();
            assertThat(signed.err()).startsWith("cascade: --shock '-3': expected the fall in percent without a sign,"
                    + " in (0, 90], e.g. --shock 3 for a 3% fall (a shock is always a fall; give no sign)");

            // on the sample's newest data the rates, VIX and credit series are months old: the report
            // says which scenarios rest on thin evidence, and their odds lean back toward the prior
            Dist.await("the sample workspace loaded with its date", () -> Dist.run(context, "asof").out()
                    .contains("2026-02-06"));
            assertThat(Dist.run(context, "asof", "latest").code()).isZero();
            Dist.Result thin = Dist.run(context, "scenarios", "--json");
            assertThat(thin.code()).as(thin.err()).isZero();
            Map<String, Object> newest = json(thin.out());
            List<String> all = (List<String>) newest.get("warnings");
            // the funding the cascade could not read is warned of too (the sample's ends on 2026-02-12)
            String staleFunding = "the cascade reads no funding from btc.funding (stale since 2026-02-12): neutral"
                    + " funding stands in";
            assertThat(all).contains(staleFunding);
            List<String> warnings = all.stream().filter(w -> !w.equals(staleFunding)).toList();
            assertThat(warnings).isNotEmpty().allSatisfy(w -> assertThat(w).matches("[A-C]: \\d+ of \\d+ conditions"
                    + " unknown \\(.*stale since \\d{4}-\\d{2}-\\d{2}.*\\); odds pulled toward the prior \\(evidence"
                    + " counted at \\d+%\\)"));
            assertThat(list(newest.get("gaps"))).hasSameSizeAs(warnings);
            assertThat(thin.err()).contains("scenarios: " + warnings.get(0));
            for (Map<String, Object> g : list(newest.get("gaps"))) {
                double w = num(g.get("weight"));
                assertThat(3 * num(g.get("unknown"))).isGreaterThan(num(g.get("conditions")));
                assertThat(w).isCloseTo(1 - num(g.get("unknown")) / num(g.get("conditions")), within(1e-12));
            }
            assertThat(newest).containsKeys("asOf", "scenarios", "expectedPnl", "worstCase", "worstScenario", "watch",
                    "analogues", "conditions", "pack", "warnings");
        }
    }

    /**
     * The workbench's scenarios view on the sample's newest data: the thin-evidence line under the
     * odds, pictured as {@code scenarios-thin-evidence.png} in the screenshots folder.
     */
    @Test
    void theScenariosViewSaysTheThinEvidenceOnTheNewestData() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh, which starts Xvfb")
                .isNotBlank();
        Path shots = Files.createDirectories(Path.of(System.getProperty("tideline.screenshots")));
        try (TidelineFramework t = TidelineFramework.start(new io.tideline.launcher.LaunchConfig(
                Dist.HOME.resolve("bundles"), work.resolve("deploy"), work.resolve("data"), false, false, Map.of()))) {
            BundleContext c = t.context();
            Dist.await("the workbench window", () -> Dist.run(c, "workbench", "views").code() == 0);
            Screen.pointerAway();
            Dist.await("the sample loaded", () -> Dist.run(c, "series", "list").out().contains("deribit:BTC:dvol"));
            assertThat(Dist.run(c, "asof", "latest").code()).isZero();
            assertThat(Dist.run(c, "scenarios", "--json").out()).contains("odds pulled toward the prior");
            assertThat(Dist.run(c, "workbench", "focus", "morning-scenarios").code()).isZero();
            Dist.await("the scenarios view live", () -> Dist.run(c, "workbench", "views").out().lines()
                    .anyMatch(l -> l.startsWith("open morning-scenarios") && l.contains(" LIVE")));
            Thread.sleep(2_000);
            Path picture = shots.resolve("scenarios-thin-evidence.png");
            Dist.Result shot = Dist.run(c, "workbench", "screenshot", picture.toString(), "morning-scenarios");
            assertThat(shot.code()).as(shot.err()).isZero();
            Screen.assertDrawn(picture);
        }
    }
}
