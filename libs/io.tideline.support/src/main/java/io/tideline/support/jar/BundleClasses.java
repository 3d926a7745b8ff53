package io.tideline.support.jar;

import java.net.URL;
import java.util.Enumeration;
import org.osgi.framework.Bundle;

/**
 * Loads the classes of an installed bundle ahead of their first use, on the caller's thread, so
 * the UI thread finds them defined instead of reading and defining them from the jar while it
 * builds a view. Classes are loaded, not initialised: no static initialiser runs (a widget class's
 * may touch the display, which only the UI thread may).
 */
public final class BundleClasses {

    private BundleClasses() {
    }

    /**
     * Loads every class below {@code folder} of {@code bundle} ("/" for all); a class that cannot
     * be loaded (an optional import missing, the bundle stopping) is skipped: its user loads it
     * later as before, or fails the way it would have.
     *
     * @return how many classes were loaded
     */
    public static int load(Bundle bundle, String folder) {
        Enumeration<URL> entries = bundle.findEntries(folder, "*.class", true);
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
                // skipped, see above
            }
        }
        return count;
    }

    /** {@code /io/acme/View$1.class} as {@code io.acme.View$1}; null for module, package and versioned entries. */
    public static String className(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (!p.endsWith(".class") || p.endsWith("module-info.class") || p.endsWith("package-info.class")
                || p.startsWith("META-INF/")) {
            return null;
        }
        return p.substring(0, p.length() - ".class".length()).replace('/', '.');
    }
}
