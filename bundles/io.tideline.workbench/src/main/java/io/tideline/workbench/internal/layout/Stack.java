package io.tideline.workbench.internal.layout;

import java.util.List;
import java.util.Objects;

/** Views as tabs in one folder; {@code active} is the index of the shown tab. Immutable. */
public record Stack(String id, List<ViewRef> views, int active) implements Node {

    /** Clamps the active index into the views. */
    public Stack {
        Objects.requireNonNull(id, "id");
        views = List.copyOf(views);
        active = views.isEmpty() ? 0 : Math.max(0, Math.min(active, views.size() - 1));
    }

    /** The index of a view instance in this stack, or -1. */
    public int indexOf(String instanceId) {
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i).instanceId().equals(instanceId)) {
                return i;
            }
        }
        return -1;
    }
}
