package io.tideline.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to boot one Tideline framework.
 *
 * @param bundlesDir folder whose jars are installed and started, in name order
 * @param deployDir folder FileInstall watches for hot-deployed bundles and configurations
 * @param dataDir the user's data directory (store, workspace, logs)
 * @param headless whether no display is used
 * @param console whether the interactive Gogo shell reads the console
 * @param extraProperties further framework properties, overriding the defaults
 */
public record LaunchConfig(Path bundlesDir, Path deployDir, Path dataDir, boolean headless, boolean console,
        Map<String, String> extraProperties) {

    /** Framework property carrying the data directory to bundles. */
    public static final String DATA_DIR = "tideline.data.dir";
    /** Framework property carrying the distribution folder (bundles/, data/sample/) to bundles. */
    public static final String HOME = "tideline.home";
    /** Framework property carrying the deploy directory to bundles. */
    public static final String DEPLOY_DIR = "tideline.deploy.dir";
    /**
     * Framework property: {@code true} makes the framework listen on the data directory's
     * {@link ControlChannel} socket for commands from other processes (a window, {@code serve}).
     */
    public static final String CONTROL = "tideline.control";
    /** Framework property: {@code true} under {@code serve} (headless, but feeds refresh on their schedule). */
    public static final String SERVE = "tideline.serve";
    /** Framework property telling UI bundles that no display may be opened. */
    public static final String HEADLESS = "tideline.headless";
    /** The package the system bundle exports for the launcher's SPI, with its version. */
    public static final String SPI_PACKAGE = "io.tideline.launcher.spi;version=1.1.0";

    /** Copies the extra properties; rejects null folders. */
    public LaunchConfig {
        Objects.requireNonNull(bundlesDir, "bundlesDir");
        Objects.requireNonNull(deployDir, "deployDir");
        Objects.requireNonNull(dataDir, "dataDir");
        extraProperties = Map.copyOf(extraProperties);
    }

    /** The jar files of {@code dir}, sorted by name; none if the folder is missing. */
    static List<Path> jarsIn(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
