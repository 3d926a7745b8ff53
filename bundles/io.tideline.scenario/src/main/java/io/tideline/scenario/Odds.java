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
 *
 * <p>Honest gaps: a scenario for which more than a third of the conditions that bear on it (a
 * ratio other than 1 for it, met or not met) are UNKNOWN has its update shrunk by the known share:
 * {@code log odds = log prior + k * sum(log factor)}, with {@code k} the known share of those
 * conditions. The few conditions left would otherwise speak for the many that are missing; with
 * {@code k} the scenario's odds move toward its prior as the evidence thins, and stay at the prior
 * when none is known. Up to a third unknown, an UNKNOWN is neutral (factor 1) and {@code k = 1}.
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

    /** Whether condition {@code c} can move scenario {@code s}'s odds: a factor other than 1 met or not met. */
    static boolean bears(Pack.Condition c, String s) {
        return c.factorIfMet(s) != 1 || c.factorIfNotMet(s) != 1;
    }

    /**
     * The weight of the evidence per scenario: 1 while at most a third of the conditions that bear
     * on it are UNKNOWN, else their known share (0 when none is known; 1 for a scenario no
     * condition bears on).
     */
    static double[] weights(List<String> ids, List<Pack.Condition> conditions, ConditionState[] states) {
        double[] w = new double[ids.size()];
        for (int s = 0; s < ids.size(); s++) {
            int bearing = 0;
            int unknown = 0;
            for (int c = 0; c < conditions.size(); c++) {
                if (bears(conditions.get(c), ids.get(s))) {
                    bearing++;
                    unknown += states[c] == ConditionState.UNKNOWN ? 1 : 0;
                }
            }
            w[s] = bearing == 0 || 3 * unknown <= bearing ? 1 : (bearing - unknown) / (double) bearing;
        }
        return w;
    }

    /**
     * The posterior probabilities, with each scenario's update weighted by {@link #weights}.
     *
     * @param ids the scenario ids
     * @param prior the prior weights (positive; normalised here)
     * @param conditions the conditions
     * @param states their states, by index
     */
    static double[] posterior(List<String> ids, double[] prior, List<Pack.Condition> conditions,
            ConditionState[] states) {
        int n = ids.size();
        double[] weight = weights(ids, conditions, states);
        double[] log = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            double update = 0;
            for (int c = 0; c < conditions.size(); c++) {
                update += Math.log(factor(conditions.get(c), ids.get(s), states[c]));
            }
            double l = Math.log(prior[s]) + weight[s] * update;
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
