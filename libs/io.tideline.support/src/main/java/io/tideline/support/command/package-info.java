/**
 * Parsing of console command arguments: flags, date options and valued options, with the same
 * wording of errors in every command.
 *
 * <p>Not an OSGi API: bundles embed this package privately with bnd's
 * {@code -conditionalpackage: io.tideline.support.*}.
 */
package io.tideline.support.command;
