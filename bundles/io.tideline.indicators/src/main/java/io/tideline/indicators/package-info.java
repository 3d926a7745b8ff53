/**
 * The built-in indicator library: one Declarative Services component per indicator, each an
 * {@link io.tideline.api.indicator.Indicator} service whose component name is
 * {@code io.tideline.indicators.<spec id>} and which carries the service property
 * {@code indicator.id=<spec id>} for filtering. Private to this bundle: indicators are met
 * as services, never through these classes.
 */
package io.tideline.indicators;
