package io.tideline.scenario;

import io.tideline.scenario.api.ConditionState;
import java.util.List;

/**
 * The likelihood-ratio update: each scenario starts from its prior odds; every condition observed
 * MET multiplies scenario s's odds by its likelihood ratio {@code L(c, s)}, NOT_MET by
 * {@code ifNotMet(c, s)} (default {@code 1 / L(c, s)}), UNKNOWN by 1; the products are normalised
 * to probabilities. This is Bayes' rule with the conditions treated as independent given the
 * scenario, and the ratios read as P(observation | s) up to a factor common to all scenarios.
 * Computed in log space so that many conditions cannot underflow. Stateless.
 */
final class Odds {

    private Odds() {
    }

    /** The factor condition {@code c} in state {@code state} puts on scenario {@code s}'s odds. */
    static double factor(Pack.Condition c, String s, ConditionState state) {
        return switch (state) {
            case MET -> c.factorIfMet(s);
            case NOT_MET -> c.factorIfNotMet(s);
            case UNKNOWN -> 1;
        };
    }

    /**
     * The posterior probabilities.
     *
     * @param ids the scenario ids
     * @param prior the prior weights (positive; normalised here)
     * @param conditions the conditions
     * @param states their states, by index
     */
    static double[] posterior(List<String> ids, double[] prior, List<Pack.Condition> conditions,
            ConditionState[] states) {
        int n = ids.size();
        double[] log = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            double l = Math.log(prior[s]);
            for (int c = 0; c < conditions.size(); c++) {
                l += Math.log(factor(conditions.get(c), ids.get(s), states[c]));
            }
            log[s] = l;
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] p = new double[n];
        for (int s = 0; s < n; s++) {
            p[s] = Math.exp(log[s] - max);
            sum += p[s];
        }
        for (int s = 0; s < n; s++) {
            p[s] /= sum;
        }
        return p;
    }

    /** The priors normalised to sum to 1. */
    static double[] normalised(double[] prior) {
        double sum = 0;
        for (double v : prior) {
            sum += v;
        }
        double[] p = new double[prior.length];
        for (int i = 0; i < prior.length; i++) {
            p[i] = prior[i] / sum;
        }
        return p;
    }
}
