package io.tideline.platform.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an OSGi requirement (namespace and LDAP filter) into words, e.g.
 * {@code (&(osgi.wiring.package=com.acme)(version>=1.0.0)(!(version>=2.0.0)))} into
 * "package com.acme [1.0.0,2.0.0)".
 */
final class RequirementText {

    private static final Pattern LOWER = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern UPPER_EXCLUSIVE = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern UPPER_INCLUSIVE = Pattern.compile("\\(version<=([^)]+)\\)");
    private static final Pattern EXACT = Pattern.compile("\\(version=([^)]+)\\)");

    private RequirementText() {
    }

    /** What is required, in words. */
    static String describe(String namespace, String filter) {
        String f = filter == null ? "" : filter;
        return switch (namespace) {
            case "osgi.wiring.package" -> "package " + attribute(f, namespace) + range(f);
            case "osgi.wiring.bundle" -> "bundle " + attribute(f, namespace) + range(f);
            case "osgi.wiring.host" -> "host bundle " + attribute(f, namespace) + range(f);
            case "osgi.ee" -> "execution environment " + attribute(f, namespace) + range(f);
            case "osgi.extender" -> "extender " + attribute(f, namespace) + range(f);
            case "osgi.service" -> "service " + attribute(f, "objectClass");
            default -> namespace + " " + f;
        };
    }

    /** The verb a user reads before {@link #describe}: "imports", "requires". */
    static String verb(String namespace) {
        return "osgi.wiring.package".equals(namespace) ? "imports" : "requires";
    }

    private static String attribute(String filter, String name) {
        Matcher m = Pattern.compile("\\(" + Pattern.quote(name) + "=([^)]+)\\)").matcher(filter);
        return m.find() ? m.group(1) : filter;
    }

    private static String range(String filter) {
        Matcher exact = EXACT.matcher(filter);
        if (exact.find()) {
            return " " + exact.group(1);
        }
        Matcher lower = LOWER.matcher(filter);
        String low = null;
        while (lower.find()) {
            // The first (version>=x) that is not inside a negation is the lower bound.
            if (lower.start() == 0 || filter.charAt(lower.start() - 1) != '!') {
                low = lower.group(1);
                break;
            }
        }
        Matcher upEx = UPPER_EXCLUSIVE.matcher(filter);
        Matcher upIn = UPPER_INCLUSIVE.matcher(filter);
        if (upEx.find()) {
            return " [" + (low == null ? "0.0.0" : low) + "," + upEx.group(1) + ")";
        }
        if (upIn.find()) {
            return " [" + (low == null ? "0.0.0" : low) + "," + upIn.group(1) + "]";
        }
        return low == null ? "" : " " + low + " or later";
    }
}
