package io.tideline.views.chart.kit;

/**
 * The few sentences the kit writes into panes, in the view's language (the kit itself holds no
 * user-visible text).
 */
public interface Wording {

    /**
     * Shown in a pane whose layers have no bar in the visible range.
     *
     * @param first the first bar's day, {@code yyyy-MM-dd}
     * @param last the last bar's day
     */
    String noDataInRange(String first, String last);

    /**
     * Appended to a pane's header when its data covers only part of the visible range.
     *
     * @param first the first bar's day when the data starts inside the range, else {@code null}
     * @param last the last bar's day when the data ends inside the range, else {@code null}
     */
    String dataCovers(String first, String last);
}
