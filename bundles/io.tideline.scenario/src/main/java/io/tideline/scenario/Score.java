package io.tideline.scenario;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scenarios score}: how well the pack's odds forecast what followed, scored against the
 * simplest honest forecast, the base rate.
 *
 * <p>Each trading day of the calendar role is labelled by what the following trading days did
 * (the pack's outcome rule, below); every day's odds come from the data up to that
 * day's end ({@link Analysis#daily}). Per scenario: the Brier score of the odds (the mean of
 * {@code (p - y)^2}, 0 perfect), the Brier score of the base rate known on that day (the share of
 * each outcome among the days whose outcome was already known then, Laplace-smoothed; so it is
 * walk-forward too), and the skill score {@code 1 - brier / baseRateBrier} (above 0: the odds
 * beat the base rate). A reliability table by predicted decile and the coverage (the share of
 * condition readings that were unknown) go with it.
 *
 * <p>The outcome is the pack's own rule ({@link Pack.Outcome}): each day is labelled with the
 * scenario of the first rule whose tests all hold over the next {@code horizonBars} trading days of
 * the calendar role. A rule with a test that cannot be read (no data) neither holds nor fails: when
 * no earlier rule has decided, the day has no outcome and is left out, counted per role in a
 * warning. Days whose horizon reaches past the data have no outcome yet and are left out too.
 */
final class Score {

    /** One decile of the predicted probability: how often the outcome came when this was said. */
    record Bucket(double from, double to, int days, double meanPredicted, double observed) {
    }

    /** One scenario's score. */
    record ScenarioScore(String id, int days, double observedRate, double meanOdds, double brier,
            double baseRateBrier, double skill, boolean beatsBaseRate, List<Bucket> reliability) {
    }

    /**
     * The whole score, the JSON document of {@code scenarios score --json}.
     *
     * @param scenarios the scores of the odds Tideline shows: fitted on the days already known
     * @param pack the scores of the odds the pack's own likelihood ratios give, for comparison
     */
    record Report(String from, String to, int days, int horizon, String outcome, double coverage,
            List<ScenarioScore> scenarios, List<ScenarioScore> pack, List<String> warnings) {
    }

    private Score() {
    }

    /**
     * Scores the pack's odds on the days of {@code [from, to]} whose outcome is known.
     *
     * @throws IllegalArgumentException when the pack's scenarios are not A, B and C, or the data
     *     give no day with an outcome (the message says why)
     */
    static Report run(Analysis analysis, LocalDate from, LocalDate to) {
        Pack.Outcome outcome = analysis.pack().outcome();
        if (outcome == null) {
            throw new IllegalArgumentException("the pack " + analysis.pack().name() + " states no outcome, so its odds"
                    + " cannot be scored: add an \"outcome\" (see the default pack)");
        }
        int horizon = outcome.horizonBars();
        List<String> roles = List.copyOf(outcome.roles());
        // the whole history up to `to`: the fitted odds and the base rate learn from every day before `from` too
        Analysis.Daily daily = analysis.daily(LocalDate.of(1, 1, 1), to, roles);
        List<String> ids = daily.ids();
        long[] calendar = daily.calendar();
        int n = daily.odds().length;
        double[][] odds = new double[n][];
        byte[][] states = new byte[n][];
        int[] at = new int[n];
        int[] known = new int[n];
        int[] labels = new int[n];
        String[] days = new String[n];
        int count = 0;
        int start = -1;
        java.util.Map<String, Integer> undecided = new java.util.TreeMap<>();
        java.util.Map<String, double[]> aligned = Outcomes.aligned(outcome, calendar, daily::raw);
        for (int k = 0; k < n; k++) {
            int d = daily.first() + k;
            Outcomes.Labelled l = Outcomes.label(outcome, ids, calendar.length, d, aligned);
            LocalDate day = Measures.day(calendar[d]);
            if (!l.known()) {
                if (l.unread() != null && !day.isBefore(from)) {
                    undecided.merge(l.unread(), 1, Integer::sum);
                }
                continue;
            }
            if (start < 0 && !day.isBefore(from)) {
                start = count;
            }
            odds[count] = daily.odds()[k];
            states[count] = daily.states()[k];
            at[count] = d;
            known[count] = daily.known(d);
            labels[count] = l.label();
            days[count] = day.toString();
            count++;
        }
        if (start < 0) {
            throw new IllegalArgumentException("no day between " + from + " and " + to + " has an outcome yet (each"
                    + " needs " + horizon + " later trading days of " + analysis.calendarRole() + " and "
                    + String.join(", ", roles) + " bound)");
        }
        odds = java.util.Arrays.copyOf(odds, count);
        states = java.util.Arrays.copyOf(states, count);
        at = java.util.Arrays.copyOf(at, count);
        known = java.util.Arrays.copyOf(known, count);
        labels = java.util.Arrays.copyOf(labels, count);
        List<String> warnings = new ArrayList<>();
        undecided.forEach((role, k) -> warnings.add(k + " days left out: " + role + " has no value there, so the"
                + " outcome rule cannot tell their scenario"));
        List<ScenarioScore> pack = score(ids, odds, labels, at, horizon, start);
        // The same conditions with ratios fitted on the days already known: the odds Tideline shows.
        double[][] fittedOdds = FittedOdds.walk(states, at, known, FittedOdds.groups(daily.conditions()), labels,
                ids.size(), horizon);
        List<ScenarioScore> fitted = score(ids, fittedOdds, labels, at, horizon, start);
        for (ScenarioScore sc : fitted) {
            if (!sc.beatsBaseRate()) {
                warnings.add("scenario " + sc.id() + " does not beat its base rate (skill "
                        + String.format(Locale.ROOT, "%.3f", sc.skill()) + "): its odds are no better than how often it"
                        + " followed; where its fit has lost to that rate they are the rate itself (fitWeight 0)");
            }
        }
        long unknown = 0;
        for (int i = start; i < count; i++) {
            for (byte b : states[i]) {
                if (b == (byte) io.tideline.scenario.api.ConditionState.UNKNOWN.ordinal()) {
                    unknown++;
                }
            }
        }
        long readings = (long) (count - start) * daily.conditions().size();
        double coverage = readings == 0 ? 0 : (double) unknown / readings;
        return new Report(days[start], days[count - 1], count - start, horizon, outcome.describe(), coverage, fitted,
                pack, warnings);
    }

    /**
     * The scores of day-by-day odds against the outcomes.
     *
     * @param odds per day, the probability of each scenario (in {@code ids} order)
     * @param label per day, the index of the scenario that came
     * @param at per day, its calendar bar (ascending)
     * @param horizon calendar bars until a day's outcome is known: the base rate on day i counts
     *     the outcomes of the days j with {@code at[j] + horizon <= at[i]}
     * @param start the first day scored; the days before it only teach the base rate
     */
    static List<ScenarioScore> score(List<String> ids, double[][] odds, int[] label, int[] at, int horizon, int start) {
        int n = label.length - start;
        int kinds = ids.size();
        double[] brier = new double[kinds];
        double[] baseBrier = new double[kinds];
        double[] sumOdds = new double[kinds];
        int[] seen = new int[kinds];
        int[] known = new int[kinds];
        int knownDays = 0;
        int[][] bucketDays = new int[kinds][10];
        double[][] bucketPredicted = new double[kinds][10];
        int[][] bucketHits = new int[kinds][10];
        int learnt = 0;
        for (int i = 0; i < label.length; i++) {
            while (learnt < i && at[learnt] + horizon <= at[i]) {
                known[label[learnt]]++;
                knownDays++;
                learnt++;
            }
            if (i < start) {
                continue;
            }
            for (int s = 0; s < kinds; s++) {
                double p = odds[i][s];
                double hit = label[i] == s ? 1 : 0;
                double base = (known[s] + 1.0) / (knownDays + kinds);
                brier[s] += (p - hit) * (p - hit);
                baseBrier[s] += (base - hit) * (base - hit);
                sumOdds[s] += p;
                int decile = Math.min(9, (int) Math.floor(p * 10));
                bucketDays[s][decile]++;
                bucketPredicted[s][decile] += p;
                bucketHits[s][decile] += (int) hit;
            }
            seen[label[i]]++;
        }
        List<ScenarioScore> out = new ArrayList<>();
        for (int s = 0; s < kinds; s++) {
            List<Bucket> reliability = new ArrayList<>();
            for (int q = 0; q < 10; q++) {
                if (bucketDays[s][q] > 0) {
                    reliability.add(new Bucket(q / 10.0, (q + 1) / 10.0, bucketDays[s][q],
                            bucketPredicted[s][q] / bucketDays[s][q], (double) bucketHits[s][q] / bucketDays[s][q]));
                }
            }
            double b = brier[s] / n;
            double base = baseBrier[s] / n;
            double skill = base == 0 ? (b == 0 ? 0 : Double.NEGATIVE_INFINITY) : 1 - b / base;
            out.add(new ScenarioScore(ids.get(s), n, (double) seen[s] / n, sumOdds[s] / n, b, base, skill, skill > 0,
                    reliability));
        }
        return out;
    }

    static void text(Report r, PrintStream out) {
        out.printf(Locale.ROOT, "Scenario odds scored against what followed, %s to %s (%,d trading days)%n", r.from(),
                r.to(), r.days());
        out.println("  outcome: " + r.outcome());
        out.printf(Locale.ROOT, "  conditions unknown: %.1f%% of readings%n%n", 100 * r.coverage());
        out.printf(Locale.ROOT, "  %-3s %9s %9s %8s %11s %7s  %-28s %13s%n", "", "happened", "mean odds", "Brier",
                "base Brier", "skill", "verdict", "pack's skill");
        for (int k = 0; k < r.scenarios().size(); k++) {
            ScenarioScore s = r.scenarios().get(k);
            out.printf(Locale.ROOT, "  %-3s %8.1f%% %8.1f%% %8.3f %11.3f %7.3f  %-28s %13.3f%n", s.id(),
                    100 * s.observedRate(), 100 * s.meanOdds(), s.brier(), s.baseRateBrier(), s.skill(),
                    s.beatsBaseRate() ? "beats its base rate" : "does NOT beat its base rate",
                    r.pack().get(k).skill());
        }
        out.printf(Locale.ROOT, "  (the odds shown: the pack's conditions with likelihood ratios counted walk-forward on"
                + " the days already known, one vote per input, tempered %.1f, odds within [%.2f, %.2f]; first %d days:"
                + " base rate. pack's skill: the odds of the pack's own ratios)%n", FittedOdds.TEMPER, FittedOdds.FLOOR,
                1 - (r.scenarios().size() - 1) * FittedOdds.FLOOR, FittedOdds.MIN_TRAINING);
        out.println();
        out.println("  reliability (said -> happened, days):");
        for (ScenarioScore s : r.scenarios()) {
            StringBuilder line = new StringBuilder("  " + s.id() + " ");
            for (Bucket b : s.reliability()) {
                line.append(String.format(Locale.ROOT, " %.0f%%->%.0f%% (%d)", 100 * b.meanPredicted(),
                        100 * b.observed(), b.days()));
            }
            out.println(line);
        }
        for (String w : r.warnings()) {
            out.println("  note: " + w);
        }
    }
}
