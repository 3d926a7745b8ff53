package io.tideline.api.workspace;

import io.tideline.api.series.SeriesId;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which series plays which role in the user's workspace, persisted with the workspace. Every
 * change posts {@link Roles#TOPIC_CHANGED}. Thread-safe.
 */
@ProviderType
public interface RoleBindings {

    /** Every bound role and its series, sorted by role. */
    Map<String, SeriesId> all();

    /** The series bound to {@code role}, if any. */
    Optional<SeriesId> get(String role);

    /**
     * Binds a role to a series (replacing an earlier binding) and saves the workspace.
     *
     * @throws IllegalArgumentException if the role name is malformed (see {@link Roles#check})
     * @throws IOException if the workspace file cannot be written; the binding is then unchanged
     */
    void bind(String role, SeriesId series) throws IOException;

    /**
     * Removes a binding and saves the workspace.
     *
     * @return whether the role was bound
     * @throws IOException if the workspace file cannot be written; the binding is then unchanged
     */
    boolean unbind(String role) throws IOException;
}
