/**
 * Computed indicator series read as of a cutoff without look-ahead: columns of bar times and
 * values by node name, the last bar at or before a day, staleness.
 *
 * <p>Not an OSGi API: bundles embed this package privately with bnd's
 * {@code -conditionalpackage: io.tideline.support.*}.
 */
package io.tideline.support.series;
