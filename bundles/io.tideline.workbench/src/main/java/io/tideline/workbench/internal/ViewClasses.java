package io.tideline.workbench.internal;

import io.tideline.support.jar.BundleClasses;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;

/**
 * Loads the classes of a bundle that provides a view before the view is built, on the thread
 * that announces the view (the one starting its bundle), not on the UI thread.
 *
 * <p>Why: a bundle's classes are read from its jar and defined the first time they are used. Built
 * on the UI thread, a view did that for each of its classes while holding the thread, and waited
 * for the jar whenever another thread was reading it (the view's own loaders, the framework starting
 * the next bundles): holds of 100-200 ms by the clock for 40 ms of work at start. Loaded here, the
 * classes are only looked up when the view is built. Classes are loaded, not initialised: no
 * plugin code runs here ({@link BundleClasses}). Thread-safe; each bundle is loaded once per
 * installation.
 */
final class ViewClasses {

    /** Bundles already loaded, by id and last-modified time (an update is loaded anew). */
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    /** @return how many classes were loaded now (0 when the bundle was loaded before) */
    int preload(Bundle bundle) {
        if (!loaded.add(bundle.getBundleId() + "@" + bundle.getLastModified())) {
            return 0;
        }
        return BundleClasses.load(bundle, "/");
    }
}
