package io.tideline.views.desk;

import io.tideline.api.alerts.TrackedAlert;

/**
 * What a view hears from {@link DeskData}. Called on any thread: a view hands the news to its
 * UI thread itself.
 */
public interface DeskListener {

    /** New bars were stored: recompute what is shown. */
    default void dataChanged() {
    }

    /** The alerts bundle fired an alert (with its delivery state so far). */
    default void alert(TrackedAlert alert) {
    }

    /** The alerts bundle came or went: reload the alerts ({@link DeskData#alerts()}). */
    default void alertsChanged() {
    }

    /** A feed connector came or went. */
    default void feedsChanged() {
    }
}
