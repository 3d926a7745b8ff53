package io.tideline.support.workspace;

import java.nio.file.Path;

/** Where a component keeps its files: the launcher's data directory, or {@code ~/.tideline} without one. */
public final class DataDir {

    /** The framework property the launcher sets to the data directory. */
    public static final String PROPERTY = "tideline.data.dir";

    private DataDir() {
    }

    /**
     * The data directory named by the value of {@link #PROPERTY} (e.g. from
     * {@code BundleContext.getProperty}), or {@code ~/.tideline} when it is not set.
     */
    public static Path of(String property) {
        return property == null || property.isBlank() ? Path.of(System.getProperty("user.home"), ".tideline")
                : Path.of(property);
    }
}
