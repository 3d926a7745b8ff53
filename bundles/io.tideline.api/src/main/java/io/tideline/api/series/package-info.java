/**
 * The series model: identifiers, descriptors, timeframes and columnar series data.
 */
@Export
@Version("1.0.0")
package io.tideline.api.series;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
