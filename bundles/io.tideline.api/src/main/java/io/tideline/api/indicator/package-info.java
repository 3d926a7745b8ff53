/**
 * The indicator SPI: a declared spec and a stateful, incremental computation over primitive columns.
 *
 * <p>1.1: {@link io.tideline.api.indicator.Correlations}, the desk's one correlation of daily
 * changes ({@link io.tideline.api.indicator.DailyChange} per series kind, pairs joined on UTC
 * day), with {@link io.tideline.api.indicator.CorrelationQuery} and
 * {@link io.tideline.api.indicator.CorrelationCurve}.
 */
@Export
@Version("1.2.0")
package io.tideline.api.indicator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
