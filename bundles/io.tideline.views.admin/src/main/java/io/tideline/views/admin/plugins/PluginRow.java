package io.tideline.views.admin.plugins;

import io.tideline.api.platform.BundleStatus;
import java.util.List;
import java.util.Objects;

/**
 * One installed bundle as the Plugins view lists it.
 *
 * @param bundleId the framework's bundle id (0 is the framework itself)
 * @param symbolicName the symbolic name, or the location if it has none
 * @param name the human-readable Bundle-Name, or the symbolic name
 * @param version the version
 * @param state the lifecycle state
 * @param services the service interfaces the bundle registers, sorted, without duplicates
 * @param problem why it is not running, in words, or empty
 * @param location where it was installed from
 */
public record PluginRow(long bundleId, String symbolicName, String name, String version, BundleStatus.State state,
        List<String> services, String problem, String location) {

    /** Rejects null parts; copies the list. */
    public PluginRow {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(location, "location");
        services = List.copyOf(services);
    }

    /** Whether this is the framework itself, which the view never stops or uninstalls. */
    public boolean systemBundle() {
        return bundleId == 0;
    }
}
