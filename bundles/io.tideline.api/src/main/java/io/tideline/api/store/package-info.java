/**
 * The series store SPI: the single source of truth for raw series, with idempotent upserts and EventAdmin change notices.
 */
@Export
@Version("1.2.0")
package io.tideline.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
