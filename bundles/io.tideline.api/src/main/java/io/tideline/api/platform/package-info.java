/**
 * Platform diagnostics: problems of installed bundles, in words a user can act on.
 */
@Export
@Version("1.0.0")
package io.tideline.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
