package io.tideline.workbench.internal.layout;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One open view instance: which view, and its own settings (two charts of different series are
 * two instances of one view). Immutable.
 */
public record ViewRef(String instanceId, String viewId, Map<String, String> settings) {

    /** Copies the settings in key order, so the saved file is stable. */
    public ViewRef {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(viewId, "viewId");
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** The same instance with other settings. */
    public ViewRef withSettings(Map<String, String> newSettings) {
        return new ViewRef(instanceId, viewId, newSettings);
    }
}
