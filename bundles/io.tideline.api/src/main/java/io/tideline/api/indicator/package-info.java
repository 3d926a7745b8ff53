/**
 * The indicator SPI: a declared spec and a stateful, incremental computation over primitive columns.
 *
 * <p>1.1: {@link io.tideline.api.indicator.Correlations}, the desk's one correlation of daily
 * changes ({@link io.tideline.api.indicator.DailyChange} per series kind, pairs joined on UTC
 * day), with {@link io.tideline.api.indicator.CorrelationQuery} and
 * {@link io.tideline.api.indicator.CorrelationCurve}.
 *
 * <p>1.3: {@link io.tideline.api.indicator.IndicatorEngine#evaluate(java.util.List, long, long,
 * io.tideline.api.series.Timeframe)}, a graph computed on bars of one length (the checklist's
 * daily steps read daily bars of a series bound at 1h).
 */
@Export
@Version("1.3.0")
package io.tideline.api.indicator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
