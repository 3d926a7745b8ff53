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
 * the forecast.
 *
 * <p>A fit that does not forecast better than the base rate is not shown as if it did: each
 * scenario's odds are {@code w * fitted + (1 - w) * base rate} with {@code w} one of
 * {@link #WEIGHTS}, the one whose odds would have had the lowest Brier score on the days learnt
 * from so far, each scored with the forecast the model made on that day (from the days whose
 * outcome was known then; ties go to the smaller weight), then normalised and bounded as above. A scenario whose
 * conditions carry nothing about what follows thus falls back to its base rate, walk-forward.
 * O(days x conditions x scenarios); primitive arrays only.
 */
final class FittedOdds {

    static final int MIN_TRAINING = 250;
    static final double TEMPER = 0.5;
    static final double FLOOR = 0.01;
    /** The weights of the fit against the base rate that each scenario chooses among. */
    static final double[] WEIGHTS = {0, 0.25, 0.5, 0.75, 1};

    private static final byte MET = 0;
    private static final byte NOT_MET = 1;

    private FittedOdds() {
    }

    /**
     * What the days with a known outcome taught so far: per scenario and condition how often the
     * condition was met (and read at all) on the days that scenario came, overall too. Days are
     * added in any order; {@link #odds} forecasts from everything added. Not thread-safe.
     */
    static final class Model {
        private final int[] group;
        private final int groups;
        private final int kinds;
        // met[s][c], known[s][c]: among the days whose outcome was s
        private final int[][] met;
        private final int[][] known;
        private final int[] metAll;
        private final int[] knownAll;
        private final int[] outcomes;
        private int days;
        private final double[] vote;
        private final int[] votes;
        // sse[s][w]: squared error of scenario s's odds at weight WEIGHTS[w] on the days learnt from
        private final double[][] sse;
        private final double[] fit;
        private final double[] base;
        private final int horizon;
        private byte[][] pendingStates;
        private double[][] pendingFit;
        private double[][] pendingBase;
        private int[] pendingAt;
        private int[] pendingLabel;
        private int pendingHead;
        private int pendingCount;

        /**
         * @param group per condition, the index of its vote (conditions reading the same inputs share one)
         * @param groups how many votes there are
         * @param kinds how many scenarios there are
         * @param horizon calendar bars until a day's outcome is known
         */
        Model(int[] group, int groups, int kinds, int horizon) {
            this.group = group.clone();
            this.groups = groups;
            this.kinds = kinds;
            int conditions = group.length;
            met = new int[kinds][conditions];
            known = new int[kinds][conditions];
            metAll = new int[conditions];
            knownAll = new int[conditions];
            outcomes = new int[kinds];
            vote = new double[groups];
            votes = new int[groups];
            sse = new double[kinds][WEIGHTS.length];
            fit = new double[kinds];
            base = new double[kinds];
            this.horizon = horizon;
            // days wait here from their forecast until their outcome is known: at most horizon of them
            int cap = Math.max(1, horizon) + 1;
            pendingStates = new byte[cap][conditions];
            pendingFit = new double[cap][kinds];
            pendingBase = new double[cap][kinds];
            pendingAt = new int[cap];
            pendingLabel = new int[cap];
        }

        /**
         * Walks to calendar bar {@code at}: learns every queued day whose outcome is known there
         * ({@code its at + horizon <= at}), scoring the forecast it was given, in the order queued.
         */
        void learnUpTo(int at) {
            while (pendingCount > 0) {
                int k = pendingHead;
                if (pendingAt[k] + horizon > at) {
                    return;
                }
                score(pendingFit[k], pendingBase[k], pendingLabel[k]);
                add(pendingStates[k], pendingLabel[k]);
                pendingHead = (k + 1) % pendingAt.length;
                pendingCount--;
            }
        }

        /** Queues a day whose outcomes are known up to its own bar (see {@link #queue(int, int, byte[], int)}). */
        void queue(int at, byte[] states, int label) {
            queue(at, at, states, label);
        }

        /**
         * Queues a day (calendar bars ascending): its forecast is made now, from the days learnt
         * by calendar bar {@code knownAt} (the last bar available at the day's decision time, the
         * day's own or an earlier one), and scored once its outcome is known.
         *
         * @return the day's odds, as {@link #odds} gives them (computed once for both uses)
         */
        double[] queue(int at, int knownAt, byte[] states, int label) {
            learnUpTo(knownAt);
            if (pendingCount == pendingAt.length) {
                grow(); // a calendar whose latest bars are not yet available holds more days back
            }
            fitAndBase(states);
            int k = (pendingHead + pendingCount) % pendingAt.length;
            System.arraycopy(states, 0, pendingStates[k], 0, states.length);
            System.arraycopy(fit, 0, pendingFit[k], 0, kinds);
            System.arraycopy(base, 0, pendingBase[k], 0, kinds);
            pendingAt[k] = at;
            pendingLabel[k] = label;
            pendingCount++;
            return blend();
        }

        /** Doubles the waiting room, keeping the queue's order. */
        private void grow() {
            int n = pendingAt.length;
            byte[][] st = new byte[2 * n][];
            double[][] f = new double[2 * n][];
            double[][] b = new double[2 * n][];
            int[] a = new int[2 * n];
            int[] l = new int[2 * n];
            for (int k = 0; k < n; k++) {
                int from = (pendingHead + k) % n;
                st[k] = pendingStates[from];
                f[k] = pendingFit[from];
                b[k] = pendingBase[from];
                a[k] = pendingAt[from];
                l[k] = pendingLabel[from];
            }
            for (int k = n; k < 2 * n; k++) {
                st[k] = new byte[group.length];
                f[k] = new double[kinds];
                b[k] = new double[kinds];
            }
            pendingStates = st;
            pendingFit = f;
            pendingBase = b;
            pendingAt = a;
            pendingLabel = l;
            pendingHead = 0;
        }

        /**
         * A copy that learns on by itself: what it has learnt, its pending days and their
         * forecasts, so that a kept fit can be carried on while this one stays as it is.
         */
        Model copy() {
            Model c = new Model(group, groups, kinds, horizon);
            for (int s = 0; s < kinds; s++) {
                System.arraycopy(met[s], 0, c.met[s], 0, met[s].length);
                System.arraycopy(known[s], 0, c.known[s], 0, known[s].length);
                System.arraycopy(sse[s], 0, c.sse[s], 0, sse[s].length);
            }
            System.arraycopy(metAll, 0, c.metAll, 0, metAll.length);
            System.arraycopy(knownAll, 0, c.knownAll, 0, knownAll.length);
            System.arraycopy(outcomes, 0, c.outcomes, 0, outcomes.length);
            c.days = days;
            int n = pendingAt.length;
            c.pendingStates = new byte[n][];
            c.pendingFit = new double[n][];
            c.pendingBase = new double[n][];
            for (int k = 0; k < n; k++) {
                c.pendingStates[k] = pendingStates[k].clone();
                c.pendingFit[k] = pendingFit[k].clone();
                c.pendingBase[k] = pendingBase[k].clone();
            }
            c.pendingAt = pendingAt.clone();
            c.pendingLabel = pendingLabel.clone();
            c.pendingHead = pendingHead;
            c.pendingCount = pendingCount;
            return c;
        }

        /** Adds how each weight would have done on a day given {@code f} and {@code b}, whose outcome was {@code label}. */
        private void score(double[] f, double[] b, int label) {
            if (!fitted()) {
                return; // the forecast was the base rate whatever the weight
            }
            for (int s = 0; s < kinds; s++) {
                double y = s == label ? 1 : 0;
                for (int w = 0; w < WEIGHTS.length; w++) {
                    double e = WEIGHTS[w] * f[s] + (1 - WEIGHTS[w]) * b[s] - y;
                    sse[s][w] += e * e;
                }
            }
        }

        /** Learns from a day: its condition states and the scenario that came. */
        private void add(byte[] states, int label) {
            outcomes[label]++;
            days++;
            for (int c = 0; c < group.length; c++) {
                byte st = states[c];
                if (st == MET || st == NOT_MET) {
                    known[label][c]++;
                    knownAll[c]++;
                    if (st == MET) {
                        met[label][c]++;
                        metAll[c]++;
                    }
                }
            }
        }

        /** How many days it has learnt from. */
        int days() {
            return days;
        }

        /** Whether it has learnt from enough days to use the conditions ({@value #MIN_TRAINING}). */
        boolean fitted() {
            return days >= MIN_TRAINING;
        }

        /**
         * The weight of the fit for scenario {@code s} (one of {@link #WEIGHTS}): the one with the
         * lowest squared error on the days learnt from, the smaller on a tie; 0 before any.
         */
        double weight(int s) {
            int best = 0;
            for (int w = 1; w < WEIGHTS.length; w++) {
                if (sse[s][w] < sse[s][best]) {
                    best = w;
                }
            }
            return WEIGHTS[best];
        }

        /** The forecast for a day with these condition states; the base rate alone until {@link #fitted}. */
        double[] odds(byte[] states) {
            fitAndBase(states);
            return blend();
        }

        /** The odds from the last {@link #fitAndBase}: each scenario at its weight, normalised and bounded. */
        private double[] blend() {
            double[] odds = new double[kinds];
            double total = 0;
            for (int s = 0; s < kinds; s++) {
                double w = weight(s);
                odds[s] = w * fit[s] + (1 - w) * base[s];
                total += odds[s];
            }
            for (int s = 0; s < kinds; s++) {
                odds[s] = (1 - kinds * FLOOR) * (odds[s] / total) + FLOOR;
            }
            return odds;
        }

        /**
         * Fills {@code fit} with the fitted odds (normalised, unbounded) and {@code base} with the
         * base rate of each scenario, from what has been learnt so far.
         */
        private void fitAndBase(byte[] states) {
            double total = 0;
            for (int s = 0; s < kinds; s++) {
                base[s] = (outcomes[s] + 1.0) / (days + kinds);
                double logit = Math.log(base[s] / (1 - base[s]));
                if (fitted()) {
                    java.util.Arrays.fill(vote, 0);
                    java.util.Arrays.fill(votes, 0);
                    for (int c = 0; c < group.length; c++) {
                        byte st = states[c];
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
                fit[s] = 1 / (1 + Math.exp(-logit));
                total += fit[s];
            }
            for (int s = 0; s < kinds; s++) {
                fit[s] /= total;
            }
        }
    }

    /**
     * The conditions' votes: conditions that read the same inputs (in any order) share one.
     *
     * @return per condition the index of its vote; the number of votes is the largest index + 1
     */
    static int[] groups(java.util.List<Pack.Condition> conditions) {
        int[] group = new int[conditions.size()];
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int k = 0; k < conditions.size(); k++) {
            String key = String.join(",", new java.util.TreeSet<>(conditions.get(k).inputs()));
            if (!keys.contains(key)) {
                keys.add(key);
            }
            group[k] = keys.indexOf(key);
        }
        return group;
    }

    /**
     * The fitted odds of each labelled day, walk-forward: day i's forecast learnt from the days j
     * whose outcome was known by then, {@code at[j] + horizon <= at[i]}.
     *
     * @param states per day and condition, the {@code ConditionState} ordinal (MET 0, NOT_MET 1, UNKNOWN 2)
     * @param at per day, its index in the calendar (ascending)
     * @param group per condition, the index of its vote
     * @param label per day, the index of the scenario that came
     * @param kinds how many scenarios there are
     * @param horizon calendar bars until a day's outcome is known
     */
    static double[][] walk(byte[][] states, int[] at, int[] group, int[] label, int kinds, int horizon) {
        return walk(states, at, at, group, label, kinds, horizon);
    }

    /**
     * As {@link #walk(byte[][], int[], int[], int[], int, int)}, each day learning only from the
     * outcomes known by calendar bar {@code known[i]} (the last bar available at its decision time).
     */
    static double[][] walk(byte[][] states, int[] at, int[] known, int[] group, int[] label, int kinds, int horizon) {
        int groups = java.util.Arrays.stream(group).max().orElse(-1) + 1;
        Model model = new Model(group, groups, kinds, horizon);
        double[][] odds = new double[label.length][];
        for (int i = 0; i < label.length; i++) {
            odds[i] = model.queue(at[i], known[i], states[i], label[i]);
        }
        return odds;
    }
}
