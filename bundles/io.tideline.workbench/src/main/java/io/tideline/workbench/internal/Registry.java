package io.tideline.workbench.internal;

import io.tideline.api.ui.ViewFactory;
import io.tideline.api.ui.ViewSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The views the installed bundles offer right now, and which plugin provided each view id last
 * (so a placeholder can name the plugin that left). Written by DS threads, read by the UI
 * thread. Thread-safe.
 */
final class Registry {

    /** One registered view. */
    record Entry(ViewFactory factory, ViewSpec spec, String plugin) {
    }

    private final Map<String, Entry> views = new ConcurrentHashMap<>();
    private final Map<String, String> providers = new ConcurrentHashMap<>();

    void add(Entry e) {
        views.put(e.spec().id(), e);
        providers.put(e.spec().id(), e.plugin());
    }

    /** Removes the entry of this factory; returns its view id, or null if it was not the registered one. */
    String remove(ViewFactory f) {
        for (Map.Entry<String, Entry> e : views.entrySet()) {
            if (e.getValue().factory() == f) {
                views.remove(e.getKey(), e.getValue());
                return e.getKey();
            }
        }
        return null;
    }

    Entry get(String viewId) {
        return views.get(viewId);
    }

    String providerOf(String viewId) {
        return providers.get(viewId);
    }

    /** Every registered view, by category then title. */
    List<Entry> all() {
        List<Entry> list = new ArrayList<>(views.values());
        list.sort(Comparator.comparing((Entry e) -> e.spec().category()).thenComparing(e -> e.spec().title()));
        return list;
    }
}
