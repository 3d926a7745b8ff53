/**
 * The desk: one headless service ({@link io.tideline.api.desk.Desk}) that owns the live state of
 * the newest data (latest verdict and its timeline, scenario reports, the correlation board, live
 * indicator readings, feed status, alerts) and publishes it as immutable
 * {@link io.tideline.api.desk.DeskSnapshot}s and {@link io.tideline.api.desk.DeskEvents}; the
 * desk views render what it gives them and compute nothing of their own. Records are immutable
 * and thread-safe.
 *
 * <p>Part of the API bundle {@code io.tideline.api}: a view wires to it, not to the desk bundle,
 * so removing {@code io.tideline.desk} only takes the service away.
 */
@Export
@Version("1.0.0")
package io.tideline.api.desk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
