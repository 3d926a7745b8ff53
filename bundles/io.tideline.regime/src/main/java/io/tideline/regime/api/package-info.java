/**
 * The checklist's verdict as value types: the five steps with their evidence, the regime, tier
 * and the one action, with the coverage of the judging steps (1.1). Immutable and thread-safe.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.tideline.regime.api;
