package io.tideline.views.desk.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.scenario.api.EvidenceGap;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.views.desk.FakeDesk;
import io.tideline.views.desk.SwtHarness;
import io.tideline.views.desk.TestContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scenarios view says which scenarios rest on too little evidence, above the tabs, whole, in
 * the morning pane's size and in a short one; screenshots go to {@code target/screenshots/}.
 */
class ScenariosGapViewTest {

    private static final long WAIT = 10_000;

    /** The gaps the scenario service reports on the sample's newest day (2026-07-23, 'asof latest'). */
    private static final List<EvidenceGap> SAMPLE_LATEST = List.of(
            new EvidenceGap("A", 6, 13, 7 / 13.0, List.of("hy.spread, us10y, us2y, vix stale since 2025-12-30")),
            new EvidenceGap("B", 6, 14, 8 / 14.0, List.of("hy.spread, us10y, us2y, vix stale since 2025-12-30",
                    "btc.funding stale since 2026-02-12")),
            new EvidenceGap("C", 4, 9, 5 / 9.0, List.of("hy.spread, us10y, us2y, vix stale since 2025-12-30")));

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** The fake desk's report with gaps (and their warnings) as the service gives them. */
    private static class ThinDesk extends FakeDesk {
        volatile List<EvidenceGap> gaps = SAMPLE_LATEST;

        @Override
        public ScenarioReport scenarios(LocalDate day, String portfolioFile) {
            ScenarioReport r = super.scenarios(day, portfolioFile);
            List<String> warnings = new java.util.ArrayList<>(r.warnings());
            gaps.forEach(g -> warnings.add(g.message()));
            return new ScenarioReport(r.asOf(), r.scenarios(), r.expectedPnl(), r.worstCase(), r.worstScenario(),
                    r.watch(), r.analogues(), r.conditions(), r.pack(), warnings, gaps);
        }
    }

    private ScenariosView open(ThinDesk desk, int width, int height) {
        shell = SwtHarness.shell(width, height);
        ScenariosView view = new ScenariosView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null && view.gapLabel().isVisible(), WAIT, "the scenarios");
        SwtHarness.pump(300);
        return view;
    }

    private static void assertWhole(ScenariosView view) {
        Point size = view.gapLabel().getSize();
        Point needed = view.gapLabel().computeSize(size.x, SWT.DEFAULT);
        assertThat(size.y).as("the warning's height for its wrapped lines").isGreaterThanOrEqualTo(needed.y);
        assertThat(view.gapLabel().getBounds().y + size.y).as("the warning above the tabs")
                .isLessThanOrEqualTo(view.tabs().getBounds().y);
    }

    @Test
    void theThinEvidenceIsSaidAboveTheTabsOnceWithEveryScenarioOnHover() throws Exception {
        ThinDesk desk = new ThinDesk();
        ScenariosView view = open(desk, 760, 420);
        assertThat(view.gapLabel().getText()).isEqualTo("Thin evidence: A: 6 of 13, B: 6 of 14, C: 4 of 9 conditions"
                + " unknown (hy.spread, us10y, us2y, vix stale since 2025-12-30; btc.funding stale since 2026-02-12);"
                + " odds pulled toward the prior");
        assertThat(view.gapLabel().getToolTipText().lines()).containsExactly(
                "A: 6 of 13 conditions unknown (hy.spread, us10y, us2y, vix stale since 2025-12-30); odds pulled"
                        + " toward the prior (evidence counted at 54%)",
                "B: 6 of 14 conditions unknown (hy.spread, us10y, us2y, vix stale since 2025-12-30, btc.funding stale"
                        + " since 2026-02-12); odds pulled toward the prior (evidence counted at 57%)",
                "C: 4 of 9 conditions unknown (hy.spread, us10y, us2y, vix stale since 2025-12-30); odds pulled toward"
                        + " the prior (evidence counted at 56%)");
        assertWhole(view);
        SwtHarness.screenshot(shell, "scenarios-thin-evidence");
    }

    @Test
    void inAShortPaneTheWarningStaysWholeAndGoesWhenTheEvidenceIsBack() throws Exception {
        ThinDesk desk = new ThinDesk();
        ScenariosView view = open(desk, 620, 250);
        assertWhole(view);
        assertThat(view.tabs().getBounds().height).as("the tabs keep room for rows").isGreaterThan(80);
        SwtHarness.screenshot(shell, "scenarios-thin-evidence-short");

        desk.gaps = List.of();
        desk.pin(null); // tells the views the data changed

        SwtHarness.pumpUntil(() -> !view.gapLabel().isVisible(), WAIT, "the warning gone");
        assertThat(view.gapLabel().getText()).isEmpty();
    }

    @Test
    void aFundingTheCascadeCouldNotReadIsSaidOnTheCascadeTabNotShownAsCalm() throws Exception {
        String stale = "the cascade reads no funding from btc.funding (stale since 2026-02-12): neutral funding"
                + " stands in";
        ThinDesk desk = new ThinDesk() {
            @Override
            public ScenarioReport scenarios(LocalDate day, String portfolioFile) {
                ScenarioReport r = super.scenarios(day, portfolioFile);
                List<String> warnings = new java.util.ArrayList<>(r.warnings());
                warnings.add(stale);
                return new ScenarioReport(r.asOf(), r.scenarios(), r.expectedPnl(), r.worstCase(), r.worstScenario(),
                        r.watch(), r.analogues(), r.conditions(), r.pack(), warnings, r.gaps());
            }
        };
        ScenariosView view = open(desk, 1000, 600);
        SwtHarness.pumpUntil(() -> view.cascade() != null && view.cascadeText().contains(stale.substring(1)), WAIT,
                "the cascade tab in the day's market");
        assertThat(view.cascadeText()).endsWith(" T" + stale.substring(1) + ".");
        // the evidence gaps above the tabs are the conditions' only
        assertThat(view.gapLabel().getText()).doesNotContain("the cascade");
        view.tabs().setSelection(3);
        SwtHarness.pump(300);
        SwtHarness.screenshot(shell, "scenarios-cascade-stale-funding");
    }
}
