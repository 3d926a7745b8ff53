/** The checklist's rules, evaluation and command; private to this bundle. */
package io.tideline.regime;
