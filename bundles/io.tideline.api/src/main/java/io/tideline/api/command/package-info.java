/**
 * Headless commands: services that the command line and the Gogo shell dispatch to by name.
 */
@Export
@Version("1.0.0")
package io.tideline.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
