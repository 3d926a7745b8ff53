/** The morning-meeting report: checklist and scenarios as one self-contained HTML file. */
package io.tideline.views.desk.report;
