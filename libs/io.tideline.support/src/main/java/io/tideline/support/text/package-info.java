/**
 * Text from outside quoted in messages: shortened so that a 10 MB value is named, never echoed.
 *
 * <p>Not an OSGi API: bundles embed this package privately with bnd's
 * {@code -conditionalpackage: io.tideline.support.*}.
 */
package io.tideline.support.text;
