/**
 * Rolling statistics on primitive doubles, O(1) (amortised) work and no allocation per update.
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
 * <p>Private to the bundle; not thread-safe (each instance belongs to one computation).
 */
package io.tideline.indicators.rolling;
