/**
 * The indicator SDK: the building blocks Tideline's own indicators are made of, public so that a
 * plugin's indicator is written the same way. {@link io.tideline.api.indicator.sdk.AbstractIndicator}
 * declares an indicator from its {@link io.tideline.api.indicator.sdk.Param}s and checks the
 * parameters a caller gives ({@link io.tideline.api.indicator.sdk.Parameters}: unknown name, out of
 * bounds, a fraction where a whole number is required, each with a message naming the indicator,
 * the parameter, the value and the bounds); {@link io.tideline.api.indicator.sdk.BarComputation}
 * checks the engine's arguments once per call and the bar times once per bar; and the rolling
 * statistics ({@code RollingSum}, {@code RollingVariance}, {@code RollingCovariance},
 * {@code RollingSlope}, {@code RollingExtremum}, {@code Ewma}, {@code Lag}) work on primitive
 * doubles in O(1) (amortised) per update with no allocation and no boxing.
 *
 * <p>NaN rule, shared by every windowed class here: a NaN is a missing point, not a value. A
 * window that holds fewer than {@code window} valid (non-NaN) points, because the series has not
 * yet produced {@code window} points or because some are NaN, yields NaN; a statistic is never
 * computed silently over a shorter window. Outputs become valid again as soon as the last NaN
 * has left the window.
 *
 * <p>Drift: floating-point running sums accumulate rounding error with every add and remove.
 * The windowed classes bound it by recomputing their state exactly from the ring buffer once
 * every {@code window} updates (O(window) work every {@code window} updates, so amortised
 * O(1)), so the error never comes from more than two windows' worth of updates, however long
 * the series. Between recomputations, variance and covariance use Welford-style add and remove
 * updates on deviations from the mean, which avoid the catastrophic cancellation of
 * {@code sum(x^2) - n * mean^2} when the mean is large relative to the spread (prices).
 *
 * <p>The indicators themselves are immutable services; computations and rolling statistics are
 * not thread-safe (each instance belongs to one computation, driven by one thread at a time).
 */
@Export
@Version("1.0.0")
package io.tideline.api.indicator.sdk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
