package io.tideline.platform.internal;

import io.tideline.api.platform.DeployTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Removes, at start, the configurations whose {@code .cfg} file in {@code deploy/} was deleted
 * while Tideline was not running. ConfigAdmin keeps configurations across restarts (in
 * {@code DATA_DIR/config}); FileInstall notices a file deleted while it runs, but its own memory
 * of which files it applied lives in the bundle cache, which is new in every process, so a file
 * removed in between would leave its settings in force for good.
 */
final class StaleConfigurations {

    /** The property FileInstall adds to a configuration it made from a file: the file's URL. */
    static final String FILENAME = "felix.fileinstall.filename";

    private StaleConfigurations() {
    }

    /**
     * Deletes every configuration made from a file that no longer exists; says which, through
     * {@code log}. Returns the PIDs removed.
     */
    static List<String> purge(ConfigurationAdmin admin, Consumer<String> log) throws IOException {
        Configuration[] all;
        try {
            all = admin.listConfigurations("(" + FILENAME + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> removed = new ArrayList<>();
        if (all == null) {
            return removed;
        }
        for (Configuration c : all) {
            Object name = c.getProperties() == null ? null : c.getProperties().get(FILENAME);
            Path file = fileOf(name);
            if (file != null && !Files.exists(file)) {
                String pid = c.getPid(); // a deleted configuration no longer answers
                c.delete();
                removed.add(pid);
                log.accept("configuration " + pid + " removed: its file " + file
                        + " was deleted while Tideline was not running");
            }
        }
        return removed;
    }

    /** The file a FileInstall file name designates ({@code file:} URL or absolute path), or null. */
    static Path fileOf(Object name) {
        return name instanceof String text ? TrustGate.fileOf(text) : null;
    }

    /**
     * Whether a stored deploy trust configuration asks for a mode other than {@code off}, or the
     * stored file ({@code storedFile}, may be null) is there but ConfigAdmin could not read it:
     * a damaged setting holds deploy jars back like a strict one until the trust component decides.
     */
    static boolean trustStored(ConfigurationAdmin admin, Path storedFile) throws IOException {
        if (storedFile != null && Files.exists(storedFile) && !configured(admin)) {
            return true;
        }
        return trustStored(admin);
    }

    private static boolean configured(ConfigurationAdmin admin) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + DeployTrust.PID + ")");
            return found != null && found.length > 0 && found[0].getProperties() != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a stored deploy trust configuration asks for a mode other than {@code off}. */
    static boolean trustStored(ConfigurationAdmin admin) throws IOException {
        Configuration[] found;
        try {
            found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + DeployTrust.PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found == null || found.length == 0 || found[0].getProperties() == null) {
            return false;
        }
        Object mode = found[0].getProperties().get("mode");
        return mode != null && !"off".equalsIgnoreCase(mode.toString().strip());
    }
}
