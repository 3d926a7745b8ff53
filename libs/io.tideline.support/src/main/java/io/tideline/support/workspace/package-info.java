/**
 * The data directory the components share.
 *
 * <p>Not an OSGi API: bundles embed this package privately with bnd's
 * {@code -conditionalpackage: io.tideline.support.*}.
 */
package io.tideline.support.workspace;
