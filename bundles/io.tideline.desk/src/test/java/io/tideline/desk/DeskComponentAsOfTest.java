package io.tideline.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.desk.CorrelationMatrix;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.engine.EngineComponent;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/**
 * The heatmap's numbers as of a day, on the real store (embedded Derby on disk): a matrix as of
 * 2026-02-06 is the one of the same series cut after that day, bar for bar, and differs from the
 * newest; staleness is measured from the end of that day.
 */
class DeskComponentAsOfTest {

    private static final long DAY = 86_400_000L;
    private static final LocalDate PINNED = LocalDate.of(2026, 2, 6);

    @TempDir
    Path dir;

    private ChunkedSeriesStore store;
    private DeskComponent desk;
    private volatile WorkspaceDate.Pinned pinned;

    @BeforeEach
    void open() throws Exception {
        store = ChunkedSeriesStore.openEmbedded(dir.resolve("db"));
        // BTC every day to 2026-08-22, Nasdaq weekdays to 2026-04-13 (the sample's shape); after
        // the pinned day both move in lockstep, so a matrix that read past it would say so.
        Random r = new Random(17);
        long[] btcT = dailyBars("2025-06-01", "2026-08-22", true);
        long[] ndxT = dailyBars("2025-06-01", "2026-04-13", false);
        double[] ndx = walk(ndxT.length, r);
        double[] btc = new double[btcT.length];
        long cut = Freshness.endOfDay(PINNED);
        double own = 30_000;
        for (int i = 0, k = 0; i < btcT.length; i++) {
            while (k + 1 < ndxT.length && ndxT[k + 1] <= btcT[i]) {
                k++;
            }
            own *= Math.exp(0.03 * r.nextGaussian());
            btc[i] = btcT[i] < cut ? own : 3 * ndx[k];
        }
        put("binance:BTCUSDT", AssetClass.CRYPTO, btcT, btc, Long.MAX_VALUE);
        put("yahoo:QQQ", AssetClass.EQUITY, ndxT, ndx, Long.MAX_VALUE);
        put("test:BTCCUT", AssetClass.CRYPTO, btcT, btc, cut);
        put("test:QQQCUT", AssetClass.EQUITY, ndxT, ndx, cut);
        Map<String, SeriesId> roles = Map.of("btc", SeriesId.parse("binance:BTCUSDT"), "ndx", SeriesId.parse("yahoo:QQQ"),
                "btc.cut", SeriesId.parse("test:BTCCUT"), "ndx.cut", SeriesId.parse("test:QQQCUT"));
        desk = new DeskComponent(silent());
        RoleBindings bound = bindings(roles);
        desk.services(store, bound, date(), new EngineComponent(store, bound));
    }

    @AfterEach
    void close() {
        ChunkedSeriesStore.shutdownEmbedded(dir.resolve("db"));
    }

    @Test
    void theMatrixAsOfADayReadsNoBarAfterIt() throws Exception {
        CorrelationMatrix asOf = desk.correlations(List.of("btc", "ndx"), 30, PINNED);
        CorrelationMatrix cut = desk.correlations(List.of("btc.cut", "ndx.cut"), 30, null);
        CorrelationMatrix newest = desk.correlations(List.of("btc", "ndx"), 30, null);
        assertThat(asOf.value(0, 1)).as("as of the day = the series cut after it").isEqualTo(cut.value(0, 1));
        assertThat(asOf.value(0, 1)).isBetween(-0.5, 0.5);
        assertThat(newest.value(0, 1)).as("the newest: in lockstep").isGreaterThan(0.99);
        assertThat(day(asOf.latest())).as("no day after the pinned one, not even BTC with itself")
                .isEqualTo("2026-02-06");
        assertThat(day(asOf.asOf(0, 1))).isEqualTo("2026-02-06");
        assertThat(day(newest.asOf(0, 1))).isEqualTo("2026-04-13");
        assertThat(day(newest.latest())).isEqualTo("2026-08-22");
        // A day before either series starts: no numbers, no store error.
        CorrelationMatrix before = desk.correlations(List.of("btc", "ndx"), 30, LocalDate.of(2020, 1, 1));
        assertThat(before.value(0, 1)).isNaN();
    }

    @Test
    void staleAgesAreMeasuredFromTheEndOfTheDay() {
        SeriesId ndx = SeriesId.parse("yahoo:QQQ");
        SeriesId btc = SeriesId.parse("binance:BTCUSDT");
        assertThat(desk.staleAge(ndx, Freshness.endOfDay(PINNED))).isEqualTo(-1);
        assertThat(desk.staleAge(btc, Freshness.endOfDay(PINNED))).isEqualTo(-1);
        long now = LocalDate.of(2026, 8, 23).toEpochDay() * DAY;
        assertThat(desk.staleAge(ndx, now)).as("2026-04-13 to 2026-08-23").isEqualTo(132 * DAY);
        assertThat(desk.staleAge(btc, now)).isEqualTo(-1);
        assertThat(desk.staleAge(ndx, LocalDate.of(2020, 1, 1).toEpochDay() * DAY)).as("nothing by then").isEqualTo(-1);
        assertThat(desk.staleAge(SeriesId.parse("test:NONE"), now)).isEqualTo(-1);
    }

    @Test
    void theWorkspacesDateIsPassedOnAsItIs() {
        assertThat(desk.pinned()).isEmpty();
        pinned = new WorkspaceDate.Pinned(PINNED, WorkspaceDate.SAMPLE_REASON);
        assertThat(desk.pinned()).contains(pinned);
    }

    /** Daily bar times at midnight UTC from {@code from} to {@code to}, weekdays only unless {@code weekends}. */
    static long[] dailyBars(String from, String to, boolean weekends) {
        return LocalDate.parse(from).datesUntil(LocalDate.parse(to).plusDays(1))
                .filter(d -> weekends || d.getDayOfWeek().getValue() <= 5).mapToLong(d -> d.toEpochDay() * DAY)
                .toArray();
    }

    /** The UTC day of an instant, or a dash for none (how the views print it). */
    private static String day(long millis) {
        return millis == 0 ? "\u2014" : LocalDate.ofEpochDay(Math.floorDiv(millis, DAY)).toString();
    }

    private static double[] walk(int n, Random r) {
        double[] v = new double[n];
        double x = 400;
        for (int i = 0; i < n; i++) {
            x *= Math.exp(0.012 * r.nextGaussian());
            v[i] = x;
        }
        return v;
    }

    private void put(String id, AssetClass market, long[] times, double[] values, long before) throws Exception {
        int n = 0;
        while (n < times.length && times[n] < before) {
            n++;
        }
        SeriesId sid = SeriesId.parse(id);
        store.upsert(new SeriesDescriptor(sid, id, "USD", SeriesKind.PRICE, market, Timeframe.D1),
                SeriesData.ofValues(Arrays.copyOf(times, n), Arrays.copyOf(values, n)));
    }

    private WorkspaceDate date() {
        return new WorkspaceDate() {
            @Override
            public Optional<Pinned> pinned() {
                return Optional.ofNullable(DeskComponentAsOfTest.this.pinned);
            }

            @Override
            public void pin(Pinned p) {
                DeskComponentAsOfTest.this.pinned = p;
            }

            @Override
            public boolean clear() {
                boolean was = DeskComponentAsOfTest.this.pinned != null;
                DeskComponentAsOfTest.this.pinned = null;
                return was;
            }
        };
    }

    static RoleBindings bindings(Map<String, SeriesId> roles) {
        return new RoleBindings() {
            @Override
            public Map<String, SeriesId> all() {
                return roles;
            }

            @Override
            public Optional<SeriesId> get(String role) {
                return Optional.ofNullable(roles.get(role));
            }

            @Override
            public void bind(String role, SeriesId series) {
                throw new UnsupportedOperationException("read-only in this test");
            }

            @Override
            public boolean unbind(String role) {
                throw new UnsupportedOperationException("read-only in this test");
            }
        };
    }

    private static Logger silent() {
        return (Logger) Proxy.newProxyInstance(DeskComponentAsOfTest.class.getClassLoader(),
                new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);
    }
}
