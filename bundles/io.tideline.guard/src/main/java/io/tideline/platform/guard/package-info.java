/**
 * What plugin code is redirected to by Tideline's weaving: calls that would end the process
 * ({@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt}) and the loop checkpoints of a
 * plugin's activator. Plugins never call this package themselves; woven classes import it
 * dynamically.
 */
@Export
@Version("1.0.0")
package io.tideline.platform.guard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
