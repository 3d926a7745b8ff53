/** The built-in indicator library; private to this bundle (indicators are met as services). */
package io.tideline.indicators;
