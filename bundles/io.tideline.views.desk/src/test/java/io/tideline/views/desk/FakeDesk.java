package io.tideline.views.desk;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.series.SeriesId;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.ScenarioReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link DeskData} fed with known values, so view tests know what must be on screen. */
public class FakeDesk implements DeskData {

    public volatile CorrelationMatrix matrix = Fixtures.matrix();
    public volatile Curve spark = sparkCurve();
    public volatile Verdict latest = Fixtures.verdict("2026-07-23", Regime.VOLATILITY_EVENT, "");
    public volatile List<FeedStatus> feeds = List.of(
            new FeedStatus("binance", 5, new FeedHealth(FeedHealth.State.UP, 1_784_800_000_000L, null)),
            new FeedStatus("fred", 6, new FeedHealth(FeedHealth.State.DOWN, 1_784_000_000_000L,
                    "HTTP 503 from the FRED API for DGS10")),
            new FeedStatus("yahoo", 5, FeedHealth.unknown()));
    public final List<Alert> alerts = new CopyOnWriteArrayList<>(List.of(new Alert(1_784_800_000_000L,
            Alert.Kind.REGIME, "2026-07-22", "regime", "NORMAL", "VOLATILITY_EVENT", 4.0, null, "checklist")));
    public final List<DeskListener> listeners = new CopyOnWriteArrayList<>();
    public final AtomicInteger matrixCalls = new AtomicInteger();
    public final AtomicInteger cascadeCalls = new AtomicInteger();
    public volatile String lastPortfolio;
    /** Free text for the scenario report's names and condition texts (long text tests clipping). */
    public volatile String scenarioText = "";

    static Curve sparkCurve() {
        int n = 365;
        long[] t = new long[n];
        double[] v = new double[n];
        long start = LocalDate.parse("2025-07-24").toEpochDay() * 86_400_000L;
        for (int i = 0; i < n; i++) {
            t[i] = start + i * 86_400_000L;
            v[i] = 0.6 * Math.sin(i / 40.0);
        }
        return new Curve("correlation(btc, ndx, 90)", "btc = binance:BTCUSDT, ndx = yahoo:QQQ", t, v);
    }

    @Override
    public Map<String, SeriesId> roles() {
        return Fixtures.roles();
    }

    /** What the store "knows" per series id; absent ids are not stored. */
    public final Map<SeriesId, io.tideline.api.store.SeriesInfo> infos = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public java.util.Optional<io.tideline.api.store.SeriesInfo> info(SeriesId id) {
        return java.util.Optional.ofNullable(infos.get(id));
    }

    @Override
    public CorrelationMatrix correlations(List<String> roles, int window) {
        matrixCalls.incrementAndGet();
        return matrix;
    }

    @Override
    public Curve correlationHistory(String a, String b, int window, int days) {
        return spark;
    }

    @Override
    public Verdict verdict(LocalDate day) {
        return day == null ? latest : Fixtures.verdict(day.toString(), Regime.TREND_BREAK, "");
    }

    @Override
    public List<Verdict> replay(LocalDate from, LocalDate to) {
        return Fixtures.replay(from, to);
    }

    @Override
    public ScenarioReport scenarios(LocalDate day, String portfolioFile) {
        lastPortfolio = portfolioFile;
        String asOf = day == null ? "2026-07-23" : day.toString();
        return Fixtures.scenarios(asOf, day == null || asOf.equals("2026-07-23") ? 0.0 : -0.05, scenarioText);
    }

    @Override
    public CascadeResult cascade(CascadeParams params) {
        cascadeCalls.incrementAndGet();
        return Fixtures.cascade(params);
    }

    @Override
    public List<FeedStatus> feeds() {
        return feeds;
    }

    @Override
    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    @Override
    public Subscription subscribe(DeskListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Logs an alert and tells the subscribers, as the real component does. */
    public void fire(Alert alert) {
        alerts.add(alert);
        listeners.forEach(l -> l.alert(alert));
    }
}
