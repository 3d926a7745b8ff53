/**
 * Reading a plugin jar's bundle headers before it is installed, with bounded memory: the manifest
 * is read up to a cap whatever the jar claims its size is, and every refusal names the jar and
 * what was expected.
 *
 * <p>Not an OSGi API: bundles embed this package privately with bnd's
 * {@code -conditionalpackage: io.tideline.support.*}.
 */
package io.tideline.support.jar;
