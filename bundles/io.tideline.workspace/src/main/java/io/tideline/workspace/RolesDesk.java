package io.tideline.workspace;

import io.tideline.api.workspace.RoleBindings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The role bindings, as the {@code roles} command sees them: the public {@link RoleBindings}
 * service and what only the command prints. A service private to this bundle (its package is not
 * exported), registered by {@link WorkspaceRoles}, so that {@link RolesCommand} stays a thin class.
 */
public interface RolesDesk extends RoleBindings {

    /** The file the bindings are saved in, {@code DATA_DIR/workspace/roles.json}. */
    Path file();

    /** What was wrong with the role files at start and what is in use instead; empty if nothing. */
    Optional<String> loadProblem();
}
