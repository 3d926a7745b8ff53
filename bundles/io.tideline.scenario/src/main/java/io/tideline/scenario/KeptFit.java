package io.tideline.scenario;

import java.util.List;
import java.util.Map;

/**
 * The odds' fit of the last report, kept so that the next report carries it on over the new days
 * instead of learning from every earlier day again (see {@code Analysis#fit}): the fit learns from
 * the days in order, each day's condition states and outcome read only what was available by
 * then, so when every bar available by the kept report's cutoff is unchanged
 * ({@link Measures#samePrefix}), the days it learnt from would be learnt the same, and only the
 * days after them are new. Anything else (another pack, other roles bound, a backfill, a revised
 * or an earlier day) fits from the first day, as before. Thread-safe; one per scenario service.
 */
final class KeptFit {

    /**
     * A fit as it stood before learning up to its report's day.
     *
     * @param pack the pack it fitted (the same instance while the file is unchanged)
     * @param unbound the condition nodes with an unbound role, and that role
     * @param ids the scenario ids, in order
     * @param measures the graph it read
     * @param settled its report's cutoff: nothing later was read
     * @param today the index of its report's calendar bar
     * @param next the first calendar bar it has not learnt from or queued
     * @param model the model after queueing every day before {@code next}; never handed on to be mutated
     * @param first the first day it learnt from, or null
     * @param last the last, or null
     */
    record State(Pack pack, Map<String, String> unbound, List<String> ids, Measures measures, long settled, int today,
            int next, FittedOdds.Model model, String first, String last) {
    }

    private State kept;
    private long extended;
    private long full;

    /** The kept fit when it was made for this pack, these unbound roles and these scenarios; else null. */
    synchronized State get(Pack pack, Map<String, String> unbound, List<String> ids) {
        State s = kept;
        return s != null && s.pack() == pack && s.unbound().equals(unbound) && s.ids().equals(ids) ? s : null;
    }

    /** Keeps {@code state} unless a fit of a later day is kept already (the desk asks for the day before too). */
    synchronized void put(State state, boolean wasExtended) {
        if (wasExtended) {
            extended++;
        } else {
            full++;
        }
        if (kept == null || kept.pack() != state.pack() || state.today() >= kept.today()) {
            kept = state;
        }
    }

    /** How many fits were carried on from a kept one (for tests). */
    synchronized long extended() {
        return extended;
    }

    /** How many fits learnt from the first day (for tests). */
    synchronized long full() {
        return full;
    }
}
