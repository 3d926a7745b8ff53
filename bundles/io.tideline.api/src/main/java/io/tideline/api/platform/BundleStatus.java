package io.tideline.api.platform;

import java.util.Objects;

/**
 * One installed bundle as the status command and the workbench list it.
 *
 * @param bundleId the framework's bundle id
 * @param symbolicName the symbolic name (or the location if it has none)
 * @param version the bundle version
 * @param state the lifecycle state; fragments that are attached read {@link State#FRAGMENT}
 * @param location where it was installed from
 */
public record BundleStatus(long bundleId, String symbolicName, String version, State state, String location) {

    /** A bundle's lifecycle state, in the OSGi names. */
    public enum State {
        /** Installed but not resolved: a requirement is missing. */
        INSTALLED,
        /** Resolved, not started. */
        RESOLVED,
        /** Starting. */
        STARTING,
        /** Stopping. */
        STOPPING,
        /** Running. */
        ACTIVE,
        /** A resolved fragment, attached to its host. */
        FRAGMENT,
        /** Gone. */
        UNINSTALLED
    }

    /** Rejects null parts. */
    public BundleStatus {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(location, "location");
    }
}
