package io.tideline.workbench.internal.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A named arrangement of view stacks: the main window's tree, windows of their own, and the
 * maximised stack if any. Every rearrangement (drag and drop, "Show view", close, detach) is a
 * method here that returns a new perspective, so the mouse and the tests take one code path.
 * Immutable.
 *
 * @param maximized the id of the maximised stack, or {@code null}
 */
public record Perspective(String id, String name, Node root, List<Window> windows, String maximized) {

    /** Rejects nulls; copies the windows. */
    public Perspective {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        windows = windows == null ? List.of() : List.copyOf(windows);
        if (maximized != null && !(findNode(root, maximized) instanceof Stack)) {
            maximized = null;
        }
    }

    /** A new unique node id. */
    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every view instance, main window first. */
    public List<ViewRef> views() {
        List<ViewRef> all = new ArrayList<>();
        collect(root, all);
        windows.forEach(w -> collect(w.root(), all));
        return all;
    }

    /** Every stack, main window first. */
    public List<Stack> stacks() {
        List<Stack> all = new ArrayList<>();
        stacks(root, all);
        windows.forEach(w -> stacks(w.root(), all));
        return all;
    }

    /** The stacks of the main window, in order. */
    public List<Stack> mainStacks() {
        List<Stack> all = new ArrayList<>();
        stacks(root, all);
        return all;
    }

    /** The view instances under a node, in order. */
    public static List<ViewRef> views(Node node) {
        List<ViewRef> all = new ArrayList<>();
        collect(node, all);
        return all;
    }

    /** The stack holding a view instance. */
    public Optional<Stack> stackOf(String instanceId) {
        return stacks().stream().filter(s -> s.indexOf(instanceId) >= 0).findFirst();
    }

    /** The weights of a split, or null if there is no split of that id. */
    public List<Integer> splitWeights(String splitId) {
        Node n = findAnywhere(splitId);
        return n instanceof Split s ? s.weights() : null;
    }

    /** A view instance by id. */
    public Optional<ViewRef> view(String instanceId) {
        return views().stream().filter(v -> v.instanceId().equals(instanceId)).findFirst();
    }

    /** This perspective renamed. */
    public Perspective rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a perspective needs a name");
        }
        return new Perspective(id, newName.strip(), root, windows, maximized);
    }

    /** A copy with a new id and name, and new instance ids (so settings of the two evolve apart). */
    public Perspective duplicate(String newName) {
        UnaryOperator<Node> fresh = n -> n instanceof Stack s ? new Stack(s.id(), s.views().stream()
                .map(v -> new ViewRef(newId("view"), v.viewId(), v.settings())).toList(), s.active()) : n;
        return new Perspective(newId("perspective"), newName, map(root, fresh),
                windows.stream().map(w -> new Window(w.id(), w.bounds(), map(w.root(), fresh))).toList(), null);
    }

    /**
     * Adds a view instance as the active tab of {@code stackId}, or of the first stack when that
     * is {@code null} or gone.
     */
    public Perspective add(ViewRef ref, String stackId) {
        String target = stackId != null && findAnywhere(stackId) instanceof Stack ? stackId : stacks().get(0).id();
        return replaceNode(target, n -> {
            Stack s = (Stack) n;
            List<ViewRef> views = new ArrayList<>(s.views());
            views.add(ref);
            return new Stack(s.id(), views, views.size() - 1);
        });
    }

    /** Closes a view instance; an emptied stack goes away unless it is the last of the main window. */
    public Perspective close(String instanceId) {
        return remove(instanceId).normalize();
    }

    /**
     * Moves a view instance next to or into the stack {@code targetStackId}: into it as the
     * active tab ({@link Side#CENTER}), or into a new stack split off on one side. Dropping a
     * view on its own stack's centre, or splitting a stack by its only view, changes nothing.
     */
    public Perspective move(String instanceId, String targetStackId, Side side) {
        ViewRef ref = view(instanceId).orElseThrow(() -> new IllegalArgumentException("no view " + instanceId));
        Stack source = stackOf(instanceId).orElseThrow();
        if (!(findAnywhere(targetStackId) instanceof Stack)) {
            throw new IllegalArgumentException("no stack " + targetStackId);
        }
        if (source.id().equals(targetStackId) && (side == Side.CENTER || source.views().size() == 1)) {
            return this;
        }
        Perspective without = remove(instanceId);
        if (side == Side.CENTER) {
            return without.add(ref, targetStackId).normalize();
        }
        boolean horizontal = side == Side.LEFT || side == Side.RIGHT;
        boolean before = side == Side.LEFT || side == Side.TOP;
        Stack fresh = new Stack(newId("stack"), List.of(ref), 0);
        return without.replaceNode(targetStackId, target -> new Split(newId("split"), horizontal, null,
                before ? List.of(fresh, target) : List.of(target, fresh))).normalize();
    }

    /** Moves a view instance into a window of its own at {@code bounds}. */
    public Perspective detach(String instanceId, Bounds bounds) {
        ViewRef ref = view(instanceId).orElseThrow(() -> new IllegalArgumentException("no view " + instanceId));
        Perspective without = remove(instanceId);
        List<Window> list = new ArrayList<>(without.windows);
        list.add(new Window(newId("window"), bounds, new Stack(newId("stack"), List.of(ref), 0)));
        return new Perspective(id, name, without.root, list, without.maximized).normalize();
    }

    /** A window moved or resized by the user. */
    public Perspective moveWindow(String windowId, Bounds bounds) {
        return new Perspective(id, name, root, windows.stream()
                .map(w -> w.id().equals(windowId) ? new Window(w.id(), bounds, w.root()) : w).toList(), maximized);
    }

    /** New sash weights of a split, as the user dragged them. */
    public Perspective resize(String splitId, List<Integer> weights) {
        return replaceNode(splitId, n -> {
            Split s = (Split) n;
            return new Split(s.id(), s.horizontal(), weights, s.children());
        });
    }

    /** Another tab made active in a stack. */
    public Perspective activate(String stackId, int index) {
        return replaceNode(stackId, n -> {
            Stack s = (Stack) n;
            return new Stack(s.id(), s.views(), index);
        });
    }

    /** Reorders a tab within its stack. */
    public Perspective reorder(String instanceId, int newIndex) {
        Stack s = stackOf(instanceId).orElseThrow(() -> new IllegalArgumentException("no view " + instanceId));
        List<ViewRef> views = new ArrayList<>(s.views());
        ViewRef ref = views.remove(s.indexOf(instanceId));
        int at = Math.max(0, Math.min(newIndex, views.size()));
        views.add(at, ref);
        return replaceNode(s.id(), n -> new Stack(s.id(), views, at));
    }

    /** The stack maximised, or restored with {@code null}. */
    public Perspective maximize(String stackId) {
        return new Perspective(id, name, root, windows, stackId);
    }

    /** A view instance's new settings. */
    public Perspective settings(String instanceId, java.util.Map<String, String> settings) {
        Stack s = stackOf(instanceId).orElseThrow(() -> new IllegalArgumentException("no view " + instanceId));
        return replaceNode(s.id(), n -> new Stack(s.id(), s.views().stream()
                .map(v -> v.instanceId().equals(instanceId) ? v.withSettings(settings) : v).toList(), s.active()));
    }

    private Perspective remove(String instanceId) {
        Stack s = stackOf(instanceId).orElseThrow(() -> new IllegalArgumentException("no view " + instanceId));
        int index = s.indexOf(instanceId);
        return replaceNode(s.id(), n -> {
            List<ViewRef> views = new ArrayList<>(s.views());
            views.remove(index);
            return new Stack(s.id(), views, s.active() > index ? s.active() - 1 : s.active());
        });
    }

    /**
     * Drops empty stacks (keeping one in the main window), collapses splits left with one part,
     * and windows left empty.
     */
    Perspective normalize() {
        Node main = prune(root);
        if (main == null) {
            Stack first = stacks().get(0);
            main = new Stack(first.id(), List.of(), 0);
        }
        List<Window> list = new ArrayList<>();
        for (Window w : windows) {
            Node n = prune(w.root());
            if (n != null) {
                list.add(new Window(w.id(), w.bounds(), n));
            }
        }
        return new Perspective(id, name, main, list, maximized);
    }

    private static Node prune(Node n) {
        if (n instanceof Stack s) {
            return s.views().isEmpty() ? null : s;
        }
        Split sp = (Split) n;
        List<Node> kept = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < sp.children().size(); i++) {
            Node c = prune(sp.children().get(i));
            if (c != null) {
                kept.add(c);
                weights.add(sp.weights().get(i));
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        return kept.size() == 1 ? kept.get(0) : new Split(sp.id(), sp.horizontal(), weights, kept);
    }

    private Perspective replaceNode(String nodeId, UnaryOperator<Node> change) {
        UnaryOperator<Node> op = n -> n.id().equals(nodeId) ? change.apply(n) : n;
        return new Perspective(id, name, map(root, op),
                windows.stream().map(w -> new Window(w.id(), w.bounds(), map(w.root(), op))).toList(), maximized);
    }

    private static Node map(Node n, UnaryOperator<Node> op) {
        if (n instanceof Split s) {
            List<Node> children = s.children().stream().map(c -> map(c, op)).toList();
            return op.apply(new Split(s.id(), s.horizontal(), s.weights(), children));
        }
        return op.apply(n);
    }

    private Node findAnywhere(String nodeId) {
        Node n = findNode(root, nodeId);
        for (int i = 0; n == null && i < windows.size(); i++) {
            n = findNode(windows.get(i).root(), nodeId);
        }
        return n;
    }

    private static Node findNode(Node n, String nodeId) {
        if (n.id().equals(nodeId)) {
            return n;
        }
        if (n instanceof Split s) {
            for (Node c : s.children()) {
                Node found = findNode(c, nodeId);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void collect(Node n, List<ViewRef> out) {
        if (n instanceof Stack s) {
            out.addAll(s.views());
        } else {
            ((Split) n).children().forEach(c -> collect(c, out));
        }
    }

    private static void stacks(Node n, List<Stack> out) {
        if (n instanceof Stack s) {
            out.add(s);
        } else {
            ((Split) n).children().forEach(c -> stacks(c, out));
        }
    }
}
