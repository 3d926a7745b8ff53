package io.tideline.workbench.internal.layout;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the layout file holds: every perspective as the user left it, which one is active, and
 * the main window's bounds. Immutable.
 *
 * @param version the file format version; a newer one than {@link #VERSION} is not read
 * @param window the main window's bounds, or {@code null} for the default size
 */
public record Layout(int version, String active, Bounds window, List<Perspective> perspectives) {

    /** The format this code writes. */
    public static final int VERSION = 1;

    /** Rejects an empty layout or an active id that names no perspective. */
    public Layout {
        perspectives = List.copyOf(perspectives);
        if (perspectives.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one perspective");
        }
        Objects.requireNonNull(active, "active");
        String a = active;
        if (perspectives.stream().noneMatch(p -> p.id().equals(a))) {
            active = perspectives.get(0).id();
        }
    }

    /** The active perspective. */
    public Perspective activePerspective() {
        return find(active).orElseThrow();
    }

    /** The perspective of an id. */
    public Optional<Perspective> find(String id) {
        return perspectives.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** This layout with {@code p} replacing the perspective of its id, or added at the end. */
    public Layout with(Perspective p) {
        List<Perspective> list = new java.util.ArrayList<>(perspectives);
        int i = indexOf(p.id());
        if (i < 0) {
            list.add(p);
        } else {
            list.set(i, p);
        }
        return new Layout(version, active, window, list);
    }

    /** This layout without the perspective of {@code id}; refuses to remove the last one. */
    public Layout without(String id) {
        if (perspectives.size() == 1) {
            throw new IllegalArgumentException("the last perspective cannot be deleted");
        }
        List<Perspective> list = perspectives.stream().filter(p -> !p.id().equals(id)).toList();
        return new Layout(version, active.equals(id) ? list.get(0).id() : active, window, list);
    }

    /** This layout with another active perspective. */
    public Layout activate(String id) {
        if (indexOf(id) < 0) {
            throw new IllegalArgumentException("no perspective " + id);
        }
        return new Layout(version, id, window, perspectives);
    }

    /** This layout with the main window at {@code bounds}. */
    public Layout withWindow(Bounds bounds) {
        return new Layout(version, active, bounds, perspectives);
    }

    private int indexOf(String id) {
        for (int i = 0; i < perspectives.size(); i++) {
            if (perspectives.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
