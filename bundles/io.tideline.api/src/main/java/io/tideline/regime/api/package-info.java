/**
 * The risk-off checklist: the {@link io.tideline.regime.api.Checklist} service (provided by the
 * {@code io.tideline.regime} bundle), its verdict as value types (the five steps with their
 * evidence, the regime, tier and the one action, with the coverage of the judging steps, 1.1),
 * and the {@link io.tideline.regime.api.ChecklistStep} extension point a plugin registers to add
 * its own step. Records and enums are immutable and thread-safe.
 *
 * <p>1.2: {@link io.tideline.regime.api.Verdict#day()}, the verdict's day as a date.
 *
 * <p>Part of the API bundle {@code io.tideline.api}, so a view or a plugin that uses the checklist
 * wires to the API bundle, not to the checklist's implementation: updating or removing
 * {@code io.tideline.regime} does not refresh or unresolve it (the service simply goes away).
 */
@Export
@Version("1.2.0")
package io.tideline.regime.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
