package io.tideline.api.platform;

import java.util.Objects;

/**
 * Why an installed bundle is not running, in one line a user can act on.
 *
 * @param bundleId the framework's bundle id
 * @param symbolicName the bundle's symbolic name (or its location if it has none)
 * @param version the bundle version
 * @param location where it was installed from, e.g. a file in {@code deploy/}
 * @param message the problem, e.g. "imports package com.acme.x [1.0,2.0) which no installed
 *        bundle exports"
 */
public record BundleProblem(long bundleId, String symbolicName, String version, String location, String message) {

    /** Rejects null parts. */
    public BundleProblem {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** The whole problem on one line: which bundle, from where, and what is wrong. */
    public String oneLine() {
        return symbolicName + " " + version + " (" + location + ") cannot start: " + message;
    }
}
