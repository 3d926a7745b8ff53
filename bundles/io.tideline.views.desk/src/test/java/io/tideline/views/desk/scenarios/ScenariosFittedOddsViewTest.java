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

/** With odds fitted on history, a scenario's tooltip says so: the base rate, the pack's own odds and the basis. */
class ScenariosFittedOddsViewTest {

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** The fake desk's report as the scenario service gives it with fitted odds. */
    private static final class FittedDesk extends FakeDesk {
        @Override
        public ScenarioReport scenarios(LocalDate day, String portfolioFile) {
            ScenarioReport r = super.scenarios(day, portfolioFile);
            List<ScenarioResult> fitted = r.scenarios().stream().map(s -> new ScenarioResult(s.id(), s.name(), 0.25,
                    s.probability(), s.conditions(), s.shocks(), s.cascade(), s.pnl(), s.positions(), 0.875)).toList();
            return new ScenarioReport(r.asOf(), fitted, r.expectedPnl(), r.worstCase(), r.worstScenario(), r.watch(),
                    r.analogues(), r.conditions(), r.pack(), r.warnings(), r.gaps(),
                    "fitted on 3,023 past days with an outcome (2014-01-02 to 2026-01-08; over the next 20 trading days:"
                            + " B if ...)");
        }
    }

    @Test
    void theTooltipGivesTheBaseRateThePacksOwnOddsAndTheBasis() {
        shell = SwtHarness.shell(760, 420);
        ScenariosView view = new ScenariosView(shell, new TestContext(Locale.ENGLISH, Map.of()), new FittedDesk());
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null, 10_000, "the scenarios");
        SwtHarness.pump(200);
        String tip = view.oddsTip(ScenariosView.PAD + 1);
        assertThat(tip).contains("(base rate 25.0%; the pack's own ratios say 87.5%; 2026-07-23)")
                .contains("\nOdds: fitted on 3,023 past days with an outcome (2014-01-02 to 2026-01-08;")
                .doesNotContain("prior");
    }
}
