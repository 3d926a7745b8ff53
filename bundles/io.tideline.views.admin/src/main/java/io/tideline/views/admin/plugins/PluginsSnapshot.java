package io.tideline.views.admin.plugins;

import io.tideline.api.platform.RefusedJar;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the Plugins view shows, read at one moment on a background thread.
 *
 * @param rows the installed bundles by id
 * @param deployDir the deploy folder, or {@code null} if the framework names none
 * @param files the files in it (hidden and temporary files left out)
 * @param filesError why the folder could not be listed, or {@code null}
 * @param trustMode the deploy trust mode ("OFF", "TRUSTED"), or {@code null} if no trust service runs
 * @param refused the jars the trust check refused, oldest first
 */
public record PluginsSnapshot(List<PluginRow> rows, Path deployDir, List<DeployFile> files, String filesError,
        String trustMode, List<RefusedJar> refused) {

    /** Copies the lists. */
    public PluginsSnapshot {
        rows = List.copyOf(rows);
        files = List.copyOf(files);
        refused = List.copyOf(refused);
    }
}
