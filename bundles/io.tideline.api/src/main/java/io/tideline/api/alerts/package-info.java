/**
 * Alerts as the alerts bundle ({@code io.tideline.alerts}) fires them: the {@link
 * io.tideline.api.alerts.Alerts} service (the recent alerts with their delivery state per
 * channel), the {@link io.tideline.api.alerts.Alert} record and its {@link
 * io.tideline.api.alerts.AlertKind}, and the EventAdmin topic posted for every fired alert
 * ({@link io.tideline.api.alerts.AlertEvents}). The alerts bundle is the only place alerts are
 * detected and written; a view renders what this package gives it. Records and enums are
 * immutable and thread-safe.
 *
 * <p>Part of the API bundle {@code io.tideline.api}, so a view that shows alerts wires to the API
 * bundle, not to the alerts bundle: removing {@code io.tideline.alerts} only takes the service
 * away.
 */
@Export
@Version("1.0.0")
package io.tideline.api.alerts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
