package io.tideline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tideline.api.command.CommandRequest;
import io.tideline.api.indicator.CorrelationCurve;
import io.tideline.api.indicator.CorrelationQuery;
import io.tideline.api.indicator.DailyChange;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's one correlation: the definition on columns, and on the sample in the real store. */
class DailyCorrelationTest {

    private static final long DAY = 86_400_000L;
    private static final Path SAMPLE = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static CorrelationQuery query(int window, int points) {
        return new CorrelationQuery("a", "b", window, points, Long.MAX_VALUE);
    }

    @Test
    void logReturnCorrelationMatchesCommonsMath() {
        Random r = new Random(7);
        int n = 300;
        long[] t = new long[n];
        double[] a = new double[n];
        double[] b = new double[n];
        a[0] = 100;
        b[0] = 50;
        for (int i = 0; i < n; i++) {
            t[i] = 20_000L * DAY + i * DAY;
            if (i > 0) {
                double common = r.nextGaussian() * 0.01;
                a[i] = a[i - 1] * Math.exp(common + r.nextGaussian() * 0.01);
                b[i] = b[i - 1] * Math.exp(0.5 * common + r.nextGaussian() * 0.01);
            }
        }
        int window = 90;
        CorrelationCurve c = DailyCorrelation.curve(query(window, 150), DailyChange.LOG_RETURN, t, a,
                DailyChange.LOG_RETURN, t, b);
        assertThat(c.size()).isEqualTo(150);
        assertThat(c.lastCommonDay()).isEqualTo(t[n - 1]);
        // Every point of the history against commons-math over its own window.
        for (int p = 0; p < c.size(); p++) {
            int end = n - c.size() + p;
            double[] ra = new double[window];
            double[] rb = new double[window];
            for (int k = 0; k < window; k++) {
                int i = end - window + 1 + k;
                ra[k] = Math.log(a[i] / a[i - 1]);
                rb[k] = Math.log(b[i] / b[i - 1]);
            }
            assertThat(c.time(p)).isEqualTo(t[end]);
            assertThat(c.value(p)).as("point %d", p).isCloseTo(new PearsonsCorrelation().correlation(ra, rb),
                    within(1e-12));
        }
        // The value as of the last day is the history's last point, bit for bit.
        double single = DailyCorrelation.curve(query(window, 1), DailyChange.LOG_RETURN, t, a,
                DailyChange.LOG_RETURN, t, b).last();
        assertThat(single).isEqualTo(c.last());
    }

    @Test
    void pairsAreJoinedOnUtcDaysWhateverTheHourAndGapsOfOneSideAreSkipped() {
        // a: every day at 00:00; b: weekdays only, stamped 21:00 (a close). Changes are taken
        // between consecutive common days, so b's Friday->Monday change meets a's.
        int n = 70;
        long[] ta = new long[n];
        double[] a = new double[n];
        long[] tb = new long[n];
        double[] b = new double[n];
        int nb = 0;
        Random r = new Random(3);
        double level = 10;
        for (int i = 0; i < n; i++) {
            ta[i] = (20_000L + i) * DAY;
            level += r.nextGaussian();
            a[i] = level;
            if ((i % 7) < 5) {
                tb[nb] = (20_000L + i) * DAY + 21 * 3_600_000L;
                b[nb] = 2 * level + 1; // a linear function of a: correlation of changes is exactly 1
                nb++;
            }
        }
        // A missing value on one side drops the day from both.
        a[40] = Double.NaN;
        CorrelationCurve c = DailyCorrelation.curve(query(30, 1), DailyChange.DIFFERENCE, ta, a,
                DailyChange.DIFFERENCE, Arrays.copyOf(tb, nb), Arrays.copyOf(b, nb));
        assertThat(c.last()).isCloseTo(1.0, within(1e-12));
        assertThat(c.lastCommonDay()).isEqualTo(Math.floorDiv(tb[nb - 1], DAY) * DAY);
        assertThat(c.time(0)).isEqualTo(c.lastCommonDay());
        assertThat(c.commonDays()).isEqualTo(nb - (40 % 7 < 5 ? 1 : 0));
    }

    @Test
    void tooFewCommonDaysGiveNoValueAndTheCountSeen() {
        long[] t = {0, DAY, 2 * DAY};
        CorrelationCurve c = DailyCorrelation.curve(query(30, 1), DailyChange.DIFFERENCE, t, new double[] {1, 2, 3},
                DailyChange.DIFFERENCE, t, new double[] {3, 1, 2});
        assertThat(c.isEmpty()).isTrue();
        assertThat(c.last()).isNaN();
        assertThat(c.commonDays()).isEqualTo(3);
        assertThat(c.lastCommonDay()).isEqualTo(2 * DAY);
    }

    @Test
    void theChangeFollowsTheSeriesKind() {
        assertThat(DailyChange.of(SeriesKind.YIELD)).isEqualTo(DailyChange.DIFFERENCE);
        assertThat(DailyChange.of(SeriesKind.SPREAD)).isEqualTo(DailyChange.DIFFERENCE);
        assertThat(DailyChange.of(SeriesKind.RATE)).isEqualTo(DailyChange.DIFFERENCE);
        assertThat(DailyChange.of(SeriesKind.FLOW)).isEqualTo(DailyChange.DIFFERENCE);
        assertThat(DailyChange.of(SeriesKind.PRICE)).isEqualTo(DailyChange.LOG_RETURN);
        assertThat(DailyChange.of(SeriesKind.INDEX_LEVEL)).isEqualTo(DailyChange.LOG_RETURN);
        assertThat(DailyChange.of(SeriesKind.VOLATILITY)).isEqualTo(DailyChange.LOG_RETURN);
        assertThat(DailyChange.of(SeriesKind.COUNT)).isEqualTo(DailyChange.LOG_RETURN);
        assertThat(DailyChange.of(SeriesKind.RATIO)).isEqualTo(DailyChange.LOG_RETURN);
        assertThatThrownBy(() -> new CorrelationQuery("a", "b", 1, 1, 0))
                .hasMessage("the correlation window must be at least 2 days, got 1");
    }

    @Test
    void aPriceWhoseWindowHoldsAValueAtOrBelowZeroIsTakenInDifferencesForThatWindowOnly() {
        // An oil-futures-like series that dips below zero on day 50 of 120.
        Random r = new Random(5);
        int n = 120;
        long[] t = new long[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (19_000L + i) * DAY;
            a[i] = i == 50 ? -3 : 20 + 5 * Math.sin(i / 7.0) + r.nextGaussian();
            b[i] = (i == 0 ? 100 : b[i - 1]) * Math.exp(0.01 * r.nextGaussian());
        }
        int window = 20;
        CorrelationCurve c = DailyCorrelation.curve(query(window, n - window), DailyChange.LOG_RETURN, t, a,
                DailyChange.LOG_RETURN, t, b);
        for (int end : new int[] {45, 50, 69, 70, 71, 119}) {
            // Levels end-window..end hold day 50 for ends 50..70: differences there.
            boolean dips = end >= 50 && end - window <= 50;
            double[] ca = new double[window];
            double[] cb = new double[window];
            for (int k = 0; k < window; k++) {
                int i = end - window + 1 + k;
                ca[k] = dips ? a[i] - a[i - 1] : Math.log(a[i] / a[i - 1]);
                cb[k] = Math.log(b[i] / b[i - 1]);
            }
            assertThat(c.value(end - window)).as("window ending on day %d", end)
                    .isCloseTo(new PearsonsCorrelation().correlation(ca, cb), within(1e-12));
        }
    }

    /**
     * The US 10-year yield (differences) against the S&P 500 ETF (log returns) as the sample has
     * them, through the real store: the service's value, its history's last point and the
     * {@code indicator matrix} cell are one number, and it is the one commons-math gives on the
     * changes built by hand from the CSVs, joined by date.
     */
    @Test
    void theSampleYieldAgainstEquitiesMatchesAHandBuiltReferenceAndTheMatrixPrintsIt() throws Exception {
        TreeMap<LocalDate, Double> us10y = new TreeMap<>();
        readCsv(SAMPLE.resolve("fred/DGS10.csv"), 1, us10y);
        readCsv(SAMPLE.resolve("fred-2021-2026/DGS10.csv"), 1, us10y);
        TreeMap<LocalDate, Double> spx = new TreeMap<>();
        readCsv(SAMPLE.resolve("yahoo/SPY.csv"), 1, spx);
        LocalDate at = LocalDate.parse("2026-02-06");
        int window = 60;

        // The reference: dates with a value in both files up to the day, their day-to-day changes.
        List<LocalDate> common = new ArrayList<>();
        for (LocalDate d : spx.headMap(at, true).keySet()) {
            if (us10y.containsKey(d)) {
                common.add(d);
            }
        }
        int n = common.size();
        double[] dy = new double[window];
        double[] rs = new double[window];
        for (int k = 0; k < window; k++) {
            LocalDate d = common.get(n - window + k);
            LocalDate prev = common.get(n - window + k - 1);
            dy[k] = (us10y.get(d) - us10y.get(prev)) * 100; // basis points: the unit does not change it
            rs[k] = Math.log(spx.get(d) / spx.get(prev));
        }
        double expected = new PearsonsCorrelation().correlation(dy, rs);

        Path db = dir.resolve("db");
        ChunkedSeriesStore store = ChunkedSeriesStore.openEmbedded(db);
        try {
            SeriesId dgs10 = SeriesId.parse("fred:DGS10");
            SeriesId spy = SeriesId.parse("yahoo:SPY");
            store.upsert(new SeriesDescriptor(dgs10, "US 10-year Treasury yield", "%", SeriesKind.YIELD,
                    AssetClass.RATES, Timeframe.D1), columns(us10y));
            store.upsert(new SeriesDescriptor(spy, "S&P 500 ETF (SPY)", "USD", SeriesKind.PRICE, AssetClass.EQUITY,
                    Timeframe.D1), columns(spx));
            EngineComponent engine = new EngineComponent(store, roles(Map.of("us10y", dgs10, "spx", spy)));
            long until = at.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;

            CorrelationCurve cell = engine.correlate(new CorrelationQuery("us10y", "spx", window, 1, until));
            CorrelationCurve history = engine.correlate(new CorrelationQuery("us10y", "spx", window, 365, until));
            assertThat(cell.changeA()).isEqualTo(DailyChange.DIFFERENCE);
            assertThat(cell.changeB()).isEqualTo(DailyChange.LOG_RETURN);
            assertThat(cell.lastCommonDay()).isEqualTo(day(common.get(n - 1)));
            assertThat(cell.last()).isCloseTo(expected, within(1e-12));
            assertThat(history.size()).isEqualTo(365);
            assertThat(history.last()).isCloseTo(cell.last(), within(1e-12));
            assertThat(expected).as("the sample has 60 common days before 2026-02-06").isNotNaN();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new IndicatorCommand(engine).run(new CommandRequest(List.of("matrix", "us10y", "spx", "--window", "60", "--at",
                    "2026-02-06"), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            List<String[]> rows = out.toString(StandardCharsets.UTF_8).lines().skip(1)
                    .map(l -> l.trim().split("\\s+")).toList();
            String printed = String.format(Locale.ROOT, "%.3f", expected);
            assertThat(rows.get(0)).containsExactly("us10y", "1", printed);
            assertThat(rows.get(1)).containsExactly("spx", printed, "1");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("differences for yields");

            ByteArrayOutputStream err2 = new ByteArrayOutputStream();
            int bad = new IndicatorCommand(engine).run(new CommandRequest(List.of("matrix", "us10y", "nosuch"),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err2, true, StandardCharsets.UTF_8)));
            assertThat(bad).isEqualTo(1);
            assertThat(err2.toString(StandardCharsets.UTF_8))
                    .contains("us10y/nosuch: input nosuch: 'nosuch' is neither a bound role nor a series id")
                    .contains("no series is bound to role nosuch (roles set nosuch SOURCE:SYMBOL --new)");

            // A series id is read as itself beside a role (one rule: a colon makes a series id).
            CorrelationCurve byId = engine.correlate(new CorrelationQuery("fred:DGS10", "spx", window, 1, until));
            assertThat(byId.last()).isCloseTo(expected, within(1e-12));
            // Text that is neither is refused naming it and saying what a role and a series id look like.
            assertThatThrownBy(() -> engine.correlate(new CorrelationQuery("us10y", "S&P 500", window, 1, until)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'S&P 500' is neither a role (lower-case words joined by dots")
                    .hasMessageContaining("nor a series id (source:symbol[:field]");
        } finally {
            ChunkedSeriesStore.shutdownEmbedded(db);
        }
    }

    /**
     * A whole matrix at once reads each series once, and each of its curves is the pair's own
     * {@code correlate}, point for point: on the sample's yield, equities, bitcoin (weekends),
     * gold and the broad dollar (which ends earlier), for two windows, one point and a year of
     * points, as of a day, of the newest data, of a day in 2015 and of one too early for any value.
     */
    @Test
    void aWholeMatrixAtOnceIsEveryPairsOwnCorrelation() throws Exception {
        Map<String, SeriesId> bound = new java.util.LinkedHashMap<>();
        Path db = dir.resolve("db-all");
        ChunkedSeriesStore store = ChunkedSeriesStore.openEmbedded(db);
        try {
            Object[][] files = {
                {"us10y", "fred:DGS10", SeriesKind.YIELD, new String[] {"fred/DGS10.csv", "fred-2021-2026/DGS10.csv"}},
                {"spx", "yahoo:SPY", SeriesKind.PRICE, new String[] {"yahoo/SPY.csv"}},
                {"ndx", "yahoo:QQQ", SeriesKind.PRICE, new String[] {"yahoo/QQQ.csv"}},
                {"btc", "yahoo:BTC-USD", SeriesKind.PRICE, new String[] {"yahoo/BTC.csv"}},
                {"gold", "yahoo:GLD", SeriesKind.PRICE, new String[] {"yahoo/GLD.csv"}},
                {"dollar", "fred:DTWEXBGS", SeriesKind.INDEX_LEVEL, new String[] {"fred/DTWEXBGS.csv"}}};
            for (Object[] f : files) {
                TreeMap<LocalDate, Double> values = new TreeMap<>();
                for (String file : (String[]) f[3]) {
                    readCsv(SAMPLE.resolve(file), 1, values);
                }
                SeriesId id = SeriesId.parse((String) f[1]);
                store.upsert(new SeriesDescriptor(id, (String) f[0], "", (SeriesKind) f[2], AssetClass.EQUITY,
                        Timeframe.D1), columns(values));
                bound.put((String) f[0], id);
            }
            EngineComponent engine = new EngineComponent(store, roles(bound));
            List<String> inputs = new ArrayList<>(bound.keySet());
            int compared = 0;
            for (long until : new long[] {day(LocalDate.parse("2026-02-07")) - 1, Long.MAX_VALUE,
                day(LocalDate.parse("2015-07-01")) - 1, day(LocalDate.parse("2014-02-01")) - 1}) {
                for (int window : new int[] {30, 90}) {
                    for (int points : new int[] {1, 365}) {
                        List<CorrelationCurve> all = engine.correlateAll(inputs, window, points, until);
                        int next = 0;
                        for (int r = 0; r < inputs.size(); r++) {
                            for (int k = r; k < inputs.size(); k++) {
                                CorrelationCurve one = engine.correlate(new CorrelationQuery(inputs.get(r),
                                        inputs.get(k), window, points, until));
                                CorrelationCurve got = all.get(next++);
                                String what = inputs.get(r) + "/" + inputs.get(k) + " window " + window + " points "
                                        + points + " until " + until;
                                assertThat(got.query()).as(what).isEqualTo(one.query());
                                assertThat(got.copyTimes()).as(what).isEqualTo(one.copyTimes());
                                assertThat(got.copyValues()).as(what).isEqualTo(one.copyValues());
                                assertThat(got.lastCommonDay()).as(what).isEqualTo(one.lastCommonDay());
                                assertThat(got.changeA()).as(what).isEqualTo(one.changeA());
                                compared += one.isEmpty() ? 0 : 1;
                            }
                        }
                        assertThat(next).isEqualTo(all.size());
                    }
                }
            }
            assertThat(compared).as("curves with values among those compared").isGreaterThan(100);
            assertThatThrownBy(() -> engine.correlateAll(List.of("spx", "nosuch"), 30, 1, Long.MAX_VALUE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuch");
        } finally {
            ChunkedSeriesStore.shutdownEmbedded(db);
        }
    }

    private static long day(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Date,value rows of a CSV (value in column {@code col}); an empty value (a holiday) is left out, as the store wants. */
    private static void readCsv(Path file, int col, TreeMap<LocalDate, Double> into) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!f[col].isEmpty()) {
                into.put(LocalDate.parse(f[0]), Double.parseDouble(f[col]));
            }
        }
    }

    private static SeriesData columns(TreeMap<LocalDate, Double> series) {
        long[] t = new long[series.size()];
        double[] v = new double[series.size()];
        int i = 0;
        for (Map.Entry<LocalDate, Double> e : series.entrySet()) {
            t[i] = day(e.getKey());
            v[i++] = e.getValue();
        }
        return SeriesData.ofValues(t, v);
    }

    /** Fixed role bindings (also for the other engine tests). */
    static RoleBindings roles(Map<String, SeriesId> bound) {
        return new RoleBindings() {
            @Override
            public Map<String, SeriesId> all() {
                return new TreeMap<>(bound);
            }

            @Override
            public Optional<SeriesId> get(String role) {
                return Optional.ofNullable(bound.get(role));
            }

            @Override
            public void bind(String role, SeriesId series) {
                throw new UnsupportedOperationException("the test's roles are fixed");
            }

            @Override
            public boolean unbind(String role) {
                throw new UnsupportedOperationException("the test's roles are fixed");
            }
        };
    }
}
