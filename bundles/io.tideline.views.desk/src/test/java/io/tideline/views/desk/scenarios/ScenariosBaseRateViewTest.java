package io.tideline.views.desk.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.views.desk.FakeDesk;
import io.tideline.views.desk.SwtHarness;
import io.tideline.views.desk.TestContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scenario whose fitted conditions have not beaten its base rate (weight of the fit 0) is said
 * to show the base rate, above the tabs and in its tooltip; nothing is said when every fit counts.
 */
class ScenariosBaseRateViewTest {

    private static final long WAIT = 10_000;

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** The fake desk's report with fitted odds at these weights of the fit, in A, B, C order. */
    private static final class WeightedDesk extends FakeDesk {
        private final double[] weights;

        WeightedDesk(double... weights) {
            this.weights = weights;
        }

        @Override
        public ScenarioReport scenarios(LocalDate day, String portfolioFile) {
            ScenarioReport r = super.scenarios(day, portfolioFile);
            List<ScenarioResult> fitted = new java.util.ArrayList<>();
            for (int k = 0; k < r.scenarios().size(); k++) {
                ScenarioResult s = r.scenarios().get(k);
                fitted.add(new ScenarioResult(s.id(), s.name(), 0.25, s.probability(), s.conditions(), s.shocks(),
                        s.cascade(), s.pnl(), s.positions(), 0.5, weights[k]));
            }
            return new ScenarioReport(r.asOf(), fitted, r.expectedPnl(), r.worstCase(), r.worstScenario(), r.watch(),
                    r.analogues(), r.conditions(), r.pack(), r.warnings(), r.gaps(), "fitted on 3,023 past days");
        }
    }

    private ScenariosView open(FakeDesk desk) {
        shell = SwtHarness.shell(760, 420);
        ScenariosView view = new ScenariosView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null, WAIT, "the scenarios");
        SwtHarness.pump(300);
        return view;
    }

    /** The tooltip of the odds row of scenario {@code id}. */
    private static String tipOf(ScenariosView view, String id) {
        for (int y = ScenariosView.PAD; y < ScenariosView.PAD + 300; y++) {
            String tip = view.oddsTip(y);
            if (tip != null && tip.startsWith(id + " ")) {
                return tip;
            }
        }
        throw new AssertionError("no odds row for " + id);
    }

    @Test
    void aScenarioOnItsBaseRateIsSaidToBeSoAboveTheTabsAndOnItsRow() throws Exception {
        ScenariosView view = open(new WeightedDesk(0.75, 0.75, 0));
        SwtHarness.pumpUntil(() -> view.baseRateLabel().isVisible(), WAIT, "the base-rate line");

        assertThat(view.baseRateLabel().getText()).isEqualTo("C: odds are the base rate; the conditions have not"
                + " beaten it in past forecasts (scenarios score)");
        assertThat(view.baseRateLabel().getToolTipText()).isEqualTo("Weight of the fit against the base rate, by its"
                + " past forecasts: A 75%, B 75%, C 0%. At 0% the day's conditions do not move a scenario's odds.");
        assertThat(view.baseRateLabel().getBounds().y + view.baseRateLabel().getSize().y).as("above the tabs")
                .isLessThanOrEqualTo(view.tabs().getBounds().y);
        assertThat(tipOf(view, "C")).contains("\nC: odds are the base rate; the conditions have not beaten it");
        assertThat(tipOf(view, "A")).doesNotContain("odds are the base rate");
        SwtHarness.screenshot(shell, "scenarios-base-rate");
    }

    @Test
    void everyFitCountingNeedsNoWord() {
        ScenariosView view = open(new WeightedDesk(0.75, 0.25, 0.5));
        assertThat(view.baseRateLabel().isVisible()).isFalse();
        assertThat(view.baseRateLabel().getText()).isEmpty();
        assertThat(tipOf(view, "C")).doesNotContain("odds are the base rate");
    }
}
