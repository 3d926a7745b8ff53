package io.tideline.support.testing;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.IndicatorEngine;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.LiveIndicators;
import io.tideline.api.series.Resampler;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.indicators.CompressionWarning;
import io.tideline.indicators.Correlation;
import io.tideline.indicators.Drawdown;
import io.tideline.indicators.EwmaBeta;
import io.tideline.indicators.EwmaCorrelation;
import io.tideline.indicators.LeadershipRatio;
import io.tideline.indicators.OiPriceDivergence;
import io.tideline.indicators.RealizedVol;
import io.tideline.indicators.ReturnSigma;
import io.tideline.indicators.SimpleReturn;
import io.tideline.indicators.Sma;
import io.tideline.indicators.VolTargetExposure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An IndicatorEngine for the tests of the bundles that read indicators (the checklist, the
 * scenarios): role series held in memory, nodes evaluated in the given order with the real
 * indicator classes, inputs inner-joined on common timestamps and cut to {@code from..to} before
 * computing (so the cut is physical, not a read position); on bars of a timeframe when one is
 * given, aggregated by the {@link Resampler} as the real engine does. Also the RoleBindings of
 * the roles it holds. Shipped in this library's test-jar only; not thread-safe while being filled.
 */
public final class InMemoryEngine implements IndicatorEngine, RoleBindings {

    /** The sample data the distribution ships (the same files as the sample workspace). */
    public static final Path DATA = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();

    private static final Map<String, Indicator> INDICATORS = new HashMap<>();

    static {
        for (Indicator i : List.of(new Sma(), new SimpleReturn(), new Drawdown(), new RealizedVol(),
                new Correlation(), new LeadershipRatio(), new OiPriceDivergence(), new VolTargetExposure(),
                new ReturnSigma(), new EwmaCorrelation(), new EwmaBeta(), new CompressionWarning())) {
            INDICATORS.put(i.spec().id(), i);
        }
    }

    private record Series(long[] times, double[] values) {
    }

    private final Map<String, Series> roles = new HashMap<>();

    /** Binds a role to a series (ascending times); returns this engine. */
    public InMemoryEngine put(String role, long[] times, double[] values) {
        roles.put(role, new Series(times, values));
        return this;
    }

    /** A copy of this engine without the role. */
    public InMemoryEngine without(String role) {
        InMemoryEngine e = new InMemoryEngine();
        e.roles.putAll(roles);
        e.roles.remove(role);
        return e;
    }

    /** Whether the role is bound. */
    public boolean bound(String role) {
        return roles.containsKey(role);
    }

    @Override
    public Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long from, long to) {
        return evaluate(nodes, from, to, null);
    }

    @Override
    public Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes, long from, long to, Timeframe timeframe) {
        Map<String, Series> done = new HashMap<>();
        Map<String, IndicatorResult> out = new LinkedHashMap<>();
        for (IndicatorNode n : nodes) {
            List<Series> inputs = new ArrayList<>();
            String error = null;
            for (String in : n.inputs()) {
                Series s = done.containsKey(in) ? done.get(in) : roles.containsKey(in)
                        ? bars(cut(roles.get(in), from, to), timeframe) : null;
                if (s == null) {
                    error = "input " + in + " is neither a node nor a bound role";
                    break;
                }
                inputs.add(s);
            }
            if (error != null) {
                out.put(n.name(), new IndicatorResult(n.name(), SeriesData.empty(), error));
                continue;
            }
            long[] times = inputs.get(0).times();
            for (Series s : inputs.subList(1, inputs.size())) {
                times = Arrays.stream(times).filter(t -> Arrays.binarySearch(s.times(), t) >= 0).toArray();
            }
            double[][] cols = new double[inputs.size()][];
            for (int k = 0; k < inputs.size(); k++) {
                Series s = inputs.get(k);
                cols[k] = Arrays.stream(times).mapToDouble(t -> s.values()[Arrays.binarySearch(s.times(), t)]).toArray();
            }
            IndicatorComputation c = INDICATORS.get(n.indicator()).start(n.params());
            double[] values = new double[times.length];
            c.append(times, cols, 0, times.length, values);
            done.put(n.name(), new Series(times, values));
            out.put(n.name(), new IndicatorResult(n.name(), SeriesData.ofValues(times, values), null));
        }
        return out;
    }

    /** The series on bars of {@code timeframe} (the last value of each bucket), or as it is without one. */
    private static Series bars(Series s, Timeframe timeframe) {
        if (timeframe == null || s.times().length == 0) {
            return s;
        }
        SeriesData d = Resampler.resample(SeriesData.ofValues(s.times(), s.values()), timeframe);
        return new Series(d.copyTimes(), d.copyColumn(d.primary()));
    }

    private static Series cut(Series s, long from, long to) {
        int a = 0;
        while (a < s.times().length && s.times()[a] < from) {
            a++;
        }
        int b = a;
        while (b < s.times().length && s.times()[b] <= to) {
            b++;
        }
        return new Series(Arrays.copyOfRange(s.times(), a, b), Arrays.copyOfRange(s.values(), a, b));
    }

    @Override
    public LiveIndicators live(List<IndicatorNode> nodes) {
        throw new UnsupportedOperationException("not needed by the tests that use this engine");
    }

    // --- RoleBindings over the roles held ---

    @Override
    public Map<String, SeriesId> all() {
        Map<String, SeriesId> m = new TreeMap<>();
        roles.keySet().forEach(r -> m.put(r, SeriesId.parse("test:" + r)));
        return m;
    }

    @Override
    public Optional<SeriesId> get(String role) {
        return roles.containsKey(role) ? Optional.of(SeriesId.parse("test:" + role)) : Optional.empty();
    }

    @Override
    public void bind(String role, SeriesId series) {
        throw new UnsupportedOperationException("read-only in tests");
    }

    @Override
    public boolean unbind(String role) {
        throw new UnsupportedOperationException("read-only in tests");
    }

    // --- sample data ---

    /** The sample workspace's roles, from {@link #DATA}. */
    public static InMemoryEngine sample() throws IOException {
        InMemoryEngine e = new InMemoryEngine();
        e.load("us10y", "fred/DGS10.csv", 0, 1);
        e.load("us2y", "fred/DGS2.csv", 0, 1);
        e.load("vix", "fred/VIXCLS.csv", 0, 1);
        e.load("hy.spread", "fred/BAMLH0A0HYM2.csv", 0, 1);
        e.load("dollar", "yahoo/DXY.csv", 0, 1);
        e.load("spx", "yahoo/SPY.csv", 0, 1);
        e.load("ndx", "yahoo/QQQ.csv", 0, 1);
        e.load("software", "yahoo/IGV.csv", 0, 1);
        e.load("gold", "yahoo/GLD.csv", 0, 1);
        e.load("btc", "binance/BTCUSDT_1d.csv", 0, 4);
        e.load("eth", "binance/ETHUSDT_1d.csv", 0, 4);
        e.load("btc.funding", "crypto/binance_btcusdt_funding_daily.csv", 0, 1);
        return e;
    }

    /** Loads column {@code valueCol} against a date or epoch-ms column; empty values are skipped. */
    private void load(String role, String file, int timeCol, int valueCol) throws IOException {
        List<long[]> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        try (Stream<String> lines = Files.lines(DATA.resolve(file))) {
            lines.skip(1).forEach(line -> {
                String[] f = line.split(",", -1);
                if (f.length <= valueCol || f[valueCol].isBlank() || f[valueCol].equals(".")
                        || f[valueCol].equals("null")) {
                    return;
                }
                String ts = f[timeCol];
                long time = ts.contains("-") ? LocalDate.parse(ts).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                        : Long.parseLong(ts);
                t.add(new long[] {time});
                v.add(Double.parseDouble(f[valueCol]));
            });
        }
        put(role, t.stream().mapToLong(a -> a[0]).toArray(), v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
