package io.tideline.engine;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.indicator.CorrelationQuery;
import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.api.indicator.ParameterSpec;
import io.tideline.api.series.Timeframe;
import io.tideline.api.series.Times;
import io.tideline.api.store.StoreException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code indicator} command: {@code indicator list | indicator compute ID INPUT... [--param
 * NAME=VALUE]... [--from T] [--to T] [--timeframe 1d|1w] [--tail N] [--timeout SECONDS] |
 * indicator matrix INPUT INPUT... [--window N] [--at TIME]}. An input is a role (us10y, btc, ...)
 * or a series id; several inputs are joined on common timestamps (see {@link Aligned}). A thin
 * command over {@link EngineDesk}.
 */
@Component(service = Command.class)
public final class IndicatorCommand implements Command {

    private final EngineDesk engine;

    /** Activated by SCR with the running engine; tests pass an {@link EngineComponent} of their own. */
    @Activate
    public IndicatorCommand(@Reference EngineDesk engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "indicator";
    }

    @Override
    public String summary() {
        return "list the installed indicators, or compute one over stored series";
    }

    @Override
    public String usage() {
        return "indicator list | indicator compute ID INPUT... [--param NAME=VALUE]... [--from TIME] [--to TIME]"
                + " [--timeframe 1d|1w] [--tail N] [--timeout SECONDS] | indicator matrix INPUT INPUT... [--window N]"
                + " [--at TIME]   (INPUT: a role or a series id)";
    }

    @Override
    public int run(CommandRequest request) {
        List<String> args = request.args();
        if (args.equals(List.of("list"))) {
            list(request.out());
            return OK;
        }
        if (args.size() >= 3 && args.get(0).equals("matrix")) {
            try {
                return matrix(args.subList(1, args.size()), request);
            } catch (IllegalArgumentException e) {
                request.err().println("indicator: " + e.getMessage());
                return USAGE;
            }
        }
        if (args.size() >= 2 && args.get(0).equals("compute")) {
            try {
                return compute(args.subList(1, args.size()), request);
            } catch (IllegalArgumentException e) {
                request.err().println("indicator: " + e.getMessage());
                return USAGE;
            }
        }
        request.err().println("usage: " + usage());
        return USAGE;
    }

    private void list(PrintStream out) {
        for (Indicator i : engine.indicators().values()) {
            IndicatorSpec s = i.spec();
            out.printf("%-22s %s; inputs %s; from %s; output in %s%n", s.id(), s.name(), s.inputs(),
                    engine.provider(s.id()), s.outputUnit());
            for (ParameterSpec p : s.parameters()) {
                out.printf("    %-16s default %s in [%s, %s]: %s%n", p.name(), num(p.defaultValue()), num(p.min()),
                        num(p.max()), p.description());
            }
        }
        out.println(engine.indicators().size() + " indicators");
    }

    private int compute(List<String> args, CommandRequest request) {
        String id = args.get(0);
        List<String> inputs = new ArrayList<>();
        Map<String, Double> params = new HashMap<>();
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        Timeframe timeframe = null;
        int tail = Integer.MAX_VALUE;
        Duration timeout = Duration.ofSeconds(30);
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                inputs.add(a);
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "--param" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--param needs NAME=VALUE, got '" + v + "'");
                    }
                    params.put(v.substring(0, eq), Double.parseDouble(v.substring(eq + 1)));
                }
                case "--from" -> from = Times.parse(v);
                case "--to" -> to = Times.parseEnd(v);
                case "--timeframe" -> timeframe = Timeframe.parse(v);
                case "--tail" -> tail = Integer.parseInt(v);
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(v));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        Indicator indicator = engine.indicators().get(id);
        if (indicator == null) {
            request.err().println("indicator: no indicator '" + id + "' is installed; installed: "
                    + String.join(", ", engine.indicators().keySet()));
            return FAILED;
        }
        Evaluator.NodeResult result = engine.compute(new IndicatorNode(id, id, params, inputs), from, to, timeframe,
                timeout);
        if (result.failed()) {
            request.err().println("indicator " + id + ": " + result.error());
            return FAILED;
        }
        PrintStream out = request.out();
        out.println("time," + id);
        int start = Math.max(0, result.times().length - tail);
        int empty = 0;
        for (int i = start; i < result.times().length; i++) {
            double v = result.values()[i];
            empty += Double.isNaN(v) ? 1 : 0;
            out.println(Instant.ofEpochMilli(result.times()[i]) + "," + (Double.isNaN(v) ? "" : csv(v)));
        }
        request.err().println(summary(result.times().length - start, result.times().length, inputs,
                indicator.spec().outputUnit(), empty));
        return OK;
    }

    /**
     * {@code indicator matrix INPUT INPUT... [--window N] [--at TIME]}: the desk's correlation
     * ({@link Correlations}: daily changes by series kind, each pair joined on its own common UTC
     * days) of every pair, as of the last common day at or before TIME (default: the latest); the
     * same number as the heatmap's cell and the last point of its sparkline.
     */
    private int matrix(List<String> args, CommandRequest request) {
        List<String> inputs = new ArrayList<>();
        int window = 30;
        long at = Long.MAX_VALUE;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--window") && i + 1 < args.size()) {
                String v = args.get(++i);
                try {
                    window = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    window = 0;
                }
                if (window < 2) {
                    throw new IllegalArgumentException("--window needs a whole number of days, at least 2, got '"
                            + v + "'");
                }
            } else if (a.equals("--at") && i + 1 < args.size()) {
                at = Times.parseEnd(args.get(++i));
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a + " (matrix takes --window N and --at TIME)");
            } else {
                inputs.add(a);
            }
        }
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("matrix needs at least two inputs");
        }
        // An input that names nothing fails every pair it is in, once, with its reason.
        String[] unknown = new String[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            try {
                engine.resolve(inputs.get(i));
            } catch (IllegalArgumentException e) {
                unknown[i] = "input " + inputs.get(i) + ": " + e.getMessage();
            }
        }
        String[][] cells = new String[inputs.size()][inputs.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            cells[i][i] = "1";
            for (int j = i + 1; j < inputs.size(); j++) {
                String pair = inputs.get(i) + "/" + inputs.get(j);
                String cell;
                if (unknown[i] != null || unknown[j] != null) {
                    cell = "error";
                    problems.add(pair + ": " + (unknown[i] != null ? unknown[i] : unknown[j]));
                } else {
                    try {
                        CorrelationQuery q = new CorrelationQuery(inputs.get(i), inputs.get(j), window, 1, at);
                        double v = engine.correlate(q).last();
                        cell = Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v);
                    } catch (StoreException | RuntimeException e) {
                        cell = "error";
                        problems.add(pair + ": " + e.getMessage());
                    }
                }
                cells[i][j] = cell;
                cells[j][i] = cell;
            }
        }
        PrintStream out = request.out();
        int width = Math.max(8, inputs.stream().mapToInt(String::length).max().orElse(8));
        out.printf("%-" + width + "s", "");
        inputs.forEach(in -> out.printf(" %" + width + "s", in));
        out.println();
        for (int i = 0; i < inputs.size(); i++) {
            out.printf("%-" + width + "s", inputs.get(i));
            for (int j = 0; j < inputs.size(); j++) {
                out.printf(" %" + width + "s", cells[i][j]);
            }
            out.println();
        }
        problems.forEach(p -> request.err().println("indicator matrix: " + p));
        request.err().println("correlation of daily changes (log returns for prices and levels, differences for"
                + " yields, spreads, rates and flows) over the last " + window + " common days of each pair"
                + (at == Long.MAX_VALUE ? "" : ", as of the last common day at or before " + Instant.ofEpochMilli(at)));
        return problems.isEmpty() ? OK : FAILED;
    }

    private static final MathContext SIGNIFICANT = new MathContext(12);

    /**
     * A computed value for the CSV: 12 significant digits, trailing zeros dropped, so a reader
     * gets every digit that means something and no float noise (0.30000000000000004 is 0.3).
     */
    static String csv(double v) {
        if (v == 0 || Double.isInfinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        return new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /**
     * The line under {@code indicator compute}'s values: how many rows from how many bars, the
     * values' unit, and only when some are empty, how many and why.
     */
    static String summary(int rows, int bars, List<String> inputs, String unit, int empty) {
        String shown = rows == bars ? bars + " bars" : rows + " of " + bars + " bars";
        String why = empty == 0 ? "" : "; " + empty + (empty == 1 ? " value is" : " values are")
                + " empty: the window held too few valid points there";
        return shown + " from " + String.join(", ", inputs) + "; values in " + unit + why;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
