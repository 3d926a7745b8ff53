package io.tideline.regime;

import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.regime.api.Checklist;
import io.tideline.regime.api.Verdict;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checklist, as the {@code check} command sees it: the public {@link Checklist} service and
 * what only the command needs (the checks themselves for replays and scores, the rule files'
 * faults on its error stream, the units of the roles for its text). A service private to this
 * bundle (its package is not exported), registered by {@link ChecklistComponent}, so that
 * {@link CheckCommand} stays a thin class over it.
 */
public interface ChecklistDesk extends Checklist {

    /**
     * The checks under the rules in force, the roles bound now and their series' availability; a
     * rules or availability file that is refused is reported on {@code err} (the previous valid
     * one stays in force).
     */
    Checks checks(PrintStream err);

    /**
     * {@code v} with every plugin step of its day appended; a plugin that throws shows UNKNOWN.
     * Plugins see the values available at the verdict's decision time, like the built-in steps.
     */
    Verdict withPlugins(Verdict v, Checks checks);

    /**
     * The latest verdict with plugin steps, as {@link #latest()}; a regime that differs from the
     * previous one computed here is announced ({@link io.tideline.regime.api.RegimeEvents#TOPIC_CHANGED}).
     */
    Verdict latestAnnounced();

    /** The workspace's as-of date, if the workspace service is there and one is set. */
    Optional<WorkspaceDate.Pinned> pinned();

    /**
     * The unit of the series bound to each role, as its descriptor says (e.g. USD, fraction per
     * 8h), looked up once per role for one command's text; null when unbound or not stored.
     */
    Function<String, String> units();
}
