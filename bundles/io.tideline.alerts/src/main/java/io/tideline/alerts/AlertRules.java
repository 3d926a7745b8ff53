package io.tideline.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tideline.api.alerts.AlertKind;
import io.tideline.support.json.JsonFileException;
import io.tideline.support.json.JsonValueException;
import io.tideline.support.json.LastValidFile;
import io.tideline.support.json.StrictJsonReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The alert rules: {@code DATA_DIR/workspace/alerts-rules.json} when present and valid, else
 * {@link #defaults()}. The file is read strictly (unknown or repeated keys, wrong types and
 * missing fields are refused with the file, line and JSON path); a refused file leaves the
 * previous valid rules in force (see {@link LastValidFile}). Immutable.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "rules": [
 *     {"id": "regime", "kind": "regime-change"},
 *     {"id": "spx-low", "kind": "threshold", "role": "spx", "below": 4000, "minIntervalMinutes": 60}
 *   ]
 * }
 * }</pre>
 *
 * @param rules the rules, in file order, ids unique
 */
public record AlertRules(List<AlertRule> rules) {

    /** The file's name under {@code DATA_DIR/workspace}. */
    public static final String FILE_NAME = "alerts-rules.json";
    /** The format version a file must declare. */
    public static final int VERSION = 1;
    /** The least time between two alerts of one rule about one subject, unless the rule says. */
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofHours(6);

    private static final StrictJsonReader<Document> READER = StrictJsonReader.of(Document.class,
            "a JSON object {\"version\": 1, \"rules\": [...]}").rootedAt("$");

    /** Copies the list. */
    public AlertRules {
        rules = List.copyOf(rules);
    }

    /**
     * The rules in force without a file: regime change, tier change, stale feeds and checklist
     * crossings, 6 h apart each.
     */
    public static AlertRules defaults() {
        return new AlertRules(List.of(
                new AlertRule("regime", AlertKind.REGIME_CHANGE, null, null, null, null, DEFAULT_MIN_INTERVAL),
                new AlertRule("tier", AlertKind.TIER_CHANGE, null, null, null, null, DEFAULT_MIN_INTERVAL),
                new AlertRule("stale", AlertKind.STALE_FEED, null, null, null, null, DEFAULT_MIN_INTERVAL),
                new AlertRule("crossing", AlertKind.CHECKLIST_CROSSING, null, null, null, null,
                        DEFAULT_MIN_INTERVAL)));
    }

    /** The rule with this id, or {@code null}. */
    public AlertRule rule(String id) {
        for (AlertRule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** Reads rules files for a {@link LastValidFile}: errors name the file, line and JSON path. */
    static LastValidFile<AlertRules> lastValid() {
        return new LastValidFile<>(AlertRules::defaults, AlertRules::read);
    }

    /** Reads one file; an error names it as {@code file:line} when the parser knows the line. */
    static AlertRules read(Path file) throws JsonFileException {
        try {
            return READER.read(file).toRules();
        } catch (JsonFileException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof JsonProcessingException j && j.getLocation() != null
                        && j.getLocation().getLineNr() > 0) {
                    throw new JsonFileException(e.file() + ":" + j.getLocation().getLineNr(), e.path(), e.expected(),
                            e.getCause());
                }
            }
            throw e;
        }
    }

    /** The file as read. */
    record Document(Integer version, List<Line> rules) {

        Document {
            JsonValueException.required("version", version, "the format version " + VERSION);
            if (version != VERSION) {
                throw new JsonValueException("version", "format version " + VERSION, version);
            }
            JsonValueException.required("rules", rules, "a JSON array of rules");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                JsonValueException.required("rules[" + i + "]", rules.get(i), "a rule, not null");
                if (!ids.add(rules.get(i).id())) {
                    throw new JsonValueException("rules[" + i + "].id", "an id not used by an earlier rule",
                            rules.get(i).id());
                }
            }
        }

        AlertRules toRules() {
            List<AlertRule> out = new ArrayList<>(rules.size());
            for (Line l : rules) {
                out.add(l.rule());
            }
            return new AlertRules(out);
        }
    }

    /** One rule as read; checks every field so that an error names it. */
    record Line(String id, String kind, String role, String indicator, Double above, Double below,
            Integer minIntervalMinutes) {

        private static final List<String> KINDS = Arrays.stream(AlertKind.values())
                .filter(k -> k != AlertKind.TEST).map(AlertKind::word).toList();

        Line {
            JsonValueException.id("id", id);
            JsonValueException.oneOf("kind", kind, KINDS);
            boolean threshold = AlertKind.of(kind) == AlertKind.THRESHOLD;
            if (threshold) {
                JsonValueException.role("role", role);
                if ((above == null) == (below == null)) {
                    throw new JsonValueException(above == null ? "above" : "below",
                            "exactly one of above or below, a number", above == null ? "neither" : "both");
                }
                if (above != null && !Double.isFinite(above)) {
                    throw new JsonValueException("above", "a finite number", above);
                }
                if (below != null && !Double.isFinite(below)) {
                    throw new JsonValueException("below", "a finite number", below);
                }
            } else {
                for (String key : List.of("role", "indicator", "above", "below")) {
                    Object v = switch (key) {
                        case "role" -> role;
                        case "indicator" -> indicator;
                        case "above" -> above;
                        default -> below;
                    };
                    if (v != null) {
                        throw new JsonValueException(key, "no " + key + " (only a threshold rule has one)", v);
                    }
                }
            }
            if (indicator != null && indicator.isBlank()) {
                throw new JsonValueException("indicator", "an indicator such as change-bp(5), or no key", indicator);
            }
            if (minIntervalMinutes != null) {
                JsonValueException.whole("minIntervalMinutes", minIntervalMinutes, 0, 366 * 24 * 60);
            }
        }

        AlertRule rule() {
            Duration interval = minIntervalMinutes == null ? DEFAULT_MIN_INTERVAL
                    : Duration.ofMinutes(minIntervalMinutes);
            return new AlertRule(id, AlertKind.of(kind), role, indicator, above, below, interval);
        }
    }
}
