/**
 * The feed connector SPI: a connector fetches and normalises one source's series; it never writes to the store or computes indicators.
 */
@Export
@Version("1.1.0")
package io.tideline.api.feed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
