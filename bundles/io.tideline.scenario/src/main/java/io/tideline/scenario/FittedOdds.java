package io.tideline.scenario;

/**
 * Scenario odds fitted on history instead of asserted, walk-forward: on each day only the days
 * whose outcome was already known (at least the horizon back) have taught the model anything.
 *
 * <p>For each scenario s and condition c the chances that c was met, given that s came and given
 * that it did not, are counted on those days (Laplace-smoothed); a MET reading contributes the log
 * of their ratio, a NOT_MET reading the log of {@code (1 - p) / (1 - q)}, an UNKNOWN one nothing.
 * Conditions that read the same inputs (the 10-year yield both ways, say) are one vote: their
 * contributions are averaged. The sum of the votes, tempered by {@value #TEMPER} (the conditions
 * are not independent), moves the base rate's log-odds; the scenarios' results are normalised to
 * sum to 1 and kept within [{@value #FLOOR}, {@code 1 - (n - 1) * FLOOR}] for n scenarios, so no
 * odds are ever 0 or 1. Before {@value #MIN_TRAINING} days have an outcome the base rate alone is
 * the forecast. O(days x conditions x scenarios); primitive arrays only.
 */
final class FittedOdds {

    static final int MIN_TRAINING = 250;
    static final double TEMPER = 0.5;
    static final double FLOOR = 0.01;

    private static final byte MET = 0;
    private static final byte NOT_MET = 1;

    private FittedOdds() {
    }

    /**
     * The fitted odds of each day.
     *
     * @param states per day and condition, the {@code ConditionState} ordinal (MET 0, NOT_MET 1, UNKNOWN 2)
     * @param group per condition, the index of its vote (conditions reading the same inputs share one)
     * @param groups how many votes there are
     * @param label per day, the index of the scenario that came (known {@code horizon} days later)
     * @param kinds how many scenarios there are
     */
    static double[][] walk(byte[][] states, int[] group, int groups, int[] label, int kinds, int horizon) {
        int days = label.length;
        int conditions = group.length;
        // met[s][c], known[s][c]: among the ripe days whose outcome was s
        int[][] met = new int[kinds][conditions];
        int[][] known = new int[kinds][conditions];
        int[] metAll = new int[conditions];
        int[] knownAll = new int[conditions];
        int[] outcomes = new int[kinds];
        int ripe = 0;
        double[][] odds = new double[days][kinds];
        double[] vote = new double[groups];
        int[] votes = new int[groups];
        for (int i = 0; i < days; i++) {
            int j = i - horizon;
            if (j >= 0) {
                int s = label[j];
                outcomes[s]++;
                ripe++;
                for (int c = 0; c < conditions; c++) {
                    byte st = states[j][c];
                    if (st == MET || st == NOT_MET) {
                        known[s][c]++;
                        knownAll[c]++;
                        if (st == MET) {
                            met[s][c]++;
                            metAll[c]++;
                        }
                    }
                }
            }
            double total = 0;
            for (int s = 0; s < kinds; s++) {
                double base = (outcomes[s] + 1.0) / (ripe + kinds);
                double logit = Math.log(base / (1 - base));
                if (ripe >= MIN_TRAINING) {
                    java.util.Arrays.fill(vote, 0);
                    java.util.Arrays.fill(votes, 0);
                    for (int c = 0; c < conditions; c++) {
                        byte st = states[i][c];
                        if (st != MET && st != NOT_MET) {
                            continue;
                        }
                        double p = (met[s][c] + 1.0) / (known[s][c] + 2.0);
                        double q = (metAll[c] - met[s][c] + 1.0) / (knownAll[c] - known[s][c] + 2.0);
                        vote[group[c]] += st == MET ? Math.log(p / q) : Math.log((1 - p) / (1 - q));
                        votes[group[c]]++;
                    }
                    double sum = 0;
                    for (int g = 0; g < groups; g++) {
                        if (votes[g] > 0) {
                            sum += vote[g] / votes[g];
                        }
                    }
                    logit += TEMPER * sum;
                }
                odds[i][s] = 1 / (1 + Math.exp(-logit));
                total += odds[i][s];
            }
            for (int s = 0; s < kinds; s++) {
                odds[i][s] = (1 - kinds * FLOOR) * (odds[i][s] / total) + FLOOR;
            }
        }
        return odds;
    }
}
