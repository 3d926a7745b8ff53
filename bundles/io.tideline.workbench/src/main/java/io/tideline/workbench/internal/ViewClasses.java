package io.tideline.workbench.internal;

import java.net.URL;
import java.util.Enumeration;
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
 * plugin code runs here. Thread-safe; each bundle is loaded once per installation.
 */
final class ViewClasses {

    /** Bundles already loaded, by id and last-modified time (an update is loaded anew). */
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    /** @return how many classes were loaded now (0 when the bundle was loaded before) */
    int preload(Bundle bundle) {
        if (!loaded.add(bundle.getBundleId() + "@" + bundle.getLastModified())) {
            return 0;
        }
        Enumeration<URL> entries = bundle.findEntries("/", "*.class", true);
        int count = 0;
        while (entries != null && entries.hasMoreElements()) {
            String name = className(entries.nextElement().getPath());
            if (name == null) {
                continue;
            }
            try {
                bundle.loadClass(name);
                count++;
            } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
                // Not loadable here (an optional import missing, the bundle stopping): the view
                // loads what it needs as before, or fails the way it would have.
            }
        }
        return count;
    }

    /** {@code /io/acme/View$1.class} as {@code io.acme.View$1}; null for module and package descriptors. */
    static String className(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (!p.endsWith(".class") || p.endsWith("module-info.class") || p.endsWith("package-info.class")
                || p.startsWith("META-INF/")) {
            return null;
        }
        return p.substring(0, p.length() - ".class".length()).replace('/', '.');
    }
}
