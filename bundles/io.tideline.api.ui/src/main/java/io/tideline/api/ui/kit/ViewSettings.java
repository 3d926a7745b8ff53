package io.tideline.api.ui.kit;

import io.tideline.api.ui.ViewContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One setting of a view instance, read from and written to its {@link ViewContext} (saved with
 * the layout). On the UI thread, like the context.
 */
public final class ViewSettings {

    private ViewSettings() {
    }

    /** The setting {@code key} without surrounding blanks, or {@code fallback} when absent or blank. */
    public static String get(ViewContext context, String key, String fallback) {
        String v = context.settings().get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /**
     * Saves {@code key = value} with the layout, keeping the other settings in their order; does
     * nothing when the value is already saved (a view that writes on every scroll then does not
     * mark the layout changed).
     */
    public static void put(ViewContext context, String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> settings = new LinkedHashMap<>(context.settings());
        if (value.equals(settings.get(key))) {
            return;
        }
        settings.put(key, value);
        context.updateSettings(settings);
    }
}
