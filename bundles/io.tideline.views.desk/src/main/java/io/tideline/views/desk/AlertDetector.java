package io.tideline.views.desk;

import io.tideline.api.series.SeriesId;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the threshold crossings between two verdicts: every reading (same step, role and
 * indicator) that has a threshold and a value in both and sits on the other side of its
 * threshold now ({@code value >= threshold} counts as above). Stateless.
 */
public final class AlertDetector {

    private AlertDetector() {
    }

    /**
     * The crossings from {@code previous} to {@code current}.
     *
     * @param roles role bindings, to name the series behind each reading
     * @param nowMillis the time stamped on the alerts
     */
    public static List<Alert> crossings(Verdict previous, Verdict current, Map<String, SeriesId> roles,
            long nowMillis) {
        Map<String, Evidence> before = new HashMap<>();
        for (Step step : previous.steps()) {
            for (Evidence e : step.evidence()) {
                before.put(key(step, e), e);
            }
        }
        List<Alert> out = new ArrayList<>();
        for (Step step : current.steps()) {
            for (Evidence now : step.evidence()) {
                Evidence then = before.get(key(step, now));
                if (then == null || now.value() == null || then.value() == null || now.threshold() == null
                        || then.threshold() == null) {
                    continue;
                }
                boolean wasAbove = then.value() >= then.threshold();
                boolean isAbove = now.value() >= now.threshold();
                if (wasAbove != isAbove) {
                    out.add(new Alert(nowMillis, Alert.Kind.THRESHOLD, current.asOf(),
                            now.role() + " " + now.indicator(), wasAbove ? "above" : "below",
                            isAbove ? "above" : "below", now.value(), now.threshold(),
                            Trace.roles(now.role(), roles) + " \u2014 " + now.rule()));
                }
            }
        }
        return out;
    }

    private static String key(Step step, Evidence e) {
        return step.id() + '\u0000' + e.role() + '\u0000' + e.indicator();
    }
}
