package io.tideline.views.desk;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertKind;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.desk.CorrelationMatrix;
import io.tideline.api.desk.Curve;
import io.tideline.api.desk.Desk;
import io.tideline.api.desk.DeskListener;
import io.tideline.api.desk.DeskSnapshot;
import io.tideline.api.desk.FeedStatus;
import io.tideline.api.feed.FeedHealth;
import io.tideline.api.series.Freshness;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.ScenarioReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Desk} fed with known values, so view tests know what must be on screen. */
public class FakeDesk implements Desk {

    public volatile CorrelationMatrix matrix = Fixtures.matrix();
    public volatile Curve spark = sparkCurve();
    public volatile Verdict latest = Fixtures.verdict("2026-07-23", Regime.VOLATILITY_EVENT, "");
    public volatile List<FeedStatus> feeds = List.of(
            new FeedStatus("binance", 5, new FeedHealth(FeedHealth.State.UP, 1_784_800_000_000L, null)),
            new FeedStatus("fred", 6, new FeedHealth(FeedHealth.State.DOWN, 1_784_000_000_000L,
                    "HTTP 503 from the FRED API for DGS10")),
            new FeedStatus("yahoo", 5, FeedHealth.unknown()));
    /** The alerts bundle's recent alerts, newest first: a threshold, a tier change and a regime change. */
    public final List<TrackedAlert> alerts = new CopyOnWriteArrayList<>(List.of(
            alert("spx-low", AlertKind.THRESHOLD, 1_784_810_000_000L, "2026-07-23", "spx", "above", "below", 3912.5,
                    4000.0, "spx = yahoo:^GSPC", Map.of("banner", "delivered", "webhook",
                            "failed: HTTP 503 from https://hooks.example.com after 3 attempts")),
            alert("tier", AlertKind.TIER_CHANGE, 1_784_805_000_000L, "2026-07-23", "tier", "2", "4", null, null,
                    "checklist", Map.of("banner", "delivered", "webhook", "delivered")),
            alert("regime", AlertKind.REGIME_CHANGE, 1_784_800_000_000L, "2026-07-22", "regime", "NORMAL",
                    "VOLATILITY_EVENT", null, null, "checklist", Map.of("banner", "delivered"))));
    /** Whether the alerts bundle runs; without it {@link #alerts()} is empty. */
    public volatile boolean alertsRunning = true;
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

    /** The daily bar times the store "has" per series id; absent ids are not stored. */
    public final Map<SeriesId, long[]> bars = new java.util.concurrent.ConcurrentHashMap<>();
    /** The workspace's date; null for the newest data. */
    public volatile WorkspaceDate.Pinned pinned;
    /** The day the last matrix and sparkline were asked as of ("latest" for null). */
    public volatile String matrixDay;
    public volatile String sparkDay;

    @Override
    public java.util.Optional<WorkspaceDate.Pinned> pinned() {
        return java.util.Optional.ofNullable(pinned);
    }

    @Override
    public long staleAge(SeriesId id, long asOf) {
        long[] times = bars.get(id);
        return times == null ? -1 : Freshness.staleAge(times, Timeframe.D1, asOf);
    }

    /** Pins (or with null, unpins) the workspace and tells the views, as the real component does after the event. */
    public void pin(WorkspaceDate.Pinned p) {
        pinned = p;
        listeners.forEach(DeskListener::dataChanged);
    }

    @Override
    public CorrelationMatrix correlations(List<String> roles, int window, LocalDate day) {
        matrixCalls.incrementAndGet();
        matrixDay = day == null ? "latest" : day.toString();
        return matrix;
    }

    @Override
    public Curve correlationHistory(String a, String b, int window, int days, LocalDate day) {
        sparkDay = day == null ? "latest" : day.toString();
        Curve c = spark;
        if (day == null || c == null) {
            return c;
        }
        // As the real component: no point after the end of the day.
        int n = 0;
        while (n < c.size() && c.times()[n] < Freshness.endOfDay(day)) {
            n++;
        }
        return new Curve(c.label(), c.source(), java.util.Arrays.copyOf(c.times(), n), java.util.Arrays.copyOf(c.values(), n));
    }

    @Override
    public Verdict verdict(LocalDate day) {
        LocalDate d = day == null && pinned != null ? pinned.day() : day;
        return d == null ? latest : Fixtures.verdict(d.toString(), Regime.TREND_BREAK, "");
    }

    @Override
    public List<Verdict> replay(LocalDate from, LocalDate to) {
        return Fixtures.replay(from, to);
    }

    @Override
    public ScenarioReport scenarios(LocalDate day, String portfolioFile) {
        lastPortfolio = portfolioFile;
        LocalDate d = day == null && pinned != null ? pinned.day() : day;
        String asOf = d == null ? "2026-07-23" : d.toString();
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
    public Optional<List<TrackedAlert>> alerts() {
        return alertsRunning ? Optional.of(List.copyOf(alerts)) : Optional.empty();
    }

    /** An alert as the alerts bundle fires it, with its delivery state. */
    public static TrackedAlert alert(String rule, AlertKind kind, long timeMillis, String asOf, String subject,
            String previous, String current, Double value, Double threshold, String source,
            Map<String, String> states) {
        return new TrackedAlert(new Alert(timeMillis + "-" + rule + "-" + subject.replaceAll("[^A-Za-z0-9.]+", "-"),
                rule, kind, timeMillis, asOf, subject, previous, current, value, threshold, source,
                kind.word() + " " + subject + " " + current), states);
    }

    @Override
    public DeskSnapshot snapshot() {
        return DeskSnapshot.none();
    }

    @Override
    public Subscription subscribe(DeskListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The alerts bundle fires an alert: it is listed first and the subscribers hear of it, as from the real component. */
    public void fire(TrackedAlert alert) {
        alerts.add(0, alert);
        listeners.forEach(l -> l.alert(alert));
    }

    /** The alerts bundle starts or stops, as DS binds or unbinds its service. */
    public void alertsRunning(boolean running) {
        alertsRunning = running;
        listeners.forEach(DeskListener::alertsChanged);
    }
}
