package io.tideline.views.desk.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.scenario.api.ScenarioSkill;
import io.tideline.scenario.api.SkillSummary;
import io.tideline.views.desk.FakeDesk;
import io.tideline.views.desk.SwtHarness;
import io.tideline.views.desk.TestContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scenarios view says when its odds have not beaten their base rate on the past days scored
 * (the service's {@code skill()}), whole, above the tabs; and says nothing when they have.
 */
class ScenariosSkillViewTest {

    private static final long WAIT = 10_000;
    private static final String OUTCOME = "over the next 20 trading days: B if the calendar role closes 5% or more"
            + " below the day's close at some point; else C if it ends higher and us10y ends 10 bp or more lower; else A";

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** The fake desk with the skill the service gives. */
    private static final class ScoredDesk extends FakeDesk {
        private final SkillSummary skill;

        ScoredDesk(double a, double b, double c) {
            skill = new SkillSummary("2014-01-02", "2026-06-24", 3137, OUTCOME, List.of(new ScenarioSkill("A", a, a > 0),
                    new ScenarioSkill("B", b, b > 0), new ScenarioSkill("C", c, c > 0)));
        }

        @Override
        public Optional<SkillSummary> scenarioSkill() {
            return Optional.of(skill);
        }
    }

    private ScenariosView open(FakeDesk desk) {
        shell = SwtHarness.shell(760, 420);
        ScenariosView view = new ScenariosView(shell, new TestContext(Locale.ENGLISH, Map.of()), desk);
        shell.open();
        SwtHarness.pumpUntil(() -> view.report() != null, WAIT, "the scenarios");
        SwtHarness.pump(500);
        return view;
    }

    @Test
    void oddsThatDidNotBeatTheirBaseRateAreSaidToForecastNoBetterThanIt() throws Exception {
        ScenariosView view = open(new ScoredDesk(-0.208, -0.205, 0.031));
        SwtHarness.pumpUntil(() -> view.skillLabel().isVisible(), WAIT, "the skill line");

        assertThat(view.skillLabel().getText()).isEqualTo("Scored on 3,137 past days (2014-01-02 to 2026-06-24): A, B"
                + " did not beat the base rate; their odds forecast no better than how often each followed (scenarios score)");
        assertThat(view.skillLabel().getToolTipText()).isEqualTo("Outcome " + OUTCOME + ". Skill (1 - Brier /"
                + " base-rate Brier; above 0 beats the base rate): A -0.208, B -0.205, C +0.031");
        Point size = view.skillLabel().getSize();
        assertThat(size.y).as("the line's height for its wrapped text")
                .isGreaterThanOrEqualTo(view.skillLabel().computeSize(size.x, org.eclipse.swt.SWT.DEFAULT).y);
        assertThat(view.skillLabel().getBounds().y + size.y).as("above the tabs")
                .isLessThanOrEqualTo(view.tabs().getBounds().y);
        SwtHarness.screenshot(shell, "scenarios-skill");
    }

    @Test
    void oddsThatBeatTheirBaseRateNeedNoWord() {
        ScenariosView view = open(new ScoredDesk(0.05, 0.02, 0.01));
        SwtHarness.pumpUntil(view::skillAnswered, WAIT, "the skill");
        assertThat(view.skillLabel().isVisible()).isFalse();
        assertThat(view.skillLabel().getText()).isEmpty();
    }
}
