package io.tideline.views.admin.settings;

import java.util.Objects;

/**
 * One configurable component in the Settings list.
 *
 * @param pid the configuration PID (for a factory configuration, the instance's PID)
 * @param definitionPid the PID (or factory PID) the Metatype definition is registered under
 * @param name the definition's name, localised
 * @param group the providing bundle's name, under which the list groups it
 * @param bundleId the providing bundle's id
 * @param ocdId the definition's id, for reading its bounds
 */
public record SettingsEntry(String pid, String definitionPid, String name, String group, long bundleId, String ocdId) {

    /** Rejects null parts. */
    public SettingsEntry {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(definitionPid, "definitionPid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(ocdId, "ocdId");
    }

    /** Whether the entry matches a search: its name, PID or group contains the text, ignoring case. */
    public boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String s = search.strip().toLowerCase(java.util.Locale.ROOT);
        return name.toLowerCase(java.util.Locale.ROOT).contains(s) || pid.toLowerCase(java.util.Locale.ROOT).contains(s)
                || group.toLowerCase(java.util.Locale.ROOT).contains(s);
    }
}
