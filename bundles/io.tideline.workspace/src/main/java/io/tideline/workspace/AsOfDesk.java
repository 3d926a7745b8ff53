package io.tideline.workspace;

import io.tideline.api.workspace.WorkspaceDate;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace's as-of date, as the {@code asof} command sees it: the public {@link WorkspaceDate}
 * service and what only the command prints. A service private to this bundle (its package is not
 * exported), registered by {@link WorkspaceAsOf}, so that {@link AsOfCommand} stays a thin class.
 */
public interface AsOfDesk extends WorkspaceDate {

    /** The file the date is saved in, {@code DATA_DIR/workspace/asof.json}. */
    Path file();

    /**
     * Why the file could not be read at the last {@link #pinned()} (naming the file and the fault),
     * or empty when it read cleanly or does not exist.
     */
    Optional<String> problem();
}
