package io.tideline.regime;

import io.tideline.support.series.Availability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.api.series.SeriesId;
import io.tideline.support.testing.InMemoryEngine;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Checks over in-memory engines, with the availability the test needs. */
final class TestChecks {

    /** Every value available at the start of its own day: the steps' logic alone, as before availability. */
    static final Availability.Rule SAME_DAY = Availability.Rule.of("calendar-days", 0, "00:00", 10);

    private TestChecks() {
    }

    /** Checks where every value is available on its own day. */
    static Checks sameDay(InMemoryEngine e) {
        return new Checks(e, RulesLoader.defaults(), e::bound, role -> SAME_DAY);
    }

    /** Checks over the sample with each role's real availability (its series id in the sample workspace). */
    static Checks sample(InMemoryEngine e) throws IOException {
        return sample(e, RulesLoader.defaults());
    }

    /** Checks over the sample with each role's real availability and the given rules. */
    static Checks sample(InMemoryEngine e, Rules rules) throws IOException {
        Map<String, SeriesId> ids = sampleIds();
        Availability a = Availability.defaults();
        return new Checks(e, rules, e::bound, role -> ids.containsKey(role) ? a.of(ids.get(role)) : a.fallback());
    }

    /** The sample workspace's role bindings: role to series id. */
    static Map<String, SeriesId> sampleIds() throws IOException {
        JsonNode ws = new ObjectMapper().readTree(InMemoryEngine.DATA.resolve("workspace.json").toFile());
        Map<String, SeriesId> ids = new HashMap<>();
        for (JsonNode s : ws.get("series")) {
            if (s.has("role")) {
                ids.put(s.get("role").asText(), SeriesId.parse(s.get("id").asText()));
            }
        }
        return ids;
    }
}
