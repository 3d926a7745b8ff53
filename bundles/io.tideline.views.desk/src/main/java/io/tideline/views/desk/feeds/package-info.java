/** The feeds and alerts view: feed health, the alert log and desktop notifications. */
package io.tideline.views.desk.feeds;
