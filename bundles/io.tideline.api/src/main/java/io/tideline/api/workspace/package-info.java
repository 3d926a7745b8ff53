/**
 * The workspace: which stored series plays which role (us10y, btc, ...) and the day it is seen
 * as of (1.1: {@link io.tideline.api.workspace.WorkspaceDate}). The checklist,
 * scenarios and views read roles, never raw series ids.
 *
 * <p>1.2: {@link io.tideline.api.workspace.Roles#core()}, the roles {@code status} checks for
 * stale data; {@link io.tideline.api.workspace.Roles#BTC_CME_OI}, CME bitcoin futures open interest
 * as a role of its own, apart from perpetual open interest ({@code btc.oi}).
 *
 * <p>1.3: {@link io.tideline.api.workspace.RoleBindings#resolve(String)},
 * {@link io.tideline.api.workspace.RoleBindings#seriesId(String)} and
 * {@link io.tideline.api.workspace.RoleBindings#isSeriesId(String)}, the one rule that tells a role
 * from a series id (a colon makes a series id; role names cannot contain one).
 *
 * <p>1.4: {@link io.tideline.api.workspace.Roles#ETH_FUNDING} and
 * {@link io.tideline.api.workspace.Roles#ETH_OI}, ETH's perpetual funding and open interest, which
 * the cascade model reads for ETH apart from BTC's.
 */
@Export
@Version("1.4.0")
package io.tideline.api.workspace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
