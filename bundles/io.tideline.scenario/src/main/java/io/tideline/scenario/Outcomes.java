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
     * The outcome of calendar bar {@code d}.
     *
     * @param ids the pack's scenario ids, in pack order
     * @param calendar the calendar role's bar times
     */
    static Labelled label(Pack.Outcome outcome, List<String> ids, long[] calendar, int d, Raw raw) {
        int horizon = outcome.horizonBars();
        if (d + horizon >= calendar.length) {
            return NOT_YET;
        }
        double[] path = new double[horizon + 1];
        for (Pack.OutcomeRule rule : outcome.rules()) {
            boolean holds = true;
            String unread = null;
            for (Pack.OutcomeTest t : rule.when()) {
                for (int j = 0; j <= horizon; j++) {
                    path[j] = raw.at(t.role(), Analysis.endOf(Measures.day(calendar[d + j])));
                }
                double v = measure(t.measure(), path);
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

    /**
     * A test's measure over a path of values, {@code path[0]} the day's and {@code path[h]} the
     * horizon's last bar; NaN when a value it needs is missing.
     */
    static double measure(String measure, double[] path) {
        double start = path[0];
        double end = path[path.length - 1];
        return switch (measure) {
            case "change" -> end - start;
            case "return" -> start > 0 ? end / start - 1 : Double.NaN;
            default -> {
                if (!(start > 0)) {
                    yield Double.NaN;
                }
                boolean lowest = measure.equals("lowest-return");
                double extreme = lowest ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                for (int j = 1; j < path.length; j++) {
                    if (Double.isNaN(path[j])) {
                        yield Double.NaN;
                    }
                    extreme = lowest ? Math.min(extreme, path[j]) : Math.max(extreme, path[j]);
                }
                yield extreme / start - 1;
            }
        };
    }
}
