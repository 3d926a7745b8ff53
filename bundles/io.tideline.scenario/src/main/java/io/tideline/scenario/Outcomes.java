package io.tideline.scenario;

import java.util.List;

/**
 * A pack's outcome rule applied to history: which scenario the bars after a day turned out to be
 * ({@link Pack.Outcome}). A rule whose tests all hold labels the day; a rule with a test that
 * cannot be read (no data) neither holds nor fails, and when no earlier rule decided, the day has
 * no outcome. A day whose horizon reaches past the calendar has none yet. Stateless.
 */
final class Outcomes {

    /** A role's plain value at its last bar at or before a time, NaN without one. */
    @FunctionalInterface
    interface Raw {
        double at(String role, long cutoff);
    }

    /**
     * A day's outcome.
     *
     * @param label the index of the scenario that came, or -1 when the day has no outcome
     * @param unread the role whose missing value left the day without an outcome, else null
     */
    record Labelled(int label, String unread) {
        boolean known() {
            return label >= 0;
        }
    }

    private static final Labelled NOT_YET = new Labelled(-1, null);

    private Outcomes() {
    }

    /**
     * The outcome roles' values aligned to the calendar: {@code [role][j]} is the role's value at
     * its last bar at or before the end of calendar bar j's day (NaN without one). One lookup per
     * role and bar, so labelling every day reads arrays only.
     */
    static java.util.Map<String, double[]> aligned(Pack.Outcome outcome, long[] calendar, Raw raw) {
        java.util.Map<String, double[]> out = new java.util.HashMap<>();
        for (String role : outcome.roles()) {
            double[] v = new double[calendar.length];
            for (int j = 0; j < calendar.length; j++) {
                v[j] = raw.at(role, Analysis.endOf(Measures.day(calendar[j])));
            }
            out.put(role, v);
        }
        return out;
    }

    /**
     * The outcome of calendar bar {@code d}.
     *
     * @param ids the pack's scenario ids, in pack order
     * @param bars how many calendar bars there are
     * @param aligned the outcome roles' values per calendar bar ({@link #aligned})
     */
    static Labelled label(Pack.Outcome outcome, List<String> ids, int bars, int d, java.util.Map<String, double[]> aligned) {
        int horizon = outcome.horizonBars();
        if (d + horizon >= bars) {
            return NOT_YET;
        }
        for (Pack.OutcomeRule rule : outcome.rules()) {
            boolean holds = true;
            String unread = null;
            for (Pack.OutcomeTest t : rule.when()) {
                double v = measure(t.measure(), aligned.get(t.role()), d, d + horizon);
                if (Double.isNaN(v)) {
                    unread = unread == null ? t.role() : unread;
                } else if (!t.holds(v)) {
                    holds = false;
                    break;
                }
            }
            if (!holds) {
                continue;
            }
            if (unread != null) {
                return new Labelled(-1, unread); // this rule might have held: the day cannot be labelled
            }
            return new Labelled(ids.indexOf(rule.scenario()), null);
        }
        // the last rule has no tests, so this is not reached with a valid pack
        return NOT_YET;
    }

    /** {@link #measure(String, double[])} over {@code values[from..to]} without copying. */
    static double measure(String measure, double[] values, int from, int to) {
        double start = values[from];
        double end = values[to];
        return switch (measure) {
            case "change" -> end - start;
            case "return" -> start > 0 ? end / start - 1 : Double.NaN;
            default -> {
                if (!(start > 0)) {
                    yield Double.NaN;
                }
                boolean lowest = measure.equals("lowest-return");
                double extreme = lowest ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                for (int j = from + 1; j <= to; j++) {
                    if (Double.isNaN(values[j])) {
                        yield Double.NaN;
                    }
                    extreme = lowest ? Math.min(extreme, values[j]) : Math.max(extreme, values[j]);
                }
                yield extreme / start - 1;
            }
        };
    }

    /**
     * A test's measure over a path of values, {@code path[0]} the day's and {@code path[h]} the
     * horizon's last bar; NaN when a value it needs is missing.
     */
    static double measure(String measure, double[] path) {
        return measure(measure, path, 0, path.length - 1);
    }
}
