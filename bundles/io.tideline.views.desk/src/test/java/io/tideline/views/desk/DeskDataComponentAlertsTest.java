package io.tideline.views.desk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.store.SeriesEvents;
import io.tideline.regime.api.Checklist;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.RegimeEvents;
import io.tideline.regime.api.Verdict;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.log.Logger;

/** The component's alert log across a restart, on a real data directory. */
class DeskDataComponentAlertsTest {

    @TempDir
    Path dataDir;

    /** Every warning logged, as "format | args". */
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private Logger logger() {
        return (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("warn")) {
                        warnings.add(args[0] + " | " + (args.length > 1 ? Arrays.deepToString(
                                Arrays.copyOfRange(args, 1, args.length)) : ""));
                    }
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }

    private static Event regimeChanged(String asOf, String previous, String regime, int tier) {
        return new Event(RegimeEvents.TOPIC_CHANGED, Map.of(RegimeEvents.AS_OF, asOf, RegimeEvents.PREVIOUS, previous,
                RegimeEvents.REGIME, regime, RegimeEvents.TIER, tier));
    }

    private Path file() {
        return dataDir.resolve("workspace").resolve("alerts.jsonl");
    }

    @Test
    void alertsLoggedBeforeARestartAreShownAfterIt() throws Exception {
        DeskDataComponent first = new DeskDataComponent(logger());
        first.start(dataDir, false);
        assertThat(first.alerts()).isEmpty();
        first.handleEvent(regimeChanged("2026-07-22", "NORMAL", "VOLATILITY_EVENT", 3));
        first.handleEvent(regimeChanged("2026-07-23", "VOLATILITY_EVENT", "RISK_OFF", 4));
        List<Alert> logged = first.alerts();
        assertThat(logged).hasSize(2);
        first.deactivate();

        assertThat(Files.readAllLines(file(), UTF_8)).hasSize(2);
        DeskDataComponent second = new DeskDataComponent(logger());
        second.start(dataDir, false);
        try {
            assertThat(second.alerts()).containsExactlyElementsOf(logged);
            // New alerts go after the earlier ones, in memory and in the file.
            second.handleEvent(regimeChanged("2026-07-24", "RISK_OFF", "NORMAL", 1));
            assertThat(second.alerts()).hasSize(3).startsWith(logged.get(0), logged.get(1))
                    .last().extracting(Alert::asOf).isEqualTo("2026-07-24");
        } finally {
            second.deactivate();
        }
        assertThat(Files.readAllLines(file(), UTF_8)).hasSize(3);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aBadLineIsWarnedAboutWithItsLineNumberAndTheOthersLoad() throws Exception {
        Alert good = new Alert(1L, Alert.Kind.REGIME, "2026-07-22", "regime", "NORMAL", "RISK_OFF", 4.0, null,
                "checklist");
        Files.createDirectories(file().getParent());
        Files.writeString(file(), AlertFile.json(good) + "\n{\"v\":1,\"kind\":\"REGIME\"}\n" + AlertFile.json(good)
                + "\n", UTF_8);

        DeskDataComponent c = new DeskDataComponent(logger());
        c.start(dataDir, true);
        try {
            assertThat(c.alerts()).containsExactly(good, good);
        } finally {
            c.deactivate();
        }
        assertThat(warnings).singleElement().asString().contains(file() + ": line 2 skipped: ", "timeMillis");
    }

    @Test
    void headlessRunsNoChecklistForAlertsButStillKeepsRegimeChanges() throws Exception {
        AtomicInteger headlessCalls = new AtomicInteger();
        DeskDataComponent headless = new DeskDataComponent(logger());
        setChecklist(headless, counting(headlessCalls));
        headless.start(dataDir, true);
        headless.handleEvent(new Event(SeriesEvents.TOPIC_APPENDED, Map.of()));
        headless.handleEvent(regimeChanged("2026-07-22", "NORMAL", "RISK_OFF", 4));
        Thread.sleep(2_500); // past the settling delay after new bars
        headless.deactivate();
        assertThat(headlessCalls).hasValue(0);
        assertThat(Files.readAllLines(file(), UTF_8)).singleElement().asString().contains("\"RISK_OFF\"");

        // The same with a window: the checklist is asked for the baseline verdict.
        AtomicInteger windowCalls = new AtomicInteger();
        DeskDataComponent windowed = new DeskDataComponent(logger());
        setChecklist(windowed, counting(windowCalls));
        windowed.start(dataDir, false);
        try {
            assertThat(windowed.alerts()).hasSize(1);
            long until = System.currentTimeMillis() + 5_000;
            while (windowCalls.get() == 0 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(windowCalls.get()).isPositive();
        } finally {
            windowed.deactivate();
        }
    }

    private static Checklist counting(AtomicInteger calls) {
        Verdict v = Fixtures.verdict("2026-07-23", Regime.NORMAL, "");
        return new Checklist() {
            @Override
            public Verdict latest() {
                calls.incrementAndGet();
                return v;
            }

            @Override
            public Verdict asOf(LocalDate day) {
                calls.incrementAndGet();
                return v;
            }

            @Override
            public List<Verdict> replay(LocalDate from, LocalDate to) {
                calls.incrementAndGet();
                return List.of(v);
            }
        };
    }

    /** The checklist reference, as DS would bind it (field injection). */
    private static void setChecklist(DeskDataComponent c, Checklist checklist) throws ReflectiveOperationException {
        var field = DeskDataComponent.class.getDeclaredField("checklist");
        field.setAccessible(true);
        field.set(c, checklist);
    }
}
