package io.tideline.views.chart;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.indicator.IndicatorSpec;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.indicators.LeadershipRatio;
import io.tideline.indicators.LiquidationFlush;
import io.tideline.indicators.LiquidationSqueeze;
import io.tideline.indicators.Sma;
import io.tideline.indicators.ZScoreChange;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@link ChartData} for tests: roles bound to series held in memory (the sample CSVs of
 * the sample workspace in the repository), indicators computed with the real indicator classes on the inputs'
 * common timestamps, and a stand-in checklist whose regime is "volatility event" on days BTC is
 * more than 15% below its close 20 bars earlier.
 */
final class TestData implements ChartData {

    static final Path DATA = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();
    /** The name the sample's workspace.json gives CME open interest, which titles the crypto view's pane. */
    static final String CME_OI_NAME = "CME Bitcoin futures open interest (CFTC)";
    private static final Map<String, Indicator> INDICATORS = new HashMap<>();

    static {
        for (Indicator i : List.of(new Sma(), new ZScoreChange(), new LeadershipRatio(), new LiquidationFlush(),
                new LiquidationSqueeze())) {
            INDICATORS.put(i.spec().id(), i);
        }
    }

    // Read by loads on the executor while a test appends bars or unbinds roles on the UI thread.
    final Map<String, SeriesId> roles = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<SeriesId, SeriesData> series = new java.util.concurrent.ConcurrentHashMap<>();
    final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    final ExecutorService executor = Executors.newFixedThreadPool(2);
    volatile boolean engine = true;
    /** Whether the store and role bindings "run"; false shows the views' "Loading…". */
    volatile boolean ready = true;
    /** Units and kinds as the sample's workspace.json declares them (timeframe 1d unless said). */
    final Map<SeriesId, SeriesDescriptor> descriptors = new java.util.concurrent.ConcurrentHashMap<>();

    /** The workspace's date; null for the newest data. */
    volatile io.tideline.api.workspace.WorkspaceDate.Pinned pinned;

    @Override
    public Optional<io.tideline.api.workspace.WorkspaceDate.Pinned> pinned() {
        return Optional.ofNullable(pinned);
    }

    /** Pins (null: unpins) the workspace and tells the listeners, as the as-of date's event does. */
    void pin(io.tideline.api.workspace.WorkspaceDate.Pinned p) {
        pinned = p;
        notifyRolesChanged();
    }

    /** Declares the unit and kind of the series bound to {@code role}, as a store's descriptor would. */
    TestData describe(String role, String unit, SeriesKind kind, Timeframe tf) {
        return describe(role, role, unit, kind, tf);
    }

    /** Declares the name, unit and kind of the series bound to {@code role}. */
    TestData describe(String role, String name, String unit, SeriesKind kind, Timeframe tf) {
        SeriesId id = roles.get(role);
        descriptors.put(id, new SeriesDescriptor(id, name, unit, kind, AssetClass.CRYPTO, tf));
        return this;
    }

    TestData put(String role, String id, SeriesData data) {
        SeriesId sid = SeriesId.parse(id);
        roles.put(role, sid);
        series.put(sid, data);
        return this;
    }

    /**
     * Appends one bar, a day after the last, to the series bound to {@code role}: the close 1%
     * above the last close, open at the last close, high and low around them, volume repeated
     * (only the columns the series has). Listeners are not told: see {@link #notifyAppended}.
     *
     * @return the new bar's time
     */
    long append(String role) {
        SeriesData d = series.get(roles.get(role));
        return append(role, d.value(d.size() - 1) * 1.01);
    }

    /** Like {@link #append(String)}, with the given close (or value). */
    synchronized long append(String role, double close) {
        SeriesId id = roles.get(role);
        SeriesData d = series.get(id);
        int n = d.size();
        long t = d.lastTime() + 86_400_000L;
        long[] times = java.util.Arrays.copyOf(d.copyTimes(), n + 1);
        times[n] = t;
        double last = d.value(n - 1);
        Map<Field, double[]> cols = new EnumMap<>(Field.class);
        for (Field f : d.fields()) {
            double[] c = java.util.Arrays.copyOf(d.copyColumn(f), n + 1);
            c[n] = switch (f) {
                case OPEN -> last;
                case HIGH -> Math.max(last, close) * 1.005;
                case LOW -> Math.min(last, close) * 0.995;
                case VOLUME -> d.get(Field.VOLUME, n - 1);
                case CLOSE, VALUE -> close;
            };
            cols.put(f, c);
        }
        series.put(id, SeriesData.of(times, cols));
        return t;
    }

    /** Tells the listeners, as the store does, that bars of {@code role}'s series arrived. */
    void notifyAppended(String role) {
        String what = roles.get(role).toString();
        for (Consumer<String> l : listeners) {
            l.accept(what);
        }
    }

    /** Tells the listeners that role bindings changed, as the store does with "*". */
    void notifyRolesChanged() {
        for (Consumer<String> l : listeners) {
            l.accept("*");
        }
    }

    /** The sample workspace, as far as its files have it. */
    static TestData sample() throws IOException {
        TestData d = new TestData();
        d.put("btc", "binance:BTCUSDT", ohlcv("binance/BTCUSDT_1d.csv", 0, 1, 2, 3, 4, 5));
        d.put("spx", "yahoo:SPY", ohlcv("yahoo/SPY.csv", 0, 4, 2, 3, 1, 5));
        d.put("ndx", "yahoo:QQQ", ohlcv("yahoo/QQQ.csv", 0, 4, 2, 3, 1, 5));
        d.put("software", "yahoo:IGV", ohlcv("yahoo/IGV.csv", 0, 4, 2, 3, 1, 5));
        d.put("dollar", "yahoo:DXY", values("yahoo/DXY.csv", 1));
        d.put("us10y", "fred:DGS10", values("fred/DGS10.csv", 1));
        d.put("vix", "fred:VIXCLS", values("fred/VIXCLS.csv", 1));
        d.put("hy.spread", "fred:BAMLH0A0HYM2", values("fred/BAMLH0A0HYM2.csv", 1));
        d.put("btc.funding", "binance:BTCUSDT:funding", values("crypto/binance_btcusdt_funding_daily.csv", 1));
        // The sample has only a few days of liquidations: derive a plausible history from BTC's
        // daily moves (longs liquidated on down days, shorts on up days) so the markers have a month.
        SeriesData btc = d.series.get(SeriesId.parse("binance:BTCUSDT"));
        int n = btc.size();
        long[] t = btc.copyTimes();
        double[] longs = new double[n];
        double[] shorts = new double[n];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            double ret = i == 0 ? 0 : btc.value(i) / btc.value(i - 1) - 1;
            longs[i] = 2e7 * (1 + r.nextDouble()) * (1 + 2000 * Math.max(0, -ret) * Math.max(0, -ret));
            shorts[i] = 2e7 * (1 + r.nextDouble()) * (1 + 2000 * Math.max(0, ret) * Math.max(0, ret));
        }
        d.put("btc.liquidations.long", "test:BTCUSDT:liq-long", SeriesData.ofValues(t, longs));
        d.put("btc.liquidations.short", "test:BTCUSDT:liq-short", SeriesData.ofValues(t, shorts));
        d.describe("btc", "USDT", SeriesKind.PRICE, Timeframe.D1).describe("spx", "USD", SeriesKind.PRICE, Timeframe.D1)
                .describe("ndx", "USD", SeriesKind.PRICE, Timeframe.D1)
                .describe("software", "USD", SeriesKind.PRICE, Timeframe.D1)
                .describe("dollar", "index", SeriesKind.INDEX_LEVEL, Timeframe.D1)
                .describe("us10y", "%", SeriesKind.YIELD, Timeframe.D1)
                .describe("vix", "index", SeriesKind.VOLATILITY, Timeframe.D1)
                .describe("hy.spread", "%", SeriesKind.SPREAD, Timeframe.D1)
                .describe("btc.funding", "fraction per 8h", SeriesKind.RATE, Timeframe.D1)
                .describe("btc.liquidations.long", "USD", SeriesKind.FLOW, Timeframe.D1)
                .describe("btc.liquidations.short", "USD", SeriesKind.FLOW, Timeframe.D1);
        return d;
    }

    /**
     * The sample workspace as the real workbench shows it: like {@link #sample()}, plus CME futures
     * open interest ({@code btc.cme.oi}, no perpetual {@code btc.oi}) from the weekly CFTC report
     * (market 133741, to 2026-08-04) and the real
     * liquidations, which exist for nine days only (2026-07-30..2026-08-07, BTCUSDT summed over
     * exchanges); funding ends 2026-02-12. No range shows data in every pane at once.
     */
    static TestData workspace() throws IOException {
        TestData d = sample();
        java.util.TreeMap<Long, Double> oi = new java.util.TreeMap<>();
        List<String> cot = Files.readAllLines(DATA.resolve("crypto/cot-weekly.csv"));
        for (String line : cot.subList(1, cot.size())) {
            String[] f = line.split(",", -1);
            if (f[1].equals("133741")) {
                oi.put(time(f[0]), Double.parseDouble(f[3]));
            }
        }
        d.put("btc.cme.oi", "cftc:133741:oi", SeriesData.ofValues(oi.keySet().stream().mapToLong(Long::longValue).toArray(),
                oi.values().stream().mapToDouble(Double::doubleValue).toArray()));
        java.util.TreeMap<Long, double[]> liq = new java.util.TreeMap<>();
        List<String> rows = Files.readAllLines(DATA.resolve("crypto/liquidations-daily.csv"));
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",", -1);
            if (f[1].equals("BTCUSDT")) {
                double[] v = liq.computeIfAbsent(time(f[0]), k -> new double[2]);
                v[0] += Double.parseDouble(f[3]);
                v[1] += Double.parseDouble(f[4]);
            }
        }
        long[] lt = liq.keySet().stream().mapToLong(Long::longValue).toArray();
        d.put("btc.liquidations.long", "sample:BTCUSDT:liq.long",
                SeriesData.ofValues(lt, liq.values().stream().mapToDouble(v -> v[0]).toArray()));
        d.put("btc.liquidations.short", "sample:BTCUSDT:liq.short",
                SeriesData.ofValues(lt, liq.values().stream().mapToDouble(v -> v[1]).toArray()));
        d.describe("btc.cme.oi", CME_OI_NAME, "contracts", SeriesKind.COUNT, Timeframe.W1)
                .describe("btc.liquidations.long", "USD", SeriesKind.FLOW, Timeframe.D1)
                .describe("btc.liquidations.short", "USD", SeriesKind.FLOW, Timeframe.D1);
        return d;
    }

    private static long time(String text) {
        return text.contains("-") ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                : Long.parseLong(text);
    }

    static SeriesData ohlcv(String file, int tc, int o, int h, int l, int c, int v) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve(file));
        int n = lines.size() - 1;
        long[] t = new long[n];
        double[][] cols = new double[5][n];
        int k = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[c].isBlank()) {
                continue;
            }
            t[k] = time(f[tc]);
            int[] idx = {o, h, l, c, v};
            for (int j = 0; j < 5; j++) {
                cols[j][k] = Double.parseDouble(f[idx[j]]);
            }
            k++;
        }
        Map<Field, double[]> m = new EnumMap<>(Field.class);
        m.put(Field.OPEN, java.util.Arrays.copyOf(cols[0], k));
        m.put(Field.HIGH, java.util.Arrays.copyOf(cols[1], k));
        m.put(Field.LOW, java.util.Arrays.copyOf(cols[2], k));
        m.put(Field.CLOSE, java.util.Arrays.copyOf(cols[3], k));
        m.put(Field.VOLUME, java.util.Arrays.copyOf(cols[4], k));
        return SeriesData.of(java.util.Arrays.copyOf(t, k), m);
    }

    static SeriesData values(String file, int vc) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve(file));
        long[] t = new long[lines.size()];
        double[] v = new double[lines.size()];
        int k = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[vc].isBlank() || f[vc].equals(".")) {
                continue;
            }
            t[k] = time(f[0]);
            v[k++] = Double.parseDouble(f[vc]);
        }
        return SeriesData.ofValues(java.util.Arrays.copyOf(t, k), java.util.Arrays.copyOf(v, k));
    }

    @Override
    public Optional<SeriesId> resolve(String roleOrId) {
        // The runtime's rule (ServiceChartData), over the test's own bindings.
        return RoleBindings.seriesId(roleOrId).or(() -> Optional.ofNullable(roles.get(roleOrId)));
    }

    @Override
    public SeriesData read(SeriesId id) {
        return series.getOrDefault(id, SeriesData.empty());
    }

    @Override
    public Optional<Timeframe> timeframe(SeriesId id) {
        return Optional.of(descriptors.containsKey(id) ? descriptors.get(id).timeframe() : Timeframe.D1);
    }

    @Override
    public Optional<SeriesDescriptor> descriptor(SeriesId id) {
        return Optional.ofNullable(descriptors.get(id));
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public Optional<IndicatorSpec> indicator(String id) {
        return Optional.ofNullable(INDICATORS.get(id)).map(Indicator::spec);
    }

    @Override
    public Map<String, IndicatorResult> evaluate(List<IndicatorNode> nodes) {
        if (!engine) {
            throw new IllegalStateException("no indicator engine is running");
        }
        Map<String, IndicatorResult> out = new LinkedHashMap<>();
        for (IndicatorNode n : nodes) {
            List<SeriesData> inputs = new ArrayList<>();
            for (String in : n.inputs()) {
                inputs.add(resolve(in).map(this::read).orElse(SeriesData.empty()));
            }
            long[] times = inputs.get(0).copyTimes();
            for (SeriesData s : inputs.subList(1, inputs.size())) {
                long[] other = s.copyTimes();
                times = java.util.Arrays.stream(times).filter(x -> java.util.Arrays.binarySearch(other, x) >= 0).toArray();
            }
            double[][] cols = new double[inputs.size()][times.length];
            for (int k = 0; k < inputs.size(); k++) {
                long[] st = inputs.get(k).copyTimes();
                for (int i = 0; i < times.length; i++) {
                    cols[k][i] = inputs.get(k).value(java.util.Arrays.binarySearch(st, times[i]));
                }
            }
            IndicatorComputation c;
            try {
                c = INDICATORS.get(n.indicator()).start(n.params());
            } catch (IllegalArgumentException e) {
                // As the engine does: a node whose parameters are refused fails alone, with the reason.
                out.put(n.name(), new IndicatorResult(n.name(), SeriesData.empty(), "indicator " + n.indicator() + ": "
                        + e.getMessage()));
                continue;
            }
            double[] values = new double[times.length];
            c.append(times, cols, 0, times.length, values);
            out.put(n.name(), new IndicatorResult(n.name(), SeriesData.ofValues(times, values), null));
        }
        return out;
    }

    @Override
    public Optional<List<Verdict>> replay(LocalDate from, LocalDate to) {
        SeriesData btc = read(roles.get("btc"));
        long[] t = btc.copyTimes();
        List<Verdict> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int i = java.util.Arrays.binarySearch(t, d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            boolean stress = i >= 20 && btc.value(i) < 0.85 * btc.value(i - 20);
            out.add(new Verdict(d.toString(), stress ? Regime.VOLATILITY_EVENT : Regime.NORMAL, stress, stress ? 4 : 1,
                    stress ? Action.REDUCE : Action.WAIT, 1.0, List.of(), List.of(), List.of()));
        }
        return Optional.of(out);
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public void unlisten(Consumer<String> listener) {
        listeners.remove(listener);
    }
}
