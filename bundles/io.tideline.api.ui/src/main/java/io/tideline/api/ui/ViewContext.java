package io.tideline.api.ui;

import java.util.Locale;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the workbench gives one open view instance. Called on the UI thread only.
 */
@ProviderType
public interface ViewContext {

    /** The id of this instance, unique within the layout. */
    String instanceId();

    /** The settings saved with the layout for this instance (never {@code null}). */
    Map<String, String> settings();

    /** Replaces this instance's settings; the workbench saves them with the layout. */
    void updateSettings(Map<String, String> settings);

    /**
     * Shows a message in the status bar. An empty message withdraws this view's last one if the
     * status bar still shows it (a problem the view no longer has); it never clears another's.
     */
    void status(String message);

    /**
     * The language the user chose for the UI (English, German or Chinese); a view loads its
     * strings for it. The workbench recreates open views when the user switches.
     */
    Locale locale();
}
