package io.tideline.api.desk;

import io.tideline.api.alerts.TrackedAlert;

/**
 * What a view hears from {@link Desk}. Called on any thread: a view hands the news to its
 * UI thread itself.
 */
public interface DeskListener {

    /** The desk published a new snapshot (new bars settled, roles or the as-of date changed): show it. */
    default void dataChanged() {
    }

    /** The alerts bundle fired an alert (with its delivery state so far). */
    default void alert(TrackedAlert alert) {
    }

    /** The alerts bundle came or went: reload the alerts ({@link Desk#alerts()}). */
    default void alertsChanged() {
    }

    /** A feed connector came or went. */
    default void feedsChanged() {
    }
}
