/**
 * The workspace: which stored series plays which role (us10y, btc, ...) and the day it is seen
 * as of (1.1: {@link io.tideline.api.workspace.WorkspaceDate}). The checklist,
 * scenarios and views read roles, never raw series ids.
 *
 * <p>1.2: {@link io.tideline.api.workspace.Roles#core()}, the roles {@code status} checks for
 * stale data; {@link io.tideline.api.workspace.Roles#BTC_CME_OI}, CME bitcoin futures open interest
 * as a role of its own, apart from perpetual open interest ({@code btc.oi}).
 */
@Export
@Version("1.2.0")
package io.tideline.api.workspace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
