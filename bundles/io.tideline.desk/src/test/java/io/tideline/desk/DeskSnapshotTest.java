package io.tideline.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.desk.Desk;
import io.tideline.api.desk.DeskSnapshot;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesEvents;
import io.tideline.api.workspace.RoleBindings;
import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.engine.EngineComponent;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Checklist;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.CascadeParams;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.Portfolio;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.Scenarios;
import io.tideline.scenario.api.SkillSummary;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.log.Logger;

/**
 * The desk's snapshot over the real store (embedded Derby on disk) and the engine's real
 * correlations, with a checklist and a scenario service that record what they are asked: the
 * views' questions about the newest data are answered from the snapshot and compute nothing until
 * something changes; the report of the day before is reused only when nothing but later bars
 * arrived; a missing service is named, never shown as a calm verdict.
 */
class DeskSnapshotTest {

    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    private ChunkedSeriesStore store;
    private DeskComponent desk;
    private final Recording checklist = new Recording();
    private final RecordingScenarios scenarios = new RecordingScenarios();

    @BeforeEach
    void open() throws Exception {
        store = ChunkedSeriesStore.openEmbedded(dir.resolve("db"));
        Random r = new Random(5);
        long[] times = DeskComponentAsOfTest.dailyBars("2025-01-01", "2026-02-06", true);
        for (String id : List.of("binance:BTCUSDT", "yahoo:QQQ")) {
            double[] v = new double[times.length];
            double x = 100;
            for (int i = 0; i < v.length; i++) {
                x *= Math.exp(0.02 * r.nextGaussian());
                v[i] = x;
            }
            SeriesId sid = SeriesId.parse(id);
            store.upsert(new SeriesDescriptor(sid, id, "USD", SeriesKind.PRICE, AssetClass.CRYPTO, Timeframe.D1),
                    SeriesData.ofValues(times, v));
        }
        Map<String, SeriesId> roles = Map.of("btc", SeriesId.parse("binance:BTCUSDT"), "ndx",
                SeriesId.parse("yahoo:QQQ"));
        RoleBindings bound = DeskComponentAsOfTest.bindings(roles);
        desk = new DeskComponent(silent());
        desk.services(store, bound, unpinned(), new EngineComponent(store, bound));
        desk.start();
    }

    @AfterEach
    void close() {
        desk.stop();
        ChunkedSeriesStore.shutdownEmbedded(dir.resolve("db"));
    }

    @Test
    void theViewsQuestionsAboutTheNewestDataAreAnsweredFromTheSnapshotUntilSomethingChanges() throws Exception {
        desk.analytics(checklist, scenarios, null);
        DeskSnapshot snap = desk.update();
        LocalDate day = LocalDate.of(2026, 2, 6);
        assertThat(snap.revision()).isEqualTo(1);
        assertThat(snap.day()).as("%s", snap.problems()).isEqualTo(day);
        assertThat(snap.timeline()).hasSize(Desk.TIMELINE_DAYS);
        assertThat(snap.scenarios().asOf()).isEqualTo("2026-02-06");
        assertThat(snap.scenariosDayBefore().asOf()).isEqualTo("2026-02-05");
        assertThat(snap.board().roles()).isEqualTo(Desk.BOARD_ROLES);
        assertThat(snap.board().value(0, 3)).as("btc with ndx, both bound").isBetween(-1.0, 1.0);
        assertThat(snap.board().value(0, 2)).as("spx is not bound").isNaN();
        assertThat(snap.problems()).containsExactly("no indicator engine is running: no live readings");
        int latest = checklist.latest;
        int replays = checklist.replays;
        int evaluations = scenarios.evaluations.size();

        // What the checklist, heatmap and scenario views ask after an update: nothing computed.
        assertThat(desk.verdict(null)).isSameAs(snap.verdict());
        assertThat(desk.replay(day.minusDays(Desk.TIMELINE_DAYS - 1L), day)).isSameAs(snap.timeline());
        assertThat(desk.correlations(Desk.BOARD_ROLES, Desk.BOARD_WINDOW, day)).isSameAs(snap.board());
        assertThat(desk.correlationHistory("btc", "ndx", Desk.BOARD_WINDOW, Desk.TIMELINE_DAYS, null))
                .isSameAs(snap.pair());
        assertThat(desk.scenarios(null, null)).isSameAs(snap.scenarios());
        assertThat(desk.scenarios(day.minusDays(1), "")).isSameAs(snap.scenariosDayBefore());
        assertThat(desk.computedAnswers()).isZero();
        assertThat(checklist.latest).isEqualTo(latest);
        assertThat(checklist.replays).isEqualTo(replays);
        assertThat(scenarios.evaluations).hasSize(evaluations);

        // Another question is computed as asked.
        desk.correlations(List.of("btc", "ndx"), 30, day);
        assertThat(desk.computedAnswers()).isEqualTo(1);

        // New bars: the snapshot no longer answers, the services are asked again.
        desk.handleEvent(appended("binance:BTCUSDT", day.plusDays(1)));
        desk.verdict(null);
        assertThat(checklist.latest).isEqualTo(latest + 1);
        assertThat(desk.computedAnswers()).isEqualTo(2);
    }

    @Test
    void theDayBeforeIsReusedOnlyWhenNothingButLaterBarsArrived() {
        desk.analytics(checklist, scenarios, null);
        desk.update();
        assertThat(scenarios.evaluations).containsExactly("latest", "2026-02-05");

        // Bars beyond the scenario day (crypto ahead of the equities): the day before stands.
        desk.handleEvent(appended("binance:BTCUSDT", LocalDate.of(2026, 2, 7)));
        DeskSnapshot same = desk.update();
        assertThat(scenarios.evaluations).containsExactly("latest", "2026-02-05", "latest");
        assertThat(same.scenariosDayBefore().asOf()).isEqualTo("2026-02-05");

        // The next day's bars: today's report is new, the day before is the last snapshot's today.
        checklist.day = LocalDate.of(2026, 2, 7);
        scenarios.day = checklist.day;
        desk.handleEvent(appended("binance:BTCUSDT", checklist.day));
        DeskSnapshot next = desk.update();
        assertThat(scenarios.evaluations).containsExactly("latest", "2026-02-05", "latest", "latest");
        assertThat(next.scenariosDayBefore().asOf()).isEqualTo("2026-02-06");
        assertThat(next.scenariosDayBefore()).isSameAs(same.scenarios());
        assertThat(next.revision()).isEqualTo(3);

        // A bar of the day before itself (a backfill): the day before is computed again.
        desk.handleEvent(appended("binance:BTCUSDT", LocalDate.of(2026, 2, 6)));
        desk.update();
        assertThat(scenarios.evaluations).endsWith("latest", "2026-02-06");

        // A deleted series: likewise.
        desk.handleEvent(new Event(SeriesEvents.TOPIC_DELETED, Map.of(SeriesEvents.SERIES, "binance:BTCUSDT")));
        desk.update();
        assertThat(scenarios.evaluations).endsWith("latest", "2026-02-06", "latest", "2026-02-06");
    }

    @Test
    void newBarsThenAnotherDateStillGiveANewSnapshotOnceThingsSettle() throws Exception {
        desk.analytics(checklist, scenarios, null);
        desk.update();
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        desk.subscribe(new io.tideline.api.desk.DeskListener() {
            @Override
            public void dataChanged() {
                heard.add("r" + desk.snapshot().revision());
            }
        });
        desk.handleEvent(appended("binance:BTCUSDT", LocalDate.of(2026, 2, 7)));
        desk.handleEvent(new Event(WorkspaceDate.TOPIC_CHANGED, Map.of()));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (desk.snapshot().revision() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(desk.snapshot().revision()).as("the bars' snapshot was made, not dropped for the date").isEqualTo(2);
        assertThat(heard).containsExactly("r2");
        assertThat(desk.verdict(null)).isSameAs(desk.snapshot().verdict());
    }

    @Test
    void aMissingServiceIsNamedAndNoVerdictIsMadeUp() {
        DeskSnapshot snap = desk.update();
        assertThat(snap.verdict()).isNull();
        assertThat(snap.scenarios()).isNull();
        assertThat(snap.timeline()).isEmpty();
        assertThat(snap.problems()).contains("no checklist is running: no verdict",
                "no scenario service is running: no scenario odds");
    }

    @Test
    void aFailingChecklistIsNamedAndTheRestIsStillMade() {
        checklist.fail = true;
        desk.analytics(checklist, scenarios, null);
        DeskSnapshot snap = desk.update();
        assertThat(snap.verdict()).isNull();
        assertThat(snap.scenarios()).isNotNull();
        assertThat(snap.problems()).anyMatch(p -> p.startsWith("the checklist failed: ") && p.contains("rules broken"));
    }

    private static Event appended(String series, LocalDate from) {
        return new Event(SeriesEvents.TOPIC_APPENDED, Map.of(SeriesEvents.SERIES, series, SeriesEvents.FROM,
                from.toEpochDay() * DAY, SeriesEvents.TO, from.toEpochDay() * DAY, SeriesEvents.COUNT, 1));
    }

    private static Verdict verdict(LocalDate day) {
        return new Verdict(day.toString(), Regime.NORMAL, false, 1, Action.WAIT, 1.0, List.of(), List.of(), List.of(),
                1.0, List.of(), day + "T21:00:00Z");
    }

    /** A checklist that answers a fixed day and counts what it is asked. */
    private static final class Recording implements Checklist {
        volatile LocalDate day = LocalDate.of(2026, 2, 6);
        volatile boolean fail;
        int latest;
        int replays;

        @Override
        public Verdict latest() {
            latest++;
            if (fail) {
                throw new IllegalStateException("rules broken");
            }
            return verdict(day);
        }

        @Override
        public Verdict asOf(LocalDate d) {
            return verdict(d);
        }

        @Override
        public List<Verdict> replay(LocalDate from, LocalDate to) {
            replays++;
            return from.datesUntil(to.plusDays(1)).map(DeskSnapshotTest::verdict).toList();
        }
    }

    /** A scenario service that answers reports of the day asked and records which it was asked. */
    private static final class RecordingScenarios implements Scenarios {
        volatile LocalDate day = LocalDate.of(2026, 2, 6);
        final List<String> evaluations = new ArrayList<>();

        @Override
        public synchronized ScenarioReport evaluate(LocalDate asOfOrNull, Portfolio portfolioOrNull) {
            evaluations.add(asOfOrNull == null ? "latest" : asOfOrNull.toString());
            String asOf = (asOfOrNull == null ? day : asOfOrNull).toString();
            return new ScenarioReport(asOf, List.of(), null, null, null, List.of(), List.of(), List.of(), "test",
                    List.of(), List.of(), "the pack's own odds");
        }

        @Override
        public CascadeResult cascade(CascadeParams params) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Portfolio readPortfolio(Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<SkillSummary> skill() {
            return Optional.empty();
        }
    }

    private static WorkspaceDate unpinned() {
        return (WorkspaceDate) Proxy.newProxyInstance(DeskSnapshotTest.class.getClassLoader(),
                new Class<?>[] {WorkspaceDate.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "pinned" -> Optional.empty();
                    default -> null;
                });
    }

    private static Logger silent() {
        return (Logger) Proxy.newProxyInstance(DeskSnapshotTest.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);
    }
}
