package io.tideline.views.desk;

/**
 * What a view hears from {@link DeskData}. Called on any thread: a view hands the news to its
 * UI thread itself.
 */
public interface DeskListener {

    /** New bars were stored: recompute what is shown. */
    default void dataChanged() {
    }

    /** A new alert was logged. */
    default void alert(Alert alert) {
    }

    /** A feed connector came or went. */
    default void feedsChanged() {
    }
}
