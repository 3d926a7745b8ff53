package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.testing.InMemoryEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.regime.api.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictFormatTest {

    @Test
    void the_json_document_has_the_stable_keys_in_order() throws Exception {
        InMemoryEngine engine = InMemoryEngine.sample();
        Verdict v = TestChecks.sample(engine).asOf(LocalDate.parse("2020-03-16"));
        JsonNode doc = new ObjectMapper().readTree(VerdictFormat.json(v));
        List<String> keys = new ArrayList<>();
        doc.fieldNames().forEachRemaining(keys::add);
        // every key of 1.0 in its place; coverage, stale and decisionTime added after them in 1.1
        assertThat(keys).containsExactly("asOf", "regime", "riskOff", "tier", "action", "exposure", "drivers",
                "missing", "steps", "coverage", "stale", "decisionTime");
        assertThat(doc.get("coverage").asDouble()).isEqualTo(1.0);
        assertThat(doc.get("decisionTime").asText()).isEqualTo("2020-03-16T21:00Z");
        assertThat(doc.get("asOf").asText()).isEqualTo("2020-03-16");
        assertThat(doc.get("steps")).extracting(s -> s.get("id").asText()).containsExactly("macro", "leadership",
                "crypto", "correlation", "execution");
        List<String> evidenceKeys = new ArrayList<>();
        doc.get("steps").get(0).get("evidence").get(0).fieldNames().forEachRemaining(evidenceKeys::add);
        assertThat(evidenceKeys).containsExactly("role", "indicator", "value", "threshold", "rule", "observed",
                "ageDays");
        // Monday 2020-03-16 at 21:00 UTC: FRED's 10Y of Friday the 13th is the latest published
        assertThat(doc.get("steps").get(0).get("evidence").get(0).get("observed").asText()).isEqualTo("2020-03-13");
        assertThat(doc.get("steps").get(0).get("evidence").get(0).get("ageDays").asInt()).isEqualTo(3);
        List<String> stepKeys = new ArrayList<>();
        doc.get("steps").get(0).fieldNames().forEachRemaining(stepKeys::add);
        assertThat(stepKeys).containsExactly("id", "status", "summary", "evidence");
        assertThat(VerdictFormat.csv(v)).startsWith("2020-03-16," + v.regime() + ",");
    }
}
