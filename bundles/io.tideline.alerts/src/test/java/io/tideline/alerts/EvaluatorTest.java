package io.tideline.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertKind;
import io.tideline.regime.api.Action;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final AlertRule LOW = new AlertRule("spx-low", AlertKind.THRESHOLD, "spx", null, null, 4000.0,
            Duration.ofHours(6));
    private static final AlertRule MOVE = new AlertRule("move", AlertKind.THRESHOLD, "us10y", "change-bp(5)",
            25.0, null, Duration.ofHours(6));
    private static final AlertRules RULES = new AlertRules(List.of(LOW, MOVE,
            new AlertRule("tier", AlertKind.TIER_CHANGE, null, null, null, null, Duration.ofHours(6)),
            new AlertRule("stale", AlertKind.STALE_FEED, null, null, null, null, Duration.ofHours(6))));

    private static final AlertRules CROSSINGS = new AlertRules(List.of(new AlertRule("crossing",
            AlertKind.CHECKLIST_CROSSING, null, null, null, null, Duration.ofHours(6))));
    private static final Map<String, String> BOUND = Map.of("us10y", "fred:DGS10", "dollar", "fred:DTWEXBGS",
            "spx", "csv:spx");

    private static Evaluator.Snapshot snap(int tier, double spx, Double move, Set<String> stale) {
        return new Evaluator.Snapshot("2026-03-02", tier, stale,
                move == null ? Map.of() : Map.of("us10y change-bp(5)", move), List.of(),
                Map.of("spx", new Evaluator.Value(spx, "2026-03-02", "csv:spx")), true, BOUND);
    }

    /** A verdict whose macro step reads the 10Y's 5-day change against 15 bp, and the dollar as context. */
    private static Verdict withTenYear(String asOf, Double change) {
        Step macro = new Step("macro", Status.GREEN, "", List.of(
                new Evidence("us10y", "change-bp(5)", change, 15.0, "10Y up >= 15 bp in 5 days is adverse"),
                new Evidence("dollar", "level", 100.0, null, "context")));
        return new Verdict(asOf, Regime.NORMAL, false, 1, Action.NONE, 1.0, List.of(), List.of(), List.of(macro));
    }

    /** The snapshot the component takes of {@code v}: its tier and its checked readings. */
    private static Evaluator.Snapshot look(Verdict v) {
        return new Evaluator.Snapshot(v.asOf(), v.tier(), Set.copyOf(v.stale()), Map.of(), Evaluator.Reading.of(v),
                Map.of(), true, BOUND);
    }

    private static List<String> fired(List<Evaluator.Firing> f) {
        return f.stream().map(x -> x.alert().rule() + ":" + x.alert().subject() + ":" + x.alert().current()).toList();
    }

    @Test
    void aThresholdFiresWhenItIsCrossedAndNotAgainUntilItWasBackOnTheOtherSide() {
        Evaluator e = new Evaluator();
        assertThat(fired(e.evaluate(snap(2, 4100, 10.0, Set.of()), RULES, 1))).isEmpty();
        List<Evaluator.Firing> crossed = e.evaluate(snap(2, 3990, 10.0, Set.of()), RULES, 2);
        assertThat(fired(crossed)).containsExactly("spx-low:spx:below");
        Alert a = crossed.get(0).alert();
        assertThat(a.value()).isEqualTo(3990.0);
        assertThat(a.threshold()).isEqualTo(4000.0);
        assertThat(a.message()).isEqualTo("spx (csv:spx) is below 4000: 3990 on 2026-03-02");
        assertThat(fired(e.evaluate(snap(2, 3900, 10.0, Set.of()), RULES, 3))).as("still below").isEmpty();
        assertThat(fired(e.evaluate(snap(2, 4050, 10.0, Set.of()), RULES, 4))).isEmpty();
        assertThat(fired(e.evaluate(snap(2, 3950, 10.0, Set.of()), RULES, 5))).containsExactly("spx-low:spx:below");
    }

    @Test
    void anIndicatorThresholdReadsTheChecklistsReading() {
        Evaluator e = new Evaluator();
        assertThat(fired(e.evaluate(snap(2, 4100, 10.0, Set.of()), RULES, 1))).isEmpty();
        assertThat(fired(e.evaluate(snap(2, 4100, 30.0, Set.of()), RULES, 2)))
                .containsExactly("move:us10y change-bp(5):above");
        assertThat(fired(e.evaluate(snap(2, 4100, null, Set.of()), RULES, 3))).as("no reading").isEmpty();
        assertThat(fired(e.evaluate(snap(2, 4100, 26.0, Set.of()), RULES, 4))).as("back from no reading")
                .containsExactly("move:us10y change-bp(5):above");
    }

    @Test
    void whatAlreadyHoldsAtTheFirstLookIsAStandingStateNotAnAlert() {
        Evaluator e = new Evaluator();
        assertThat(fired(e.evaluate(snap(3, 3900, 30.0, Set.of("btc")), RULES, 1))).isEmpty();
        assertThat(fired(e.evaluate(snap(3, 3800, 31.0, Set.of("btc")), RULES, 2))).isEmpty();
        assertThat(fired(e.evaluate(snap(3, 3800, 31.0, Set.of("btc", "vix")), RULES, 3)))
                .containsExactly("stale:vix:stale");
    }

    @Test
    void withoutTheStoreOrTheChecklistTheFirstLookWaitsForThem() {
        Evaluator e = new Evaluator();
        Evaluator.Snapshot blind = new Evaluator.Snapshot("", null, Set.of(), Map.of(), List.of(), Map.of(), false,
                Map.of());
        assertThat(fired(e.evaluate(blind, RULES, 1))).isEmpty();
        assertThat(fired(e.evaluate(snap(3, 3900, 30.0, Set.of("btc")), RULES, 2))).as("the first real look")
                .isEmpty();
    }

    @Test
    void aRoleWithoutAValueAtTheFirstLookFiresWhenItsValueArrivesBeyondTheLevel() {
        Evaluator e = new Evaluator();
        Evaluator.Snapshot none = new Evaluator.Snapshot("2026-03-02", 2, Set.of(), Map.of(), List.of(), Map.of(), true,
                BOUND);
        assertThat(fired(e.evaluate(none, RULES, 1))).isEmpty();
        assertThat(fired(e.evaluate(snap(2, 3900, 10.0, Set.of()), RULES, 2))).containsExactly("spx-low:spx:below");
    }

    @Test
    void aTierChangeFiresAfterTheFirstSnapshotAndAStaleRoleOncePerSpell() {
        Evaluator e = new Evaluator();
        assertThat(fired(e.evaluate(snap(2, 4100, 10.0, Set.of()), RULES, 1))).isEmpty();
        assertThat(fired(e.evaluate(snap(4, 4100, 10.0, Set.of("btc")), RULES, 2)))
                .containsExactly("tier:tier:4", "stale:btc:stale");
        assertThat(fired(e.evaluate(snap(4, 4100, 10.0, Set.of("btc")), RULES, 3))).isEmpty();
        assertThat(fired(e.evaluate(snap(4, 4100, 10.0, Set.of()), RULES, 4))).isEmpty();
        assertThat(fired(e.evaluate(snap(4, 4100, 10.0, Set.of("btc")), RULES, 5))).containsExactly("stale:btc:stale");
    }

    @Test
    void aChecklistReadingThatCrossesItsThresholdIsReportedWithItsSeriesAndRule() {
        Evaluator e = new Evaluator();
        assertThat(e.evaluate(look(withTenYear("2026-07-22", 12.0)), CROSSINGS, 1)).as("the first look notes").isEmpty();
        List<Evaluator.Firing> crossed = e.evaluate(look(withTenYear("2026-07-23", 17.5)), CROSSINGS, 42);
        assertThat(crossed).hasSize(1);
        Alert a = crossed.get(0).alert();
        assertThat(a.kind()).isEqualTo(AlertKind.CHECKLIST_CROSSING);
        assertThat(a.rule()).isEqualTo("crossing");
        assertThat(a.subject()).isEqualTo("us10y change-bp(5)");
        assertThat(a.previous()).isEqualTo("below");
        assertThat(a.current()).isEqualTo("above");
        assertThat(a.value()).isEqualTo(17.5);
        assertThat(a.threshold()).isEqualTo(15.0);
        assertThat(a.asOf()).isEqualTo("2026-07-23");
        assertThat(a.timeMillis()).isEqualTo(42);
        assertThat(a.source()).isEqualTo("us10y = fred:DGS10 \u2014 10Y up >= 15 bp in 5 days is adverse");
        assertThat(a.message()).isEqualTo("us10y change-bp(5) moved above its checklist threshold 15: 17.5 as of "
                + "2026-07-23 (us10y = fred:DGS10 \u2014 10Y up >= 15 bp in 5 days is adverse)");
    }

    @Test
    void stayingOnOneSideOrAMissingValueGivesNoCrossing() {
        Evaluator e = new Evaluator();
        e.evaluate(look(withTenYear("a", 16.0)), CROSSINGS, 1);
        assertThat(e.evaluate(look(withTenYear("b", 30.0)), CROSSINGS, 2)).as("above, still above").isEmpty();
        assertThat(e.evaluate(look(withTenYear("c", null)), CROSSINGS, 3)).as("no value").isEmpty();
        assertThat(e.evaluate(look(withTenYear("d", 10.0)), CROSSINGS, 4))
                .as("below, but the look before had no value to compare with").isEmpty();
    }

    @Test
    void fallingBackBelowIsACrossingTooAndTheThresholdItselfCountsAsAbove() {
        Evaluator e = new Evaluator();
        assertThat(e.evaluate(look(withTenYear("a", 14.0)), CROSSINGS, 1)).isEmpty();
        assertThat(e.evaluate(look(withTenYear("b", 15.0)), CROSSINGS, 2)).singleElement()
                .extracting(f -> f.alert().current()).isEqualTo("above");
        assertThat(e.evaluate(look(withTenYear("c", 14.9)), CROSSINGS, 3)).singleElement()
                .extracting(f -> f.alert().previous() + " -> " + f.alert().current()).isEqualTo("above -> below");
    }

    @Test
    void aReadingAlreadyBeyondItsThresholdAtTheFirstLookIsAStandingStateAndALookWithoutAVerdictChangesNothing() {
        Evaluator e = new Evaluator();
        assertThat(e.evaluate(look(withTenYear("a", 20.0)), CROSSINGS, 1)).isEmpty();
        Evaluator.Snapshot blind = new Evaluator.Snapshot("", null, Set.of(), Map.of(), List.of(), Map.of(), false,
                Map.of());
        assertThat(e.evaluate(blind, CROSSINGS, 2)).as("the checklist went away for a moment").isEmpty();
        assertThat(e.evaluate(look(withTenYear("b", 5.0)), CROSSINGS, 3)).as("compared with the last look that had it")
                .singleElement().extracting(f -> f.alert().current()).isEqualTo("below");
    }
}
