/**
 * Headless commands: services that the command line, the Gogo shell and the control channel of a
 * running Tideline dispatch to by name.
 *
 * <p>1.1: {@link io.tideline.api.command.CommandRequest#workingDir()} and
 * {@link io.tideline.api.command.CommandRequest#path(String)}, for commands sent from another process.
 */
@Export
@Version("1.1.0")
package io.tideline.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
