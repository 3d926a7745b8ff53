package io.tideline.views.admin.plugins;

import java.time.Instant;
import java.util.Objects;

/**
 * A file in the deploy folder.
 *
 * @param name the file name
 * @param size its size in bytes
 * @param modified when it last changed
 * @param bundleId the bundle installed from it, or -1
 * @param problem why it cannot be installed (see
 *     {@link io.tideline.api.platform.BundleDiagnostics#deployFileProblems()}), or "" when nothing is known against it
 */
public record DeployFile(String name, long size, Instant modified, long bundleId, String problem) {

    /** Rejects null parts. */
    public DeployFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(problem, "problem");
    }
}
