package io.tideline.api.ui;

import java.util.Objects;

/**
 * What a view is, for the "Show view" dialog and the layout file.
 *
 * @param id a stable id saved in layouts, e.g. {@code io.tideline.views.chart}
 * @param title the tab title
 * @param category the group in "Show view", e.g. "Markets"
 * @param iconPath a bundle resource path of a 16x16 PNG, or {@code null}
 */
public record ViewSpec(String id, String title, String category, String iconPath) {

    /** Rejects null or blank id, title and category. */
    public ViewSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        if (id.isBlank() || title.isBlank()) {
            throw new IllegalArgumentException("a view needs a non-blank id and title: '" + id + "'");
        }
    }
}
