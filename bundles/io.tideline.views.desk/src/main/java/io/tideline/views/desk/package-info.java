/** Desk views: correlation heatmap, checklist, scenarios, feeds and alerts; private to this bundle. */
package io.tideline.views.desk;
