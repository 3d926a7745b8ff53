/**
 * The small chart toolkit the three views share, on SWTChart: panes on one linked time axis,
 * crosshair, zoom and pan, min/max decimation to the pixel width, candlesticks and bars drawn by
 * custom paint listeners, and background loading. Private to this bundle.
 */
package io.tideline.views.chart.kit;
