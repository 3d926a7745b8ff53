/**
 * The one contract between the launcher and the framework: the system bundle exports this
 * package, the command bundle registers a {@link io.tideline.launcher.spi.HeadlessConsole}.
 *
 * <p>1.1: the working directory a command was typed in, for commands sent by another process.
 */
@Version("1.1.0")
package io.tideline.launcher.spi;

import org.osgi.annotation.versioning.Version;
