package io.tideline.views.admin.settings;

import java.io.IOException;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;

/**
 * Where the Settings view reads definitions and stored values and writes settings. Every method
 * may block (ConfigAdmin persists to disk), so the view calls them on a background thread.
 */
public interface SettingsSource {

    /** The configurable components, for the user's language. */
    List<SettingsEntry> entries(Locale locale) throws IOException;

    /** The form of one entry with its stored values. */
    FormModel open(SettingsEntry entry, Locale locale) throws IOException;

    /** Writes the properties of one configuration. */
    void save(String pid, Dictionary<String, Object> properties) throws IOException;
}
