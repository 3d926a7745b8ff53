/** Chart views on SWTChart: the chart, crypto structure and macro desk; private to this bundle. */
package io.tideline.views.chart;
