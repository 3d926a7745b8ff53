package io.tideline.engine;

import io.tideline.api.indicator.CorrelationCurve;
import io.tideline.api.indicator.CorrelationQuery;
import io.tideline.api.indicator.Correlations;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.LiveIndicators;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.workspace.Roles;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.api.indicator.ParameterSpec;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Resampler;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.series.Times;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.workspace.RoleBindings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link IndicatorEngine} service over the installed indicators (built-in and plugins, which
 * come and go with their bundles) and the stored series, keeping live graphs up to date from the
 * store's EventAdmin notices; and the {@code indicator} command: {@code indicator list |
 * indicator compute ID INPUT... [--param NAME=VALUE]... [--from T] [--to T] [--timeframe 1d|1w]
 * [--tail N] [--timeout SECONDS] | indicator matrix INPUT INPUT... [--window N] [--at TIME]}. An
 * input is a role (us10y, btc, ...) or a series id; several inputs are joined on common timestamps
 * (see {@link Aligned}). Also the desk's one {@link Correlations} ({@link DailyCorrelation}), which
 * {@code indicator matrix} prints.
 */
@Component(service = {IndicatorEngine.class, Correlations.class, Command.class, EventHandler.class},
        property = {EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_APPENDED,
            EventConstants.EVENT_TOPIC + "=" + SeriesEvents.TOPIC_DELETED,
            EventConstants.EVENT_TOPIC + "=" + Roles.TOPIC_CHANGED})
public final class EngineComponent implements IndicatorEngine, Correlations, Command, EventHandler {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final Set<LiveGraph> live = new CopyOnWriteArraySet<>();

    private final Map<String, Indicator> indicators = new ConcurrentSkipListMap<>();
    private final Map<String, String> providers = new ConcurrentSkipListMap<>();

    @Reference
    private SeriesStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RoleBindings roles;

    private ExecutorService executor;

    /** For DS. */
    public EngineComponent() {
    }

    /**
     * Outside DS, for the tests of this bundle and of the views that show its numbers: over
     * {@code store}, resolving roles with {@code roles} (null: series ids only). Only the
     * correlations and the {@code indicator matrix} command work before {@link #activate}.
     */
    public EngineComponent(SeriesStore store, RoleBindings roles) {
        this.store = store;
        this.roles = roles;
    }

    @Activate
    void activate() {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tideline-indicator");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(Indicator indicator, ServiceReference<Indicator> ref) {
        indicators.put(indicator.spec().id(), indicator);
        providers.put(indicator.spec().id(), ref.getBundle().getSymbolicName());
    }

    void removeIndicator(Indicator indicator) {
        indicators.remove(indicator.spec().id(), indicator);
    }

    @Override
    public Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long fromMillis, long toMillis) {
        Evaluator evaluator = new Evaluator(indicators::get, input -> read(input, fromMillis, toMillis, null), executor,
                LIMIT);
        Map<String, IndicatorResult> out = new LinkedHashMap<>();
        evaluator.evaluate(IndicatorGraph.of(nodes)).forEach((name, r) -> out.put(name, r.failed()
                ? new IndicatorResult(name, SeriesData.empty(), r.error())
                : new IndicatorResult(name, SeriesData.ofValues(r.times(), r.values()), null)));
        return out;
    }

    @Override
    public LiveIndicators live(List<IndicatorNode> nodes) {
        LiveGraph[] self = new LiveGraph[1];
        self[0] = new LiveGraph(IndicatorGraph.of(nodes), indicators::get, this::resolve,
                (id, from, to) -> store.read(id, from, to), executor, LIMIT, () -> live.remove(self[0]));
        live.add(self[0]);
        return self[0];
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().equals(SeriesEvents.TOPIC_APPENDED)) {
            SeriesId series = SeriesId.parse((String) event.getProperty(SeriesEvents.SERIES));
            long from = (Long) event.getProperty(SeriesEvents.FROM);
            long to = (Long) event.getProperty(SeriesEvents.TO);
            for (LiveGraph g : live) {
                if (g.reads(series)) {
                    g.appended(series, from, to);
                }
            }
        } else {
            // A role now names another series, or a series is gone: start over.
            live.forEach(LiveGraph::recomputeAll);
        }
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
        for (Indicator i : indicators.values()) {
            IndicatorSpec s = i.spec();
            out.printf("%-22s %s; inputs %s; from %s; output in %s%n", s.id(), s.name(), s.inputs(),
                    providers.get(s.id()), s.outputUnit());
            for (ParameterSpec p : s.parameters()) {
                out.printf("    %-16s default %s in [%s, %s]: %s%n", p.name(), num(p.defaultValue()), num(p.min()),
                        num(p.max()), p.description());
            }
        }
        out.println(indicators.size() + " indicators");
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
        Indicator indicator = indicators.get(id);
        if (indicator == null) {
            request.err().println("indicator: no indicator '" + id + "' is installed; installed: "
                    + String.join(", ", indicators.keySet()));
            return FAILED;
        }
        long f = from;
        long t = to;
        Timeframe tf = timeframe;
        Evaluator evaluator = new Evaluator(indicators::get, input -> read(input, f, t, tf), executor, timeout);
        IndicatorGraph graph = IndicatorGraph.of(List.of(new IndicatorNode(id, id, params, inputs)));
        Evaluator.NodeResult result = evaluator.evaluate(graph).get(id);
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
                resolve(inputs.get(i));
            } catch (IllegalArgumentException e) {
                unknown[i] = "input " + inputs.get(i) + ": " + e.getMessage();
            }
        }
        DailyCorrelation correlations = new DailyCorrelation(store, this::resolve);
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
                        double v = correlations.correlate(q).last();
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

    @Override
    public CorrelationCurve correlate(CorrelationQuery query) throws StoreException {
        return new DailyCorrelation(store, this::resolve).correlate(query);
    }

    /** The series id the input is, or its role's series, by the one rule of {@link RoleBindings#resolve}. */
    private SeriesId resolve(String input) {
        RoleBindings r = roles;
        Optional<SeriesId> id = r == null ? RoleBindings.seriesId(input) : r.resolve(input);
        return id.orElseThrow(() -> new IllegalArgumentException("'" + input + "' is neither a bound role nor a"
                + " series id: no series is bound to role " + input + " (roles set " + input + " SOURCE:SYMBOL"
                + (Roles.known().containsKey(input) ? "" : " --new") + ")"));
    }

    /** A role or series id, read from the store as its primary column. */
    private Aligned read(String input, long from, long to, Timeframe timeframe) throws Exception {
        return primary(store.read(resolve(input), from, to), timeframe);
    }

    /**
     * The column an indicator reads from {@code data}: its primary one (the close of OHLC bars),
     * on bars of {@code timeframe} when one is given, by the same {@link Resampler} the charts
     * use, so a weekly indicator value and a weekly candle cover the same ISO week.
     */
    static Aligned primary(SeriesData data, Timeframe timeframe) {
        SeriesData bars = timeframe == null ? data : Resampler.resample(data, timeframe);
        return new Aligned(bars.copyTimes(), new double[][] {bars.copyColumn(bars.primary())});
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
