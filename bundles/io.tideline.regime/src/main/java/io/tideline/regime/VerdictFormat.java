package io.tideline.regime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Writes verdicts as the stable JSON document, CSV lines or text for people. Thread-safe. */
final class VerdictFormat {

    private static final ObjectWriter JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build().writer();

    /** The CSV header of {@link #csv}. */
    static final String CSV_HEADER = "asOf,regime,riskOff,tier,action,exposure,macro,leadership,crypto,correlation,"
            + "execution,drivers,missing";

    private VerdictFormat() {
    }

    static String json(Object verdicts) {
        try {
            return JSON.writeValueAsString(verdicts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verdict as JSON", e);
        }
    }

    static String csv(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append(v.asOf()).append(',').append(v.regime()).append(',').append(v.riskOff()).append(',')
                .append(v.tier()).append(',').append(v.action()).append(',')
                .append(v.exposure() == null ? "" : String.format(Locale.ROOT, "%.4f", v.exposure()));
        for (Step s : v.steps()) {
            b.append(',').append(s.status());
        }
        b.append(',').append(String.join(";", v.drivers())).append(',').append(String.join(";", v.missing()));
        return b.toString();
    }

    static void text(Verdict v, PrintStream out) {
        out.printf(Locale.ROOT, "%s  %s  %s  tier %d  action %s  exposure %s%n", v.asOf(), v.regime(),
                v.riskOff() ? "RISK-OFF" : "not risk-off", v.tier(), v.action(),
                v.exposure() == null ? "-" : String.format(Locale.ROOT, "%.2fx", v.exposure()));
        out.println("drivers: " + (v.drivers().isEmpty() ? "none" : String.join(", ", v.drivers())));
        if (!v.missing().isEmpty()) {
            out.println("missing: " + String.join(", ", v.missing()));
        }
        for (Step s : v.steps()) {
            out.printf(Locale.ROOT, "  %-12s %-7s %s%n", s.id(), s.status(), s.summary());
            for (Evidence e : s.evidence()) {
                out.printf(Locale.ROOT, "      %-24s %-28s %10s  vs %-10s %s%n", e.role(), e.indicator(), fmt(e.value()),
                        fmt(e.threshold()), e.rule());
            }
        }
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.4g", d);
    }

    static List<String> stepIds() {
        return List.of("macro", "leadership", "crypto", "correlation", "execution");
    }
}
