/**
 * The one contract between the launcher and the framework: the system bundle exports this
 * package, the command bundle registers a {@link io.tideline.launcher.spi.HeadlessConsole}.
 */
@Version("1.0.0")
package io.tideline.launcher.spi;

import org.osgi.annotation.versioning.Version;
