package io.tideline.views.admin.plugins;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the Plugins view reads and does. Every method may block (bundle life-cycle operations run
 * activators, file copies touch the disk), so the view calls them on a background thread.
 */
public interface PluginsSource {

    /** The current state of bundles, deploy folder and refused jars. */
    PluginsSnapshot snapshot();

    /** Starts a bundle. */
    void start(long bundleId) throws Exception;

    /** Stops a bundle. */
    void stop(long bundleId) throws Exception;

    /** Uninstalls a bundle. */
    void uninstall(long bundleId) throws Exception;

    /**
     * Copies a jar into the deploy folder, where FileInstall installs it.
     *
     * @return the file in the deploy folder
     */
    Path install(Path jar) throws IOException;

    /**
     * Calls {@code onChange} (on any thread) whenever bundles or services change.
     *
     * @return closes the subscription
     */
    AutoCloseable watch(Runnable onChange);
}
