package io.tideline.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The library the analogues are drawn from, found in the stored history instead of picked by
 * hand. For each of the pack's drawdown rules (a role, a window, a depth) an episode is a run of
 * bars on which the role's drawdown from its high over the window is at or beyond the depth:
 *
 * <ul>
 * <li>its day is the run's first bar, the day a desk first stood where it may stand now;</li>
 * <li>the run ends at the first bar whose drawdown is back above half the depth, so a fall that
 *     hovers around the line is one episode, not several;</li>
 * <li>only bars at or before the cutoff are read, so the library of a past day holds only what had
 *     happened by then (an episode still running at the cutoff ends there).</li>
 * </ul>
 *
 * Primitive columns in, one pass, no allocation per bar. Stateless.
 */
final class EpisodeLibrary {

    /**
     * One episode.
     *
     * @param rule the index of the drawdown rule that found it
     * @param start the time of its first bar beyond the depth
     * @param trough the time of its deepest bar
     * @param depth the deepest drawdown, a negative fraction
     * @param end the time of the bar that ended it (back above half the depth), or of the last bar
     *        read when it was still running
     * @param open whether it was still running at the cutoff
     */
    record Episode(int rule, long start, long trough, double depth, long end, boolean open) {
    }

    private EpisodeLibrary() {
    }

    /**
     * The episodes of one rule.
     *
     * @param rule the rule's index, copied into each episode
     * @param times the drawdown node's bar times, ascending
     * @param drawdowns its values (negative fractions; NaN where the window is not filled)
     * @param depth the depth as a positive fraction, e.g. {@code 0.07}
     * @param cutoff bars after this time are not read
     */
    static List<Episode> find(int rule, long[] times, double[] drawdowns, double depth, long cutoff) {
        if (!(depth > 0 && depth < 1)) {
            throw new IllegalArgumentException("depth must be a fraction in (0, 1): " + depth);
        }
        List<Episode> out = new ArrayList<>();
        double line = -depth;
        double rearm = -depth / 2;
        int start = -1;
        int trough = -1;
        int last = -1;
        for (int i = 0; i < times.length && times[i] <= cutoff; i++) {
            double d = drawdowns[i];
            if (Double.isNaN(d)) {
                continue;
            }
            last = i;
            if (start < 0) {
                if (d <= line) {
                    start = i;
                    trough = i;
                }
            } else if (d > rearm) {
                out.add(new Episode(rule, times[start], times[trough], drawdowns[trough], times[i], false));
                start = -1;
            } else if (d < drawdowns[trough]) {
                trough = i;
            }
        }
        if (start >= 0) {
            out.add(new Episode(rule, times[start], times[trough], drawdowns[trough], times[last], true));
        }
        return out;
    }
}
