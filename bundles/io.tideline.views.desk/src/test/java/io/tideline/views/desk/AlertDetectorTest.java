package io.tideline.views.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.regime.api.Action;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDetectorTest {

    private static Verdict withTenYear(String asOf, Double change) {
        Step macro = new Step("macro", Status.GREEN, "", List.of(
                new Evidence("us10y", "change-bp(5)", change, 15.0, "10Y up >= 15 bp in 5 days is adverse"),
                new Evidence("dollar", "level", 100.0, null, "context")));
        return new Verdict(asOf, Regime.NORMAL, false, 1, Action.NONE, 1.0, List.of(), List.of(), List.of(macro));
    }

    @Test
    void aReadingThatCrossesItsThresholdIsReportedWithItsSeries() {
        List<Alert> alerts = AlertDetector.crossings(withTenYear("2026-07-22", 12.0), withTenYear("2026-07-23", 17.5),
                Fixtures.roles(), 42L);
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.kind()).isEqualTo(Alert.Kind.THRESHOLD);
        assertThat(a.subject()).isEqualTo("us10y change-bp(5)");
        assertThat(a.previous()).isEqualTo("below");
        assertThat(a.current()).isEqualTo("above");
        assertThat(a.value()).isEqualTo(17.5);
        assertThat(a.asOf()).isEqualTo("2026-07-23");
        assertThat(a.source()).startsWith("us10y = fred:DGS10");
    }

    @Test
    void staying_on_one_side_or_missing_values_give_no_alert() {
        assertThat(AlertDetector.crossings(withTenYear("a", 16.0), withTenYear("b", 30.0), Fixtures.roles(), 0))
                .isEmpty();
        assertThat(AlertDetector.crossings(withTenYear("a", null), withTenYear("b", 30.0), Fixtures.roles(), 0))
                .isEmpty();
    }

    @Test
    void fallingBackBelowIsACrossingToo() {
        List<Alert> alerts = AlertDetector.crossings(withTenYear("a", 15.0), withTenYear("b", 14.9),
                Fixtures.roles(), 0);
        assertThat(alerts).singleElement().extracting(Alert::current).isEqualTo("below");
    }
}
