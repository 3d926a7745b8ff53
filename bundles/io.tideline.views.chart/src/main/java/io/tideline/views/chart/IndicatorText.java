package io.tideline.views.chart;

import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the chart's {@code indicators} setting: entries separated by {@code ;}, each
 * {@code id(args):inputs}, e.g. {@code sma(50):btc} or {@code correlation(window=60):btc+spx}.
 * Arguments are positional (in the indicator's declared parameter order) or {@code name=value};
 * inputs are roles, series ids or earlier entries' names, joined with {@code +}.
 */
final class IndicatorText {

    /** One parsed entry. */
    record Entry(IndicatorNode node, IndicatorSpec spec) {
        /** Whether the output is in its input's unit (a moving average): drawn over the price. */
        boolean overlay() {
            return spec != null && "input unit".equals(spec.outputUnit());
        }
    }

    /** The entries that parsed and a message for each that did not. */
    record Parsed(List<Entry> entries, List<String> errors) {
    }

    private static final Pattern ENTRY = Pattern.compile("\\s*([A-Za-z0-9_.-]+)\\s*(?:\\(([^)]*)\\))?\\s*:\\s*(\\S.*?)\\s*");

    private IndicatorText() {
    }

    static Parsed parse(String text, Function<String, Optional<IndicatorSpec>> specs) {
        List<Entry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Parsed(entries, errors);
        }
        int index = 0;
        for (String raw : text.split(";")) {
            index++;
            if (raw.isBlank()) {
                continue;
            }
            Matcher m = ENTRY.matcher(raw);
            if (!m.matches()) {
                errors.add("indicators entry " + index + " '" + raw.trim()
                        + "' is not of the form id(args):inputs, e.g. sma(50):btc");
                continue;
            }
            String id = m.group(1);
            IndicatorSpec spec = specs.apply(id).orElse(null);
            Map<String, Double> params = new LinkedHashMap<>();
            String args = m.group(2);
            String error = null;
            if (args != null && !args.isBlank()) {
                String[] parts = args.split(",");
                for (int p = 0; p < parts.length && error == null; p++) {
                    String a = parts[p].trim();
                    int eq = a.indexOf('=');
                    String name;
                    String value;
                    if (eq > 0) {
                        name = a.substring(0, eq).trim();
                        value = a.substring(eq + 1).trim();
                    } else if (spec == null) {
                        error = "indicator '" + id + "' is not installed, so positional argument " + (p + 1)
                                + " cannot be named; write name=value";
                        break;
                    } else if (p >= spec.parameters().size()) {
                        error = "indicator '" + id + "' takes " + spec.parameters().size() + " parameters, got " + parts.length;
                        break;
                    } else {
                        name = spec.parameters().get(p).name();
                        value = a;
                    }
                    try {
                        params.put(name, Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        error = "indicator '" + id + "' parameter " + name + ": '" + value + "' is not a number";
                    }
                }
            }
            if (error != null) {
                errors.add(error);
                continue;
            }
            List<String> inputs = new ArrayList<>();
            for (String in : m.group(3).split("\\+")) {
                if (!in.isBlank()) {
                    inputs.add(in.trim());
                }
            }
            String name = raw.trim().replaceAll("\\s+", "");
            entries.add(new Entry(new IndicatorNode(name, id, params, inputs), spec));
        }
        return new Parsed(entries, errors);
    }
}
