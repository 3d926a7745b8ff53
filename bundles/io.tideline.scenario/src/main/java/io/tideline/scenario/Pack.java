package io.tideline.scenario;


import io.tideline.support.json.JsonValueException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario pack as loaded from JSON: the scenarios with their priors, conditions (the
 * evidence, with likelihood ratios) and shocks, and the analogue features and episodes. Immutable;
 * each record checks its values in its constructor, and the pack checks what spans records
 * (unique ids, likelihood keys that name scenarios). See NOTES.md for the format.
 *
 * @param version the format version, 1
 * @param name the pack's name
 * @param maxStaleDays a reading older than this many days before the day counts as no data
 * @param scenarios the scenarios, in display order
 * @param analogues the historical-analogue features and episodes
 * @param outcome what each scenario means in what follows a day, so every past day can be labelled
 *        and the odds scored; {@code null} when the pack does not say (it cannot be scored then)
 */
record Pack(Integer version, String name, Integer maxStaleDays, List<Scenario> scenarios, Analogues analogues,
        Outcome outcome) {

    static final List<String> COMPARISONS = List.of("<", "<=", ">", ">=");

    Pack {
        JsonValueException.whole("version", version, 1, 1);
        JsonValueException.text("name", name);
        JsonValueException.whole("maxStaleDays", maxStaleDays, 1, 366);
        scenarios = JsonValueException.nonEmpty("scenarios", scenarios);
        JsonValueException.required("analogues", analogues, "a JSON object with features and episodes");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            if (!ids.add(scenarios.get(i).id())) {
                throw new JsonValueException("scenarios[" + i + "].id", "an id not used by another scenario",
                        scenarios.get(i).id());
            }
        }
        if (outcome != null) {
            for (int i = 0; i < outcome.rules().size(); i++) {
                String s = outcome.rules().get(i).scenario();
                if (!ids.contains(s)) {
                    throw new JsonValueException("outcome.rules[" + i + "].scenario", "a scenario id, one of " + ids, s);
                }
            }
        }
        Set<String> conditionIds = new HashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            List<Condition> cs = scenarios.get(i).conditions();
            for (int k = 0; k < cs.size(); k++) {
                String at = "scenarios[" + i + "].conditions[" + k + "]";
                Condition c = cs.get(k);
                if (!conditionIds.add(c.id())) {
                    throw new JsonValueException(at + ".id", "a condition id not used by another condition", c.id());
                }
                for (String s : c.likelihood().keySet()) {
                    if (!ids.contains(s)) {
                        throw new JsonValueException(at + ".likelihood." + s, "a scenario id, one of " + ids, s);
                    }
                }
                for (String s : c.ifNotMet().keySet()) {
                    if (!ids.contains(s)) {
                        throw new JsonValueException(at + ".ifNotMet." + s, "a scenario id, one of " + ids, s);
                    }
                }
            }
        }
    }

    /** {@code value comparison threshold}, the comparison one of {@link #COMPARISONS}; false for NaN. */
    static boolean compare(double value, String comparison, double threshold) {
        return switch (comparison) {
            case "<" -> value < threshold;
            case "<=" -> value <= threshold;
            case ">" -> value > threshold;
            default -> value >= threshold;
        };
    }

    /** Every condition of every scenario, in pack order. */
    List<Condition> conditions() {
        return scenarios.stream().flatMap(s -> s.conditions().stream()).toList();
    }

    /**
     * One scenario.
     *
     * @param id e.g. {@code A}
     * @param name e.g. {@code Volatility normalisation, shallow recovery}
     * @param description what the scenario means, in a sentence or two
     * @param prior its prior weight (&gt; 0; the priors are normalised to sum to 1)
     * @param conditions the evidence that speaks for or against it
     * @param shocks the fractional move per role over the horizon (e.g. {@code btc: -0.03})
     * @param cascade the roles whose (negative) move the liquidation-cascade model amplifies
     */
    record Scenario(String id, String name, String description, Double prior, List<Condition> conditions,
            Map<String, Double> shocks, List<String> cascade) {
        Scenario {
            JsonValueException.id("id", id);
            JsonValueException.text("name", name);
            JsonValueException.text("description", description);
            JsonValueException.real("prior", prior, 1e-6, 1e6);
            conditions = JsonValueException.nonEmpty("conditions", conditions);
            JsonValueException.required("shocks", shocks, "a JSON object of role: fractional move");
            Map<String, Double> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : shocks.entrySet()) {
                JsonValueException.role("shocks." + e.getKey(), e.getKey());
                copy.put(e.getKey(), JsonValueException.real("shocks." + e.getKey(), e.getValue(), -0.99, 10));
            }
            shocks = java.util.Collections.unmodifiableMap(copy);
            cascade = cascade == null ? List.of() : List.copyOf(cascade);
            for (int i = 0; i < cascade.size(); i++) {
                String r = JsonValueException.role("cascade[" + i + "]", cascade.get(i));
                if (cascade.subList(0, i).contains(r)) {
                    // amplified twice, the role's fall would be run through the model twice
                    throw new JsonValueException("cascade[" + i + "]", "a role not already in cascade", r);
                }
                Double move = shocks.get(r);
                if (move == null || move >= 0) {
                    throw new JsonValueException("cascade[" + i + "]", "a role with a negative move in shocks", r);
                }
                if (move < -0.9) {
                    throw new JsonValueException("shocks." + r, "a fall of at most 90% for a role the cascade amplifies",
                            move);
                }
            }
        }
    }

    /**
     * The pack's outcome rule: each past day is labelled with the scenario of the first rule whose
     * tests all hold over the next {@code horizonBars} bars of the calendar role; the last rule has
     * no tests (every other day), so each day with the data has exactly one outcome.
     *
     * @param horizonBars how many bars of the calendar role the outcome looks ahead
     * @param rules the rules, in order
     */
    record Outcome(Integer horizonBars, List<OutcomeRule> rules) {
        Outcome {
            JsonValueException.whole("horizonBars", horizonBars, 1, 260);
            rules = JsonValueException.nonEmpty("rules", rules);
            for (int i = 0; i < rules.size(); i++) {
                boolean last = i == rules.size() - 1;
                if (last != rules.get(i).when().isEmpty()) {
                    throw new JsonValueException("rules[" + i + "].when", last
                            ? "no tests in the last rule (it labels every other day)"
                            : "at least one test (a rule without tests labels every day, so only the last may have none)",
                            rules.get(i).when().size() + " tests");
                }
            }
        }

        /** The roles the tests read. */
        Set<String> roles() {
            Set<String> out = new java.util.LinkedHashSet<>();
            rules.forEach(r -> r.when().forEach(t -> out.add(t.role())));
            return out;
        }

        /** The rule in one line: {@code over the next 20 bars: B if ...; else A}. */
        String describe() {
            StringBuilder b = new StringBuilder("over the next " + horizonBars + " trading days: ");
            for (int i = 0; i < rules.size(); i++) {
                OutcomeRule r = rules.get(i);
                b.append(i == 0 ? "" : "; else ").append(r.scenario());
                if (!r.when().isEmpty()) {
                    b.append(" if ").append(r.text());
                }
            }
            return b.toString();
        }
    }

    /**
     * One rule of the outcome.
     *
     * @param scenario the scenario a day is labelled with when every test holds
     * @param text the rule in words, e.g. {@code the S&P 500 closes 5% or more below the day's close}
     * @param when the tests, all of which must hold; none in the last rule
     */
    record OutcomeRule(String scenario, String text, List<OutcomeTest> when) {
        OutcomeRule {
            JsonValueException.id("scenario", scenario);
            JsonValueException.text("text", text);
            when = when == null ? List.of() : List.copyOf(when);
        }
    }

    /**
     * One test of an outcome rule: a measure of a role over the horizon against a threshold.
     *
     * @param role the role, e.g. {@code spx}
     * @param measure {@code return} (the last bar of the horizon over the day's value, minus 1),
     *        {@code lowest-return} and {@code highest-return} (the lowest or highest value on a bar
     *        of the horizon over the day's value, minus 1) or {@code change} (the last value minus
     *        the day's, in the series' own unit: percentage points for a yield)
     * @param comparison one of {@code <, <=, >, >=}
     * @param threshold the level
     */
    record OutcomeTest(String role, String measure, String comparison, Double threshold) {
        static final List<String> MEASURES = List.of("return", "lowest-return", "highest-return", "change");

        OutcomeTest {
            JsonValueException.role("role", role);
            JsonValueException.oneOf("measure", measure, MEASURES);
            JsonValueException.oneOf("comparison", comparison, COMPARISONS);
            JsonValueException.real("threshold", threshold, -1e6, 1e6);
        }

        /** Whether {@code value} passes; NaN never does. */
        boolean holds(double value) {
            return compare(value, comparison, threshold);
        }
    }

    /**
     * What a condition or feature measures: an indicator over inputs, read as of the day,
     * optionally as its change over {@code change.bars} bars, times {@code scale}, and its absolute
     * value when {@code abs}.
     */
    interface Measured {
        String indicator();

        Map<String, Double> params();

        List<String> inputs();

        Change change();

        Double scale();

        Boolean abs();
    }

    /**
     * A change over bars: {@code difference} is {@code v(t) - v(t-bars)}, {@code ratio} is
     * {@code v(t) / v(t-bars) - 1}.
     */
    record Change(Integer bars, String kind) {
        Change {
            JsonValueException.whole("bars", bars, 1, 1000);
            JsonValueException.oneOf("kind", kind, List.of("difference", "ratio"));
        }
    }

    /**
     * One condition: MET when {@code value comparison threshold}.
     *
     * @param likelihood the factor on each scenario's odds when MET (absent scenarios: 1)
     * @param ifNotMet the factor when NOT_MET; absent scenarios take the reciprocal of their likelihood
     */
    record Condition(String id, String text, String indicator, Map<String, Double> params, List<String> inputs,
            Change change, Double scale, Boolean abs, String comparison, Double threshold,
            Map<String, Double> likelihood, Map<String, Double> ifNotMet) implements Measured {
        Condition {
            JsonValueException.id("id", id);
            JsonValueException.text("text", text);
            JsonValueException.id("indicator", indicator);
            params = params == null ? Map.of() : Map.copyOf(params);
            inputs = JsonValueException.nonEmpty("inputs", inputs);
            scale = scale == null ? 1.0 : JsonValueException.real("scale", scale, -1e6, 1e6);
            abs = abs != null && abs;
            JsonValueException.oneOf("comparison", comparison, COMPARISONS);
            JsonValueException.required("threshold", threshold, "a number");
            if (!Double.isFinite(threshold)) {
                throw new JsonValueException("threshold", "a finite number", threshold);
            }
            JsonValueException.required("likelihood", likelihood, "a JSON object of scenario id: likelihood ratio when MET");
            likelihood = JsonValueException.ratios("likelihood", likelihood);
            if (likelihood.isEmpty()) {
                throw new JsonValueException("likelihood", "at least one scenario's likelihood ratio", "{}");
            }
            ifNotMet = JsonValueException.ratios("ifNotMet", ifNotMet);
        }

        /** Whether a value meets the condition. */
        boolean met(double value) {
            return compare(value, comparison, threshold);
        }

        /** The factor on scenario {@code s}'s odds when MET. */
        double factorIfMet(String s) {
            return likelihood.getOrDefault(s, 1.0);
        }

        /** The factor on scenario {@code s}'s odds when NOT_MET. */
        double factorIfNotMet(String s) {
            Double f = ifNotMet.get(s);
            return f != null ? f : 1 / factorIfMet(s);
        }
    }

    /**
     * The historical-analogue set-up.
     *
     * @param calendarRole the role whose bars count trading days (e.g. {@code spx})
     * @param horizonBars how many of its bars ahead "what happened next" looks
     * @param next the roles whose forward return is reported
     * @param features the state vector's features
     * @param episodes named past episodes: without a library, the analogues themselves; with one,
     *        the names given to the library's episodes that span their day (optional then)
     * @param library where the analogues come from when they are found in the data, or
     *        {@code null} for the named episodes alone
     */
    record Analogues(String calendarRole, Integer horizonBars, List<String> next, List<Feature> features,
            List<Episode> episodes, Library library) {
        Analogues {
            JsonValueException.role("calendarRole", calendarRole);
            JsonValueException.whole("horizonBars", horizonBars, 1, 500);
            next = JsonValueException.nonEmpty("next", next);
            for (int i = 0; i < next.size(); i++) {
                JsonValueException.role("next[" + i + "]", next.get(i));
            }
            features = JsonValueException.nonEmpty("features", features);
            episodes = library == null ? JsonValueException.nonEmpty("episodes", episodes)
                    : episodes == null ? List.of() : List.copyOf(episodes);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < features.size(); i++) {
                if (!ids.add(features.get(i).id())) {
                    throw new JsonValueException("features[" + i + "].id", "an id not used by another feature",
                            features.get(i).id());
                }
            }
        }
    }

    /**
     * The analogues found in the stored history ({@link EpisodeLibrary}).
     *
     * @param drawdowns the rules that find episodes, each a role falling beyond a depth from its high
     * @param excludeDays episodes still running on the day, or that ended fewer than this many
     *        calendar days before it, are left out: they are the present, not history (default 60)
     * @param show how many of the nearest are reported (default 8)
     */
    record Library(List<DrawdownRule> drawdowns, Integer excludeDays, Integer show) {
        Library {
            drawdowns = JsonValueException.nonEmpty("drawdowns", drawdowns);
            excludeDays = excludeDays == null ? 60 : JsonValueException.whole("excludeDays", excludeDays, 0, 3660);
            show = show == null ? 8 : JsonValueException.whole("show", show, 1, 100);
        }
    }

    /**
     * A rule of the library: every run of bars on which {@code role} is at least {@code depth}
     * below its high over {@code window} bars is an episode.
     *
     * @param role the role, e.g. {@code spx}
     * @param window the bars over which the high is taken (the {@code drawdown} indicator's window)
     * @param depth the fall from that high, a positive fraction, e.g. {@code 0.07}
     */
    record DrawdownRule(String role, Integer window, Double depth) {
        DrawdownRule {
            JsonValueException.role("role", role);
            JsonValueException.whole("window", window, 2, 5000);
            JsonValueException.real("depth", depth, 0.001, 0.99);
        }
    }

    /** One feature of the state vector. */
    record Feature(String id, String text, String indicator, Map<String, Double> params, List<String> inputs,
            Change change, Double scale, Boolean abs) implements Measured {
        Feature {
            JsonValueException.id("id", id);
            JsonValueException.text("text", text);
            JsonValueException.id("indicator", indicator);
            params = params == null ? Map.of() : Map.copyOf(params);
            inputs = JsonValueException.nonEmpty("inputs", inputs);
            scale = scale == null ? 1.0 : JsonValueException.real("scale", scale, -1e6, 1e6);
            abs = abs != null && abs;
        }
    }

    /** A past episode: a day and its name. */
    record Episode(String date, String name) {
        Episode {
            JsonValueException.required("date", date, "a date YYYY-MM-DD");
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new JsonValueException("date", "a date YYYY-MM-DD", date);
            }
            JsonValueException.text("name", name);
        }

        LocalDate day() {
            return LocalDate.parse(date);
        }
    }
}
