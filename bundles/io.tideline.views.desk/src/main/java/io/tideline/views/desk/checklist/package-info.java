/** The checklist view: verdict, five traffic-light steps with evidence, past days, regime timeline, report export. */
package io.tideline.views.desk.checklist;
