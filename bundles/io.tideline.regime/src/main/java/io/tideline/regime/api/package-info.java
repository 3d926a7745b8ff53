/**
 * The checklist's verdict as value types: the five steps with their evidence, the regime, tier
 * and the one action. Immutable and thread-safe.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.tideline.regime.api;
