package io.tideline.scenario;

import io.tideline.api.workspace.WorkspaceDate;
import io.tideline.scenario.api.Scenarios;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the {@code scenarios} command needs beyond the public {@link Scenarios} service. A service
 * private to this bundle (its package is not exported), so that the command stays a thin class.
 */
public interface ScenarioDesk extends Scenarios {

    /** The workspace's pinned as-of date, if one is set and the workspace service runs. */
    Optional<WorkspaceDate.Pinned> pinned();

    /**
     * The score of the odds of the pack in force over {@code [from, to]}.
     *
     * @throws IllegalArgumentException when the pack states no outcome or no day has one (the
     *     message says why)
     */
    Score.Report score(LocalDate from, LocalDate to);

    /**
     * The market state the cascade of {@code asset} ({@code btc} or {@code eth}) starts from as of
     * the day: its funding and open interest as available by the day's end (see {@link CascadeState}).
     */
    CascadeState cascadeState(String asset, LocalDate day);
}
