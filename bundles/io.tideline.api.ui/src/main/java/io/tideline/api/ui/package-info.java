/**
 * Views: the factories the workbench composes into layouts. The only API package that sees SWT.
 */
@Export
@Version("1.0.0")
package io.tideline.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
