/** The correlation heatmap view: matrix, legend, window selector and BTC–Nasdaq sparkline. */
package io.tideline.views.desk.heatmap;
