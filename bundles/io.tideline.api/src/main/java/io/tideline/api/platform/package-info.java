/**
 * Platform diagnostics: problems of installed bundles, in words a user can act on, and the trust
 * check for jars hot-deployed into {@code deploy/} ({@link io.tideline.api.platform.DeployTrust}).
 *
 * <p>1.3: {@link io.tideline.api.platform.ProblemSource} and
 * {@link io.tideline.api.platform.Problem}, the problems services report to {@code status}.
 * 1.4: {@link io.tideline.api.platform.DeployFileProblem}, the files in {@code deploy/} that
 * cannot be installed.
 */
@Export
@Version("1.4.0")
package io.tideline.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
