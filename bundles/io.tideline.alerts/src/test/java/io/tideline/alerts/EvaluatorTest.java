package io.tideline.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final AlertRule LOW = new AlertRule("spx-low", AlertRule.Kind.THRESHOLD, "spx", null, null, 4000.0,
            Duration.ofHours(6));
    private static final AlertRule MOVE = new AlertRule("move", AlertRule.Kind.THRESHOLD, "us10y", "change-bp(5)",
            25.0, null, Duration.ofHours(6));
    private static final AlertRules RULES = new AlertRules(List.of(LOW, MOVE,
            new AlertRule("tier", AlertRule.Kind.TIER_CHANGE, null, null, null, null, Duration.ofHours(6)),
            new AlertRule("stale", AlertRule.Kind.STALE_FEED, null, null, null, null, Duration.ofHours(6))));

    private static Evaluator.Snapshot snap(int tier, double spx, Double move, Set<String> stale) {
        return new Evaluator.Snapshot("2026-03-02", tier, stale,
                move == null ? Map.of() : Map.of("us10y change-bp(5)", move),
                Map.of("spx", new Evaluator.Value(spx, "2026-03-02", "csv:spx")), true);
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
        Evaluator.Snapshot blind = new Evaluator.Snapshot("", null, Set.of(), Map.of(), Map.of(), false);
        assertThat(fired(e.evaluate(blind, RULES, 1))).isEmpty();
        assertThat(fired(e.evaluate(snap(3, 3900, 30.0, Set.of("btc")), RULES, 2))).as("the first real look")
                .isEmpty();
    }

    @Test
    void aRoleWithoutAValueAtTheFirstLookFiresWhenItsValueArrivesBeyondTheLevel() {
        Evaluator e = new Evaluator();
        Evaluator.Snapshot none = new Evaluator.Snapshot("2026-03-02", 2, Set.of(), Map.of(), Map.of(), true);
        assertThat(fired(e.evaluate(none, RULES, 1))).isEmpty();
        assertThat(fired(e.evaluate(snap(2, 3900, 10.0, Set.of()), RULES, 2))).containsExactly("spx-low:spx:below");
    }

    @Test
    void aTierChangeFiresAfterTheFirstSnapshotAndAStaleRoleOncePerSpell() {
        Evaluator e = new Evaluator();
        assertThat(fired(e.evaluate(snap(2, 4100, 10.0, Set.of()), RULES, 1))).isEmpty();
        assertThat(fired(e.evaluate(snap(4, 4100, 10.0, Set.of("btc")), RULES, 2)))
                .containsExactly("tier:tier:tier 4", "stale:btc:stale");
        assertThat(fired(e.evaluate(snap(4, 4100, 10.0, Set.of("btc")), RULES, 3))).isEmpty();
        assertThat(fired(e.evaluate(snap(4, 4100, 10.0, Set.of()), RULES, 4))).isEmpty();
        assertThat(fired(e.evaluate(snap(4, 4100, 10.0, Set.of("btc")), RULES, 5))).containsExactly("stale:btc:stale");
    }
}
