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
