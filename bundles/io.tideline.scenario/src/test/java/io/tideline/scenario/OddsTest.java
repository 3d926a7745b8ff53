package io.tideline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.scenario.api.ConditionState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OddsTest {

    private static final List<String> IDS = List.of("A", "B", "C");

    private static Pack.Condition condition(String id, Map<String, Double> likelihood, Map<String, Double> ifNotMet) {
        return new Pack.Condition(id, "test " + id, "sma", Map.of(), List.of("spx"), null, null, null, "<", 0.0,
                likelihood, ifNotMet);
    }

    @Test
    void theHandComputedTwoConditionPosterior() {
        // priors 0.5/0.3/0.2; c1 MET with A:2, B:0.5; c2 NOT_MET with C:4 (so C gets 1/4) and an explicit ifNotMet B:0.8
        Pack.Condition c1 = condition("c1", Map.of("A", 2.0, "B", 0.5), null);
        Pack.Condition c2 = condition("c2", Map.of("C", 4.0), Map.of("B", 0.8));
        double[] p = Odds.posterior(IDS, new double[] {0.5, 0.3, 0.2}, List.of(c1, c2),
                new ConditionState[] {ConditionState.MET, ConditionState.NOT_MET});
        // odds: A 0.5*2*1 = 1.0; B 0.3*0.5*0.8 = 0.12; C 0.2*1*0.25 = 0.05; sum 1.17
        assertThat(p[0]).isCloseTo(1.0 / 1.17, within(1e-12));
        assertThat(p[1]).isCloseTo(0.12 / 1.17, within(1e-12));
        assertThat(p[2]).isCloseTo(0.05 / 1.17, within(1e-12));
    }

    @Test
    void unknownLeavesThePriorAndProbabilitiesSumToOne() {
        Pack.Condition c1 = condition("c1", Map.of("A", 2.0, "B", 0.5), null);
        double[] p = Odds.posterior(IDS, new double[] {5, 3, 2}, List.of(c1),
                new ConditionState[] {ConditionState.UNKNOWN});
        assertThat(p).containsExactly(new double[] {0.5, 0.3, 0.2}, within(1e-12));
    }

    @Test
    void probabilitiesSumToOneAndFlippingAConditionMovesItsScenarioInTheDocumentedDirection() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(12);
            List<Pack.Condition> cs = new java.util.ArrayList<>();
            ConditionState[] states = new ConditionState[n];
            for (int i = 0; i < n; i++) {
                cs.add(condition("c" + i, Map.of(IDS.get(random.nextInt(3)), 0.1 + 5 * random.nextDouble()), null));
                states[i] = ConditionState.values()[random.nextInt(3)];
            }
            double[] prior = {random.nextDouble() + 0.01, random.nextDouble() + 0.01, random.nextDouble() + 0.01};
            double[] p = Odds.posterior(IDS, prior, cs, states);
            assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
            // flip condition 0 to MET: the scenario it names gains if its ratio is above 1, loses if below
            Pack.Condition c = cs.get(0);
            String s = c.likelihood().keySet().iterator().next();
            int k = IDS.indexOf(s);
            ConditionState[] met = states.clone();
            met[0] = ConditionState.MET;
            ConditionState[] notMet = states.clone();
            notMet[0] = ConditionState.NOT_MET;
            double pm = Odds.posterior(IDS, prior, cs, met)[k];
            double pn = Odds.posterior(IDS, prior, cs, notMet)[k];
            if (c.likelihood().get(s) > 1) {
                assertThat(pm).isGreaterThan(pn);
            } else if (c.likelihood().get(s) < 1) {
                assertThat(pm).isLessThan(pn);
            }
        }
    }

    @Test
    void moreThanAThirdUnknownShrinksTheUpdateByTheKnownShare() {
        // A bears on c1..c3 (c1 MET A:2, c2 NOT_MET A:0.5 -> x2, c3 UNKNOWN A:4): 1 of 3 unknown, not more
        // than a third, so A's update is whole. B bears on c1 (B:0.5, MET), c3 (B:3) and c4 (B:2), both
        // UNKNOWN: 2 of 3 unknown, so B's log update counts 1/3. C bears on nothing: its prior.
        Pack.Condition c1 = condition("c1", Map.of("A", 2.0, "B", 0.5), null);
        Pack.Condition c2 = condition("c2", Map.of("A", 0.5), null);
        Pack.Condition c3 = condition("c3", Map.of("A", 4.0, "B", 3.0), null);
        Pack.Condition c4 = condition("c4", Map.of("B", 2.0), null);
        ConditionState[] states = {ConditionState.MET, ConditionState.NOT_MET, ConditionState.UNKNOWN,
            ConditionState.UNKNOWN};
        List<Pack.Condition> cs = List.of(c1, c2, c3, c4);
        assertThat(Odds.weights(IDS, cs, states)).containsExactly(new double[] {1, 1.0 / 3, 1}, within(1e-15));
        double[] p = Odds.posterior(IDS, new double[] {0.5, 0.3, 0.2}, cs, states);
        // A: 0.5 * 2 * 2 = 2.0; B: 0.3 * 0.5^(1/3) = 0.3 * 0.793700526 = 0.238110158; C: 0.2
        double a = 2.0;
        double b = 0.3 * 0.7937005259840998;
        double c = 0.2;
        double sum = a + b + c;
        assertThat(p[0]).isCloseTo(a / sum, within(1e-12));
        assertThat(p[1]).isCloseTo(b / sum, within(1e-12));
        assertThat(p[2]).isCloseTo(c / sum, within(1e-12));
        // without the pull B would have 0.3 * 0.5 = 0.15: the pull keeps it nearer its prior odds of 0.3
        assertThat(b).isGreaterThan(0.15).isLessThan(0.3);
    }

    @Test
    void aScenarioWithEveryConditionUnknownKeepsItsPriorOdds() {
        Pack.Condition c1 = condition("c1", Map.of("A", 2.0), null);
        Pack.Condition c2 = condition("c2", Map.of("B", 3.0), null);
        double[] w = Odds.weights(IDS, List.of(c1, c2), new ConditionState[] {ConditionState.MET,
            ConditionState.UNKNOWN});
        assertThat(w).containsExactly(new double[] {1, 0, 1}, within(1e-15));
    }

    @Test
    void manyConditionsDoNotUnderflow() {
        List<Pack.Condition> cs = new java.util.ArrayList<>();
        ConditionState[] states = new ConditionState[400];
        for (int i = 0; i < 400; i++) {
            cs.add(condition("c" + i, Map.of("A", 0.02, "B", 0.03), null));
            states[i] = ConditionState.MET;
        }
        double[] p = Odds.posterior(IDS, new double[] {1, 1, 1}, cs, states);
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(p[2]).isCloseTo(1.0, within(1e-12));
    }
}
