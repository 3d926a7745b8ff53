/**
 * The indicator SPI: a declared spec and a stateful, incremental computation over primitive columns.
 */
@Export
@Version("1.0.0")
package io.tideline.api.indicator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
