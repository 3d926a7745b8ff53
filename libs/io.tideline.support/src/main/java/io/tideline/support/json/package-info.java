/**
 * Strict JSON loading for files a user edits (rules, scenario packs): no coercion, no unknown
 * keys, and every error naming the file, the JSON path and what was expected; plus the
 * "last valid file stays in force" holder for workspace overrides.
 *
 * <p>Not an OSGi API: bundles embed this package privately with bnd's
 * {@code -conditionalpackage: io.tideline.support.*}.
 */
package io.tideline.support.json;
