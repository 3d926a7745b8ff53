package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.json.JsonFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PackLoaderTest {

    static String defaultsText() throws IOException {
        try (InputStream in = PackLoader.class.getClassLoader().getResourceAsStream(PackLoader.DEFAULTS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonFileException failure(String json) {
        try {
            PackLoader.READER.read("my.scenarios.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonFileException e) {
            return e;
        }
        throw new AssertionError("expected the pack to be refused");
    }

    @Test
    void theDefaultPackLoadsWithPriorsAOverBOverC() {
        Pack p = PackLoader.defaults();
        assertThat(p.scenarios()).extracting(Pack.Scenario::id).containsExactly("A", "B", "C");
        assertThat(p.scenarios().get(0).prior()).isGreaterThan(p.scenarios().get(1).prior());
        assertThat(p.scenarios().get(1).prior()).isGreaterThan(p.scenarios().get(2).prior());
        assertThat(p.scenarios().get(1).cascade()).containsExactly("btc", "eth");
        assertThat(p.analogues().episodes()).extracting(Pack.Episode::date).contains("2020-03-16", "2022-06-13",
                "2022-11-09", "2024-08-05", "2025-04-04");
    }

    @Test
    void aBrokenConditionIsRefusedWithItsJsonPath() throws IOException {
        // the first condition of scenario B: a threshold given as text
        JsonFileException e = failure(defaultsText().replace("\"threshold\": 25,", "\"threshold\": \"25\","));
        assertThat(e.path()).isEqualTo("$.scenarios[1].conditions[0].threshold");
        assertThat(e.getMessage()).startsWith("my.scenarios.json: $.scenarios[1].conditions[0].threshold: expected a number");
    }

    @Test
    void aMissingThresholdIsNamed() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"comparison\": \">\", \"threshold\": 25,", "\"comparison\": \">\","));
        assertThat(e.path()).isEqualTo("$.scenarios[1].conditions[0].threshold");
        assertThat(e.getMessage()).contains("required");
    }

    @Test
    void anUnknownComparisonIsNamedWithTheAllowedOnes() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"comparison\": \">\", \"threshold\": 25,",
                "\"comparison\": \"=>\", \"threshold\": 25,"));
        assertThat(e.path()).isEqualTo("$.scenarios[1].conditions[0].comparison");
        assertThat(e.getMessage()).contains("one of < <= > >=").contains("=>");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownKeys() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"threshold\": 25,", "\"treshold\": 25, \"threshold\": 25,"));
        assertThat(e.path()).isEqualTo("$.scenarios[1].conditions[0].treshold");
        assertThat(e.getMessage()).contains("unknown key").contains("threshold");
        // a misspelt required key alone: the required key is named as missing
        JsonFileException typo = failure(defaultsText().replace("\"threshold\": 25,", "\"treshold\": 25,"));
        assertThat(typo.path()).isEqualTo("$.scenarios[1].conditions[0].threshold");
    }

    @Test
    void aLikelihoodForAnUnknownScenarioIsRefused() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"likelihood\": {\"B\": 1.4}", "\"likelihood\": {\"D\": 1.4}"));
        assertThat(e.path()).isEqualTo("$.scenarios[1].conditions[5].likelihood.D");
        assertThat(e.getMessage()).contains("a scenario id");
    }

    @Test
    void aNegativeLikelihoodRatioIsRefused() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"likelihood\": {\"B\": 1.4}", "\"likelihood\": {\"B\": -1}"));
        assertThat(e.path()).isEqualTo("$.scenarios[1].conditions[5].likelihood.B");
    }

    @Test
    void aCascadeRoleNeedsAFall() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"cascade\": [\"btc\", \"eth\"]", "\"cascade\": [\"btc\", \"gold\"]"));
        assertThat(e.path()).isEqualTo("$.scenarios[1].cascade[1]");
    }

    @Test
    void badEpisodeDateAndBrokenJsonAreNamed() throws IOException {
        JsonFileException e = failure(defaultsText().replace("\"2022-11-09\"", "\"2022-11-31\""));
        assertThat(e.path()).isEqualTo("$.analogues.episodes[4].date");
        JsonFileException j = failure("{\"version\": 1,\n \"name\": \"x\",,}");
        assertThat(j.getMessage()).contains("line 2").contains("expected valid JSON");
    }

    @Test
    void theAnalogueLibrarysRulesAreCheckedAndTheNamedEpisodesAreOptionalWithIt() throws Exception {
        String d = defaultsText();
        JsonFileException depth = failure(d.replace("\"depth\": 0.07", "\"depth\": 1.5"));
        assertThat(depth.getMessage()).startsWith("my.scenarios.json: $.analogues.library.drawdowns[0].depth: expected a"
                + " number in [0.001, 0.99], got 1.5");
        JsonFileException window = failure(d.replace("\"window\": 90, \"depth\"", "\"window\": 1, \"depth\""));
        assertThat(window.path()).isEqualTo("$.analogues.library.drawdowns[1].window");
        JsonFileException none = failure(d.replace("\"excludeDays\": 60", "\"excludeDays\": -1"));
        assertThat(none.path()).isEqualTo("$.analogues.library.excludeDays");
        // without the library the named episodes are the analogues, so they are required then
        String noLibrary = d.substring(0, d.indexOf("    \"library\": {")) + d.substring(d.indexOf("    \"episodes\": ["));
        assertThat(PackLoader.READER.read("x.json", new ByteArrayInputStream(noLibrary.getBytes(StandardCharsets.UTF_8)))
                .analogues().library()).isNull();
        JsonFileException noEpisodes = failure(noLibrary.replaceAll("(?s)\"episodes\": \\[.*?\\]", "\"episodes\": []"));
        assertThat(noEpisodes.path()).isEqualTo("$.analogues.episodes");
    }

    @Test
    void theOutcomeRuleIsCheckedByPath() {
        String d;
        try {
            d = defaultsText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(failure(d.replace("{\"scenario\": \"C\", \"text\"", "{\"scenario\": \"Z\", \"text\""))
                .getMessage()).contains("$.outcome.rules[1].scenario").contains("a scenario id, one of");
        assertThat(failure(d.replace("\"measure\": \"lowest-return\"", "\"measure\": \"lowest\"")).path())
                .isEqualTo("$.outcome.rules[0].when[0].measure");
        assertThat(failure(d.replace("{\"scenario\": \"A\", \"text\": \"every other day\"}",
                "{\"scenario\": \"A\", \"text\": \"x\", \"when\": [{\"role\": \"spx\", \"measure\": \"return\", "
                        + "\"comparison\": \">\", \"threshold\": 0}]}")).getMessage())
                .contains("$.outcome.rules[2].when").contains("no tests in the last rule");
        assertThat(failure(d.replace("\"horizonBars\": 20,\n    \"rules\"", "\"horizonBars\": 0,\n    \"rules\"")).path())
                .isEqualTo("$.outcome.horizonBars");
    }

    /** The classes of bad input a portfolio or the cascade command refuses, in a pack: each named by file and JSON path. */
    @Test
    void packsRefuseOutOfBoundNonFiniteAndRepeatedValuesNamingTheJsonPath() throws IOException {
        String d = defaultsText();
        JsonFileException huge = failure(d.replace("\"btc\": -0.03,", "\"btc\": -1e300,"));
        assertThat(huge.getMessage()).startsWith("my.scenarios.json: $.scenarios[1].shocks.btc: expected a number in"
                + " [-0.99, 10.0], got -1.0E300");
        JsonFileException infinite = failure(d.replace("\"prior\": 0.3,", "\"prior\": 1e400,"));
        assertThat(infinite.path()).isEqualTo("$.scenarios[1].prior");
        assertThat(infinite.getMessage()).contains("expected a number in [1.0E-6, 1000000.0], got Infinity");
        JsonFileException nan = failure(d.replace("\"prior\": 0.3,", "\"prior\": NaN,"));
        assertThat(nan.getMessage()).isEqualTo("my.scenarios.json: $.scenarios[1]: expected a valid value ('NaN' is not"
                + " a number in JSON; expected a finite number)");
        JsonFileException twiceKey = failure(d.replace("\"btc\": -0.03,", "\"btc\": -0.03, \"btc\": -0.05,"));
        assertThat(twiceKey.getMessage()).contains("btc").contains("twice");
        JsonFileException twiceCascade = failure(d.replace("\"cascade\": [\"btc\", \"eth\"]",
                "\"cascade\": [\"btc\", \"btc\"]"));
        assertThat(twiceCascade.getMessage()).isEqualTo("my.scenarios.json: $.scenarios[1].cascade[1]: expected a role"
                + " not already in cascade, got btc");
        JsonFileException oddRole = failure(d.replace("\"btc\": -0.03,", "\"BTC!\": -0.03,"));
        assertThat(oddRole.getMessage()).contains("$.scenarios[1].shocks.BTC!").contains("a role name such as spx");
    }
}
