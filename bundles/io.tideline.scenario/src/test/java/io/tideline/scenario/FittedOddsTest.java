package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ratios fitted walk-forward on a synthetic history whose truth is known. */
class FittedOddsTest {

    private static final int DAYS = 3_000;
    private static final int HORIZON = 20;

    /** Outcome B (1) on 20% of days, A (0) otherwise. */
    private static int[] outcomes(Random random) {
        int[] label = new int[DAYS];
        for (int i = 0; i < DAYS; i++) {
            label[i] = random.nextDouble() < 0.2 ? 1 : 0;
        }
        return label;
    }

    /** Every day a calendar bar: day i is bar i. */
    private static int[] days() {
        return java.util.stream.IntStream.range(0, DAYS).toArray();
    }

    @Test
    void aConditionThatForetellsTheOutcomeIsLearnedAndBeatsTheBaseRate() {
        Random random = new Random(7);
        int[] label = outcomes(random);
        // Condition 0 is met on 80% of B days and 10% of A days; condition 1 is noise.
        byte[][] states = new byte[DAYS][2];
        for (int i = 0; i < DAYS; i++) {
            double pMet = label[i] == 1 ? 0.8 : 0.1;
            states[i][0] = (byte) (random.nextDouble() < pMet ? 0 : 1);
            states[i][1] = (byte) (random.nextDouble() < 0.5 ? 0 : 1);
        }
        double[][] odds = FittedOdds.walk(states, days(), new int[] {0, 1}, label, 2, HORIZON);

        List<Score.ScenarioScore> s = Score.score(List.of("A", "B"), odds, label, days(), HORIZON, 0);
        assertThat(s.get(1).skill()).as("B's skill").isGreaterThan(0.15);
        // Late in the walk the odds on a met day approach the truth: P(B | met) = .2*.8 / (.2*.8 + .8*.1) = 2/3,
        // pulled toward the base rate by the tempering.
        double metDays = 0;
        double metOdds = 0;
        for (int i = DAYS - 500; i < DAYS; i++) {
            if (states[i][0] == 0) {
                metDays++;
                metOdds += odds[i][1];
            }
        }
        assertThat(metOdds / metDays).isBetween(0.35, 2.0 / 3);
        for (double[] day : odds) {
            assertThat(day[0] + day[1]).isCloseTo(1.0, within(1e-12));
            assertThat(day[1]).isBetween(FittedOdds.FLOOR, 1 - FittedOdds.FLOOR);
        }
    }

    @Test
    void noiseLeavesTheBaseRateAndUnknownReadingsCountForNothing() {
        Random random = new Random(11);
        int[] label = outcomes(random);
        byte[][] states = new byte[DAYS][1];
        for (int i = 0; i < DAYS; i++) {
            states[i][0] = (byte) (i % 3 == 0 ? 2 : random.nextDouble() < 0.5 ? 0 : 1);
        }
        double[][] odds = FittedOdds.walk(states, days(), new int[] {0}, label, 2, HORIZON);
        // An unknown reading: exactly the base rate of the days known then, floored.
        int i = 2_400;
        int ripe = i - HORIZON + 1;
        int b = 0;
        for (int j = 0; j < ripe; j++) {
            b += label[j];
        }
        double base = (b + 1.0) / (ripe + 2);
        double logitB = Math.log(base / (1 - base));
        double baseA = (ripe - b + 1.0) / (ripe + 2);
        double pB = 1 / (1 + Math.exp(-logitB));
        double pA = 1 / (1 + Math.exp(-Math.log(baseA / (1 - baseA))));
        assertThat(odds[i][1]).isCloseTo((1 - 2 * FittedOdds.FLOOR) * pB / (pA + pB) + FittedOdds.FLOOR, within(1e-12));
        // Noise days stay near the base rate of about 20%.
        assertThat(odds[DAYS - 2][1]).isBetween(0.1, 0.3);
        // Before the first 250 outcomes are known, the base rate alone: the same odds whatever the reading.
        assertThat(odds[100][1]).isCloseTo(odds[101][1], within(0.01));
    }

    /** Odds of scenario 1 on each day from the base rate alone of the days known then, bounded as the model bounds them. */
    private static double baseRateOdds(int[] label, int day) {
        int ripe = Math.max(0, day - HORIZON + 1);
        int b = 0;
        for (int j = 0; j < ripe; j++) {
            b += label[j];
        }
        double base = (b + 1.0) / (ripe + 2);
        return (1 - 2 * FittedOdds.FLOOR) * base + FittedOdds.FLOOR;
    }

    @Test
    void aFitThatHasNotBeatenTheBaseRateOnPastDaysFallsBackToIt() {
        Random random = new Random(5);
        int[] label = outcomes(random);
        // Three conditions of pure noise: a fit of them can only add error
        byte[][] states = new byte[DAYS][3];
        for (int i = 0; i < DAYS; i++) {
            for (int c = 0; c < 3; c++) {
                states[i][c] = (byte) (random.nextDouble() < 0.3 ? 0 : 1);
            }
        }
        int[] group = {0, 1, 2};
        double[][] odds = FittedOdds.walk(states, days(), group, label, 2, HORIZON);
        // Late in the walk, with thousands of scored forecasts, the fit keeps at most a quarter of its
        // weight (chance can favour a little of it over a finite history, never much): the odds
        // stay within a point of the base rate whatever the readings
        FittedOdds.Model model = new FittedOdds.Model(group, 3, 2, HORIZON);
        for (int i = 0; i < DAYS; i++) {
            model.learnUpTo(i);
            model.queue(i, states[i], label[i]);
        }
        model.learnUpTo(DAYS + HORIZON);
        assertThat(model.weight(0)).isLessThanOrEqualTo(0.25);
        assertThat(model.weight(1)).isLessThanOrEqualTo(0.25);
        for (int i = DAYS - 300; i < DAYS; i++) {
            assertThat(odds[i][1]).as("day %d", i).isCloseTo(baseRateOdds(label, i), within(0.01));
        }
    }

    @Test
    void aFitThatForetellsKeepsItsFullWeight() {
        Random random = new Random(9);
        int[] label = outcomes(random);
        byte[][] states = new byte[DAYS][1];
        for (int i = 0; i < DAYS; i++) {
            states[i][0] = (byte) (random.nextDouble() < (label[i] == 1 ? 0.8 : 0.1) ? 0 : 1);
        }
        FittedOdds.Model model = new FittedOdds.Model(new int[] {0}, 1, 2, HORIZON);
        for (int i = 0; i < DAYS; i++) {
            model.learnUpTo(i);
            model.queue(i, states[i], label[i]);
        }
        model.learnUpTo(DAYS + HORIZON);
        assertThat(model.weight(1)).isEqualTo(1.0);
        assertThat(model.days()).isEqualTo(DAYS);
    }

    @Test
    void outcomesKnownThreeBarsLateAreTheSameAsALongerHorizon() {
        // a day whose decision time sees only the bar three back learns what a horizon three bars
        // longer would let it learn; the days waiting for their outcome then outgrow the first room
        Random random = new Random(3);
        int[] label = outcomes(random);
        byte[][] states = new byte[DAYS][1];
        for (int i = 0; i < DAYS; i++) {
            states[i][0] = (byte) (random.nextDouble() < (label[i] == 1 ? 0.7 : 0.2) ? 0 : 1);
        }
        int[] at = days();
        int[] late = java.util.Arrays.stream(at).map(i -> Math.max(0, i - 3)).toArray();
        double[][] lagged = FittedOdds.walk(states, at, late, new int[] {0}, label, 2, HORIZON);
        double[][] longer = FittedOdds.walk(states, at, at, new int[] {0}, label, 2, HORIZON + 3);
        for (int i = 0; i < DAYS; i++) {
            assertThat(lagged[i][1]).as("day %d", i).isCloseTo(longer[i][1], within(1e-15));
        }
        assertThat(lagged[DAYS - 1][1]).isNotCloseTo(lagged[0][1], within(1e-6));
    }
}
