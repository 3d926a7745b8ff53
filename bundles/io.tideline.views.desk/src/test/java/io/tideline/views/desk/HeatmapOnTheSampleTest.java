package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.api.command.CommandRequest;
import io.tideline.api.desk.CorrelationMatrix;
import io.tideline.api.desk.Curve;
import io.tideline.api.indicator.CorrelationQuery;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.desk.DeskComponent;
import io.tideline.engine.EngineComponent;
import io.tideline.store.derby.ChunkedSeriesStore;
import io.tideline.views.desk.heatmap.HeatmapLayout;
import io.tideline.views.desk.heatmap.HeatmapView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/**
 * The heatmap's numbers on the shipped sample, in the real store (embedded Derby on disk) with
 * the real engine behind {@link DeskComponent}: a cell, the last point of its sparkline and
 * {@code indicator matrix} are one number, the one commons-math gives on the daily changes built
 * by hand; the view paints those numbers (screenshot {@code target/screenshots/heatmap-sample.png}).
 */
class HeatmapOnTheSampleTest {

    private static final Path SAMPLE = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();
    private static final LocalDate PINNED = LocalDate.of(2026, 2, 6);
    private static final String ROLES = "us10y,spx,ndx,btc,gold,dollar";

    @TempDir
    Path dir;

    private ChunkedSeriesStore store;
    private EngineComponent engine;
    private DeskComponent desk;
    private final Map<String, TreeMap<LocalDate, Double>> closes = new TreeMap<>();
    private Shell shell;

    @BeforeEach
    void open() throws Exception {
        store = ChunkedSeriesStore.openEmbedded(dir.resolve("db"));
        Map<String, SeriesId> roles = new TreeMap<>();
        put(roles, "us10y", "fred:DGS10", SeriesKind.YIELD, AssetClass.RATES, "fred/DGS10.csv", "fred-2021-2026/DGS10.csv");
        put(roles, "spx", "yahoo:SPY", SeriesKind.PRICE, AssetClass.EQUITY, "yahoo/SPY.csv");
        put(roles, "ndx", "yahoo:QQQ", SeriesKind.PRICE, AssetClass.EQUITY, "yahoo/QQQ.csv");
        put(roles, "btc", "binance:BTCUSDT", SeriesKind.PRICE, AssetClass.CRYPTO, "binance/BTCUSDT_1d.csv");
        put(roles, "gold", "yahoo:GLD", SeriesKind.PRICE, AssetClass.COMMODITY, "yahoo/GLD.csv");
        put(roles, "dollar", "yahoo:DX-Y.NYB", SeriesKind.INDEX_LEVEL, AssetClass.FX, "yahoo/DXY.csv");
        RoleBindings bound = bindings(roles);
        engine = new EngineComponent(store, bound);
        desk = new DeskComponent(silent());
        desk.services(store, bound, pinned(), engine);
    }

    @AfterEach
    void close() {
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
        ChunkedSeriesStore.shutdownEmbedded(dir.resolve("db"));
    }

    @Test
    void aYieldCellItsSparklineAndIndicatorMatrixAreOneNumber() throws Exception {
        int window = 60;
        double cell = desk.correlations(List.of("us10y", "spx"), window, PINNED).value(0, 1);
        Curve spark = desk.correlationHistory("us10y", "spx", window, 365, PINNED);
        double matrixValue = engine.correlate(new CorrelationQuery("us10y", "spx", window, 1,
                Freshness.endOfDay(PINNED) - 1)).last();

        // The reference: the days both files have by the pinned day, the yield's changes in basis
        // points, the ETF's log returns, the last 60 of them, Pearson by commons-math.
        TreeMap<LocalDate, Double> y = closes.get("us10y");
        TreeMap<LocalDate, Double> s = closes.get("spx");
        List<LocalDate> common = new ArrayList<>();
        for (LocalDate d : s.headMap(PINNED, true).keySet()) {
            if (y.containsKey(d)) {
                common.add(d);
            }
        }
        int n = common.size();
        double[] bp = new double[window];
        double[] ret = new double[window];
        for (int k = 0; k < window; k++) {
            LocalDate d = common.get(n - window + k);
            LocalDate before = common.get(n - window + k - 1);
            bp[k] = (y.get(d) - y.get(before)) * 100;
            ret[k] = Math.log(s.get(d) / s.get(before));
        }
        double reference = new PearsonsCorrelation().correlation(bp, ret);

        assertThat(cell).isCloseTo(reference, within(1e-12));
        assertThat(spark.values()[spark.size() - 1]).as("the sparkline ends on the cell").isCloseTo(cell, within(1e-12));
        assertThat(day(spark.times()[spark.size() - 1])).isEqualTo(common.get(n - 1)).isEqualTo(PINNED);
        assertThat(matrixValue).isCloseTo(cell, within(1e-12));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new io.tideline.engine.IndicatorCommand(engine).run(new CommandRequest(List.of("matrix", "us10y", "spx", "--window", "60", "--at",
                PINNED.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] row = out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow().trim().split("\\s+");
        assertThat(row).containsExactly("us10y", "1", String.format(Locale.ROOT, "%.3f", cell));
    }

    @Test
    void theHeatmapOfTheSamplePaintsTheEnginesNumbers() throws Exception {
        shell = SwtHarness.shell(900, 700);
        HeatmapView view = new HeatmapView(shell, new TestContext(Locale.ENGLISH, Map.of("roles", ROLES,
                "window", "60")), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.matrix() != null && view.layout() != null && view.layout().n() == 6
                && view.sparkTitle() != null && view.sparkTitle().contains("last"), 30_000, "the matrix and sparkline");
        SwtHarness.pump(200);
        SwtHarness.screenshot(shell, "heatmap-sample");

        CorrelationMatrix m = view.matrix();
        assertThat(m.roles()).containsExactly("us10y", "spx", "ndx", "btc", "gold", "dollar");
        CorrelationMatrix direct = desk.correlations(m.roles(), 60, PINNED);
        assertThat(m).isEqualTo(direct);
        assertThat(view.cellNumbers()).isTrue();
        assertThat(view.caption()).contains("60 common days", "2026-02-06");

        HeatmapLayout l = view.layout();
        String tip = view.tooltipAt(l.centreX(1), l.centreY(0));
        assertThat(tip).contains("us10y (fred:DGS10)", "spx (yahoo:SPY)",
                String.format(Locale.ENGLISH, "%+.2f", m.value(0, 1)), "window 60 common days", "as of 2026-02-06",
                "differences for yields");
        // The sparkline (btc against ndx) ends on the btc/ndx cell.
        assertThat(view.sparkTitle()).contains(String.format(Locale.ENGLISH, "last %+.2f (2026-02-06)", m.value(3, 2)));
        for (int i = 0; i < 6; i++) {
            assertThat(m.value(i, i)).isEqualTo(1.0);
            for (int j = 0; j < 6; j++) {
                assertThat(m.value(i, j)).as("%s/%s", m.roles().get(i), m.roles().get(j)).isBetween(-1.0, 1.0);
            }
        }
        assertThat(m.value(1, 2)).as("the S&P 500 and the Nasdaq-100 move together").isGreaterThan(0.8);
    }

    private static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Stores a sample series (closes; an empty value, a holiday, left out) and binds its role. */
    private void put(Map<String, SeriesId> roles, String role, String id, SeriesKind kind, AssetClass market,
            String... files) throws Exception {
        TreeMap<LocalDate, Double> values = new TreeMap<>();
        for (String file : files) {
            List<String> lines = Files.readAllLines(SAMPLE.resolve(file));
            // Binance: open_time (epoch ms), open, high, low, close; the others: date, close first.
            boolean binance = lines.get(0).startsWith("open_time");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                String v = binance ? f[4] : f[1];
                if (!v.isEmpty()) {
                    values.put(binance ? day(Long.parseLong(f[0])) : LocalDate.parse(f[0]), Double.parseDouble(v));
                }
            }
        }
        long[] t = new long[values.size()];
        double[] v = new double[values.size()];
        int i = 0;
        for (Map.Entry<LocalDate, Double> e : values.entrySet()) {
            t[i] = e.getKey().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            v[i++] = e.getValue();
        }
        SeriesId sid = SeriesId.parse(id);
        store.upsert(new SeriesDescriptor(sid, id, kind == SeriesKind.YIELD ? "%" : "USD", kind, market, Timeframe.D1),
                SeriesData.ofValues(t, v));
        roles.put(role, sid);
        closes.put(role, values);
    }

    private static WorkspaceDate pinned() {
        WorkspaceDate.Pinned p = new WorkspaceDate.Pinned(PINNED, WorkspaceDate.SAMPLE_REASON);
        return (WorkspaceDate) Proxy.newProxyInstance(HeatmapOnTheSampleTest.class.getClassLoader(),
                new Class<?>[] {WorkspaceDate.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "pinned" -> Optional.of(p);
                    case "toString" -> "pinned " + PINNED;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static RoleBindings bindings(Map<String, SeriesId> roles) {
        return (RoleBindings) Proxy.newProxyInstance(HeatmapOnTheSampleTest.class.getClassLoader(),
                new Class<?>[] {RoleBindings.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "all" -> roles;
                    case "get" -> Optional.ofNullable(roles.get((String) args[0]));
                    case "toString" -> "roles " + roles.keySet();
                    default -> {
                        if (method.isDefault()) { // resolve: the API's one rule over get
                            yield java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static Logger silent() {
        return (Logger) Proxy.newProxyInstance(HeatmapOnTheSampleTest.class.getClassLoader(),
                new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class
                        ? Boolean.FALSE : null);
    }
}
