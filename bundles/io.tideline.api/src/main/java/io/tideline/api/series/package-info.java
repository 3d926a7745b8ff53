/**
 * The series model: identifiers, descriptors, timeframes and columnar series data.
 *
 * <p>1.1: the minute timeframes {@link io.tideline.api.series.Timeframe#M1},
 * {@link io.tideline.api.series.Timeframe#M5} and {@link io.tideline.api.series.Timeframe#M15},
 * and {@link io.tideline.api.series.Timeframe#labels()}.
 *
 * <p>1.2: {@link io.tideline.api.series.Freshness}, the one staleness rule of every view, measured
 * against the workspace's as-of instant.
 *
 * <p>1.3: {@link io.tideline.api.series.Resampler}, the one rule for longer bars (weeks start
 * Monday 00:00 UTC), shared by the charts and the indicator engine.
 */
@Export
@Version("1.3.0")
package io.tideline.api.series;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
